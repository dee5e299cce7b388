package app.talkingstick.conduct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Trains the semantic layer's heads ({@link SemanticHeads}) from the training writers' lines and
 * writes {@code src/main/resources/conduct/semantic-heads.tsv}. Reproducible: fixed seeds, the lines
 * in file order. Thresholds are chosen on out-of-writer readings: the writers are split into folds,
 * each fold's lines read by heads fitted without that fold's writers, so the thresholds meet their
 * budgets on words the heads never saw (a split by line, inside each writer's own style, set them too
 * low). The shipped heads are then fitted on every line. It never reads the test split
 * ({@code semantic/test-*.tsv}). Run from the project directory after {@code mvn test-compile}:
 * {@code java -cp "$(cat target/classpath.txt):target/classes:target/test-classes" app.talkingstick.conduct.SemanticTraining}
 * (see docs/conduct.md). The embeddings are kept under {@code target/} by text (a run embeds only new lines), the
 * out-of-writer readings while the training files, the encoder and the heads' shape are unchanged.
 */
public final class SemanticTraining {

  static final Path DATA = Path.of("src/test/resources/conduct/semantic");
  static final Path OUT = Path.of("src/main/resources/conduct/semantic-heads.tsv");
  static final Path LEXICAL_OUT = Path.of("src/main/resources/conduct/semantic-lexical.bin.gz");
  static final Path EMBEDDINGS = Path.of("target/semantic-embeddings.bin");
  static final Path READINGS = Path.of("target/semantic-out-of-writer.tsv");
  static final List<String> KINDS = List.of("none", "suicide", "selfharm", "overdose", "others", "relapse");
  static final List<String> SEVERITIES = List.of("concern", "high", "imminent");
  static final List<String> ABUSE = List.of("none", "insult", "threat", "harass");

  private SemanticTraining() {}

  public static void main(String[] args) throws IOException {
    List<Path> files = trainingFiles();
    List<LabelledLine> all = LabelledLine.read(files);
    String digest = digest(files);
    float[][] x = EmbeddingCache.load(EMBEDDINGS, SentenceEncoder.RECIPE, all, SemanticTraining::embed);
    List<List<Integer>> folds = WriterFolds.of(all);
    System.out.printf(Locale.ROOT, "%d lines from %d writers in %d folds%n", all.size(), files.size(), folds.size());
    List<Thresholds.Scored> outOfFold = Thresholds.Scored.load(READINGS, digest + SentenceEncoder.RECIPE + SHAPE
        + Thresholds.Scored.COLUMNS, all,
        () -> outOfWriter(all, x, folds));
    Thresholds chosen = Thresholds.choose(outOfFold);
    Fitted shipped = Fitted.on(all, x, java.util.stream.IntStream.range(0, all.size()).boxed().toList());
    List<Integer> crisisRows = indexesWhere(all, LabelledLine::crisis);
    SemanticHeads.Head severity = HeadFit.fit(rows(x, crisisRows),
        crisisRows.stream().map(i -> SEVERITIES.indexOf(all.get(i).severity())).toList(), SEVERITIES, 2, true, null);
    try (java.io.OutputStream out = Files.newOutputStream(LEXICAL_OUT)) {
      shipped.words().write(out);
    }
    write(shipped.kind(), severity, shipped.abuse(), chosen, digest, all.size(), folds.size());
    System.out.println("wrote " + OUT + ": " + chosen);
  }

  /** Each line as read by heads fitted without its writer's fold; the folds fitted two at a time. */
  private static List<Thresholds.Scored> outOfWriter(List<LabelledLine> all, float[][] x, List<List<Integer>> folds) {
    long start = System.nanoTime();
    Thresholds.Scored[] outOfFold = new Thresholds.Scored[all.size()];
    folds.parallelStream().forEach(fold -> {
      SemanticHeads heads = Fitted.on(all, x, WriterFolds.complement(fold, all.size())).withoutSeverity();
      for (int i : fold) outOfFold[i] = Thresholds.Scored.of(all.get(i), heads, x[i]);
    });
    System.out.printf(Locale.ROOT, "out-of-writer readings in %.0f s%n", (System.nanoTime() - start) / 1e9);
    return List.of(outOfFold);
  }

  /** The seeds of the kind heads and of the abuse heads, one head each: averaged, they are steadier than one. */
  static final long[] KIND_SEEDS = {1, 5};
  static final long[] ABUSE_SEEDS = {3, 5, 7};

  /** The kind and abuse heads and the word features, fitted on some of the lines (the severity head is fitted apart). */
  private record Fitted(SemanticHeads.Ensemble kind, SemanticHeads.Ensemble abuse, CrisisClassifier words) {
    static Fitted on(List<LabelledLine> all, float[][] x, List<Integer> rows) {
      float[][] xs = rows(x, rows);
      double[] weights = AddressedWeights.of(all, rows);
      List<CrisisClassifier.Example> examples = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        LabelledLine l = all.get(rows.get(r));
        examples.add(new CrisisClassifier.Example(lexicalLabel(l), l.text(), weights[r]));
      }
      List<Integer> kinds = rows.stream().map(i -> KINDS.indexOf(all.get(i).kind())).toList();
      List<Integer> abuse = rows.stream().map(i -> ABUSE.indexOf(all.get(i).abuseKind())).toList();
      return new Fitted(ensemble(KIND_SEEDS, seed -> HeadFit.fit(xs, kinds, KINDS, seed, false, weights)),
          ensemble(ABUSE_SEEDS, seed -> HeadFit.fit(xs, abuse, ABUSE, seed, false, weights)),
          CrisisClassifier.train(examples));
    }

