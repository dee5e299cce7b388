package app.talkingstick.conduct;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints the CPU time one thread spends screening a message with both layers ({@link SemanticLayer})
 * and deciding on it ({@link ConductPolicy}), one at a time and in batches, on a seventh of the
 * semantic training lines (all of them, and their everyday chat alone): median, p90 and p99 per message. A main program, not a test:
 * {@code java -cp "$(cat target/classpath.txt):target/classes:target/test-classes" app.talkingstick.conduct.ScreeningBenchmark}
 * (pin it to one core with {@code taskset -c 1} to measure as the server's screening threads run).
 */
public final class ScreeningBenchmark {

  private ScreeningBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<LabelledLine> all = LabelledLine.read(SemanticTraining.trainingFiles());
    List<LabelledLine> dev = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 7 == 0).mapToObj(all::get).toList();
    SemanticLayer layer = SemanticLayer.bundled();
    run("every seventh training line (the hard mix)", dev.stream().map(LabelledLine::text).toList(), layer);
    run("benign/chat lines among them", dev.stream().filter(l -> l.label().equals("benign/chat")).map(LabelledLine::text).toList(),
        layer);
  }

  private static void run(String what, List<String> texts, SemanticLayer layer) {
    System.out.println(what + ":");
    ConductPolicy policy = ConductPolicy.defaults();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Instant now = Instant.now();
    for (int round = 0; round < 3; round++) {
      long[] each = new long[texts.size()];
      for (int i = 0; i < texts.size(); i++) {
        long start = cpu.getCurrentThreadCpuTime();
        Screened screened = layer.screen(texts.get(i));
        policy.evaluate(ChannelKind.GROUP, texts.get(i), policy.newMember(now), now, Set.of(), screened);
        each[i] = cpu.getCurrentThreadCpuTime() - start;
      }
      print("one at a time, round " + (round + 1), each);
    }
    for (int size : new int[] {8, 32}) {
      List<Long> perMessage = new ArrayList<>();
      for (int from = 0; from + size <= texts.size(); from += size) {
        List<String> batch = texts.subList(from, from + size);
        long start = cpu.getCurrentThreadCpuTime();
        layer.screenAll(batch);
        long share = (cpu.getCurrentThreadCpuTime() - start) / size;
        for (int i = 0; i < size; i++) perMessage.add(share);
      }
      print("batches of " + size, perMessage.stream().mapToLong(Long::longValue).toArray());
    }
  }

  private static void print(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%-24s %d messages: median %.2f ms, p90 %.2f ms, p99 %.2f ms of CPU per message%n",
        what, sorted.length, sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6,
        sorted[sorted.length * 99 / 100] / 1e6);
  }
}
