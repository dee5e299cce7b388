package app.talkingstick.conduct;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Example weights that undo a bias of the training lines: nearly all the abuse is spoken to someone
 * ("you", "ur", "@Sam"), while most benign lines speak to nobody, so a learner takes being spoken to
 * for abuse (heads fitted without the writer of warm messages to members held a quarter of that
 * writer's kind words: "you're so wise Nadia"). In a group chat kind words to a member are everyday, so
 * each benign line spoken to someone weighs as many times more as makes the benign and the abusive
 * lines spoken to someone weigh alike.
 */
final class AddressedWeights {
  private static final Pattern SPOKEN_TO = Pattern.compile(
      "(?iu)(?:^|[^\\p{L}'’])(?:you|your|yours|youre|you['’]re|you['’]ll|you['’]ve|you['’]d|yourself|yourselves|u|ur|ya|y['’]?all)(?=$|[^\\p{L}])|@\\p{L}");

  private AddressedWeights() {}

  static boolean spokenTo(String text) {
    return SPOKEN_TO.matcher(text).find();
  }

  /** One weight per row of {@code rows}: 1, or the factor for a benign line spoken to someone. */
  static double[] of(List<LabelledLine> lines, List<Integer> rows) {
    int abusive = 0;
    int benign = 0;
    boolean[] spoken = new boolean[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      LabelledLine line = lines.get(rows.get(r));
      spoken[r] = spokenTo(line.text());
      if (!spoken[r]) continue;
      if ("abuse".equals(line.group())) abusive++;
      if ("benign".equals(line.group())) benign++;
    }
    double factor = benign == 0 ? 1 : Math.max(1, (double) abusive / benign);
    double[] weights = new double[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      weights[r] = spoken[r] && "benign".equals(lines.get(rows.get(r)).group()) ? factor : 1;
    }
    return weights;
  }
}
