package app.talkingstick.conduct;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the semantic layer's corpus: {@code label<TAB>text}, the label one of
 * {@code crisis/<kind>/<severity>}, {@code distress}, {@code abuse/<kind>}, {@code benign/<kind>}.
 * {@code \n} in a text stands for a line break; {@code file} names its writer.
 */
record LabelledLine(String label, String text, String file) {

  static List<LabelledLine> read(List<Path> files) throws IOException {
    List<LabelledLine> lines = new ArrayList<>();
    for (Path file : files) {
      for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (raw.isBlank() || raw.startsWith("#")) continue;
        int tab = raw.indexOf('\t');
        if (tab < 0) throw new IllegalArgumentException(file + ": no label in: " + raw);
        String text = raw.substring(tab + 1).replace("\\n", "\n").strip();
        lines.add(new LabelledLine(raw.substring(0, tab).strip(), text, file.getFileName().toString()));
      }
    }
    return lines;
  }

  /** crisis, distress, abuse or benign. */
  String group() {
    return label.split("/")[0];
  }

  boolean crisis() {
    return "crisis".equals(group());
  }

  /** The crisis kind, or "none". */
  String kind() {
    return crisis() ? label.split("/")[1] : "none";
  }

  String severity() {
    return crisis() ? label.split("/")[2] : "none";
  }

  /** The kind of abuse, or "none". */
  String abuseKind() {
    return "abuse".equals(group()) ? label.split("/")[1] : "none";
  }
}
