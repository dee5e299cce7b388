package app.talkingstick.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side cost read from {@code /proc}: CPU seconds (utime + stime, plus the reaped
 * children's) of a process and all its descendants, and resident memory (VmRSS). For
 * TalkingStick the embedded PostgreSQL counts too: its postmaster is found through
 * {@code postmaster.pid} in the data directory, because pg_ctl detaches it from the JVM.
 */
final class ProcStats {
  private ProcStats() {}

  static final long CLOCK_TICKS = clockTicks();

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor(5, TimeUnit.SECONDS);
      return Long.parseLong(out);
    } catch (Exception e) {
      return 100;
    }
  }

  /** The roots: the server's pid and, when given, the postmaster of a PostgreSQL data directory. */
  static List<Long> roots(long pid, Path pgData) {
    List<Long> roots = new ArrayList<>();
    if (pid > 0) roots.add(pid);
    if (pgData != null) {
      try {
        String first = Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim();
        roots.add(Long.parseLong(first));
      } catch (IOException | RuntimeException e) {
        // not started (yet) or another layout: the JVM alone is measured
      }
    }
    return roots;
  }

  /** Every live process in the trees under the roots. */
  static Set<Long> tree(List<Long> roots) {
    return tree(roots, childrenByParent());
  }

  /** Every process's children, by parent pid, from one walk of {@code /proc} (empty if it cannot be read). */
  static Map<Long, List<Long>> childrenByParent() {
    Map<Long, List<Long>> children = new HashMap<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path p : procs) {
        long[] st = stat(Long.parseLong(p.getFileName().toString()));
        if (st != null) children.computeIfAbsent(st[0], k -> new ArrayList<>()).add(Long.parseLong(p.getFileName().toString()));
      }
    } catch (IOException e) {
      // fall back to the roots alone
    }
    return children;
  }

  /** The roots and all their descendants in {@code children}. */
  static Set<Long> tree(List<Long> roots, Map<Long, List<Long>> children) {
    Set<Long> all = new HashSet<>();
    ArrayDeque<Long> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      long pid = todo.pop();
      if (!all.add(pid)) continue;
      todo.addAll(children.getOrDefault(pid, List.of()));
    }
    return all;
  }

  /** {ppid, utime+stime+cutime+cstime in ticks}, or null when the process is gone. */
  static long[] stat(long pid) {
    try {
      String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17
      long ppid = Long.parseLong(f[1]);
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
      return new long[] {ppid, ticks};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** CPU seconds used so far by the trees under the roots. */
  static double cpuSeconds(List<Long> roots) {
    return cpuSecondsOf(tree(roots));
  }

  /**
   * CPU seconds used so far by these processes, without walking {@code /proc} for their trees. A process among them
   * that has exited still counts, in its parent's reaped-children time, once the parent has waited for it.
   */
  static double cpuSecondsOf(Collection<Long> pids) {
    long ticks = 0;
    for (long pid : pids) {
      long[] st = stat(pid);
      if (st != null) ticks += st[1];
    }
    return (double) ticks / CLOCK_TICKS;
  }

  /** CPU seconds the whole machine has been busy (all cores, from /proc/stat), or -1. */
  static double machineBusySeconds() {
    try {
      String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = first.trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...
      long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
          + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
      return (double) busy / CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static double selfCpuSeconds() {
    long[] st = stat(ProcessHandle.current().pid());
    return st == null ? 0 : (double) st[1] / CLOCK_TICKS;
  }

  /** VmRSS of one process in bytes, or -1. */
  static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return -1;
  }

  /** Summed VmRSS of the processes (PostgreSQL's shared buffers count once per backend: an upper bound). */
  static long treeRss(Collection<Long> pids) {
    long sum = 0;
    for (long pid : pids) sum += Math.max(0, rss(pid));
    return sum;
  }

  static boolean alive(long pid) {
    return Files.exists(Path.of("/proc/" + pid));
  }

  static boolean isJava(long pid) {
    try {
      String cmd = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
      return cmd.contains("java");
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs {@code jcmd pid GC.run}; returns false when jcmd is unavailable or fails. */
  static boolean jvmGc(long pid) {
    return run(List.of("jcmd", Long.toString(pid), "GC.run")) != null;
  }

  private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

  /** The JVM's used heap in bytes from {@code jcmd pid GC.heap_info}, or -1. */
  static long jvmHeapUsed(long pid) {
    String out = run(List.of("jcmd", Long.toString(pid), "GC.heap_info"));
    if (out == null) return -1;
    long used = 0;
    boolean any = false;
    for (String line : out.split("\n")) {
      if (line.contains("Metaspace")) break;
      Matcher m = USED.matcher(line);
      if (m.find()) {
        used += Long.parseLong(m.group(1)) * 1024;
        any = true;
      }
    }
    return any ? used : -1;
  }

  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