    private static SemanticHeads.Ensemble ensemble(long[] seeds, java.util.function.LongFunction<SemanticHeads.Head> fit) {
      return new SemanticHeads.Ensemble(java.util.Arrays.stream(seeds).mapToObj(fit).toList());
    }

    /** Enough to read P(crisis) and P(abuse), which is all choosing thresholds needs. */
    SemanticHeads withoutSeverity() {
      return new SemanticHeads(kind, null, abuse, words, java.util.Map.of());
    }
  }

  /** The word-feature classifier's label for a line: benign, abuse or crisis-&lt;kind&gt;. */
  static String lexicalLabel(LabelledLine l) {
    if (l.crisis()) return "others".equals(l.kind()) ? "crisis-harm-others" : "crisis-" + l.kind();
    return "abuse".equals(l.group()) ? "abuse" : "benign";
  }

  static List<Path> trainingFiles() throws IOException {
    try (Stream<Path> files = Files.list(DATA)) {
      List<Path> list = new ArrayList<>(files.filter(p -> p.getFileName().toString().startsWith("train-")).toList());
      Collections.sort(list);
      return list;
    }
  }

  static float[][] embed(List<LabelledLine> lines) {
    SentenceEncoder encoder = SentenceEncoder.bundled();
    System.out.printf(Locale.ROOT, "embedding %d lines (a few minutes; kept for the next run)%n", lines.size());
    float[][] x = new float[lines.size()][];
    for (int from = 0; from < lines.size(); from += 32) {
      List<String> batch = lines.subList(from, Math.min(lines.size(), from + 32)).stream().map(LabelledLine::text).toList();
      float[][] vectors = encoder.encodeAll(batch);
      System.arraycopy(vectors, 0, x, from, vectors.length);
    }
    return x;
  }

  private static List<Integer> indexesWhere(List<LabelledLine> lines, java.util.function.Predicate<LabelledLine> test) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) if (test.test(lines.get(i))) rows.add(i);
    return rows;
  }

  static float[][] rows(float[][] x, List<Integer> rows) {
    return rows.stream().map(i -> x[i]).toArray(float[][]::new);
  }

  /** SHA-256 over the training files' names and bytes, in name order. */
  static String digest(List<Path> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path file : files) {
        sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(SemanticHeads.Ensemble kind, SemanticHeads.Head severity, SemanticHeads.Ensemble abuse,
                            Thresholds t, String digest, int trained, int folds) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# The semantic layer's heads, written by SemanticTraining: do not edit by hand.\n");
    out.append("# Fitted on ").append(trained).append(" training lines; thresholds chosen on their readings by heads")
        .append(" fitted without their writers (").append(folds).append(" folds): ").append(t).append('\n');
    out.append("# ").append(Thresholds.lastReport()).append('\n');
    out.append("digest\t").append(digest).append('\n');
    out.append("urgent\t").append(t.urgent()).append('\n');
    out.append("check-in\t").append(t.checkIn()).append('\n');
    out.append("abuse\t").append(t.abuse()).append('\n');
    out.append("not-abuse\t").append(t.notAbuse()).append('\n');
    out.append("not-crisis\t").append(t.notCrisis()).append('\n');
    out.append("not-crisis-high\t").append(t.notCrisisHigh()).append('\n');
    out.append("quiet\t").append(t.quiet()).append('\n');
    out.append("abuse-blend\t").append(t.blend()).append('\n');
    append(out, "kind", kind);
    append(out, "severity", severity);
    append(out, "abuse", abuse);
    Files.writeString(OUT, out.toString());
  }

  /** An ensemble's heads as {@code name}, {@code name.2}, {@code name.3} and so on. */
  private static void append(StringBuilder out, String name, SemanticHeads.Ensemble heads) {
    for (int m = 0; m < heads.members().size(); m++) append(out, m == 0 ? name : name + "." + (m + 1), heads.members().get(m));
  }

  private static void append(StringBuilder out, String name, SemanticHeads.Head head) {
    for (int j = 0; j < head.hiddenBias().length; j++) row(out, name, "hidden", head.hiddenBias()[j], head.hiddenWeights()[j]);
    for (int c = 0; c < head.classes().size(); c++) {
      row(out, name, "class:" + head.classes().get(c), head.outBias()[c], head.outWeights()[c]);
    }
  }

  private static void row(StringBuilder out, String head, String what, double bias, double[] w) {
    out.append(head).append('\t').append(what).append('\t').append((float) bias).append('\t');
    for (int d = 0; d < w.length; d++) {
      if (d > 0) out.append(',');
      out.append((float) w[d]);
    }
    out.append('\n');
  }

  /** What the heads are: readings kept for training are reused only while this stays the same. */
  static final String SHAPE = HeadFit.SHAPE + ", spoken-to benign weighted, kind seeds " + java.util.Arrays.toString(KIND_SEEDS)
      + ", abuse seeds " + java.util.Arrays.toString(ABUSE_SEEDS);
}
