package app.talkingstick.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * The fault suite's knobs and figures. The attack tests (docs/reliability.md) read their scale from system
 * properties {@code faults.*}, defaulting to the short version of the normal suite; {@code bench/faults.sh} runs them at
 * full scale. Each scenario prints one figure line, and appends it to the file named by {@code faults.out} when set
 * (surefire sends test output to files).
 */
public final class Faults {

  private Faults() {}

  /** {@code faults.NAME} as an int, or {@code normal} (the normal suite's value). */
  public static int scale(String name, int normal) {
    return Integer.getInteger("faults." + name, normal);
  }

  public static boolean flag(String name) {
    return Boolean.getBoolean("faults." + name);
  }

  /** Open file handles of this JVM (client and server share it in these tests), from /proc/self/fd; -1 elsewhere. */
  public static long openFiles() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** The heap in use after a few collections, in bytes. */
  public static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  public static long max(Collection<Long> millis) {
    synchronized (millis) {
      return millis.stream().mapToLong(Long::longValue).max().orElse(-1);
    }
  }

  /** Prints {@code FAULTS item | scenario | figures} and appends it to {@code faults.out} if set. */
  public static void figure(String item, String scenario, String figures) {
    String line = "FAULTS " + item + " | " + scenario + " | " + figures;
    System.out.println(line);
    String out = System.getProperty("faults.out");
    if (out == null || out.isBlank()) return;
    try {
      Files.writeString(Path.of(out), line + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
