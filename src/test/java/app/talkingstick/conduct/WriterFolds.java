package app.talkingstick.conduct;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The training lines split by writer, to read each line with heads fitted without its writer: the
 * writers' files in name order, the first paired with the last, the second with the one before it, and
 * so on (a writer of chat-length lines with one of long posts, most often), so every fold keeps each
 * label in its training part.
 */
final class WriterFolds {
  private WriterFolds() {}

  /** Row numbers of {@code lines}, one list per fold. */
  static List<List<Integer>> of(List<LabelledLine> lines) {
    List<String> writers = lines.stream().map(LabelledLine::file).distinct().sorted().toList();
    int folds = (writers.size() + 1) / 2;
    List<List<Integer>> out = new ArrayList<>();
    for (int f = 0; f < folds; f++) out.add(new ArrayList<>());
    for (int i = 0; i < lines.size(); i++) {
      int w = writers.indexOf(lines.get(i).file());
      out.get(Math.min(w, writers.size() - 1 - w)).add(i);
    }
    return out;
  }

  /** The rows of {@code 0..n-1} not in {@code fold}, in order. */
  static List<Integer> complement(List<Integer> fold, int n) {
    Set<Integer> left = new HashSet<>(fold);
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < n; i++) if (!left.contains(i)) rest.add(i);
    return rest;
  }
}
