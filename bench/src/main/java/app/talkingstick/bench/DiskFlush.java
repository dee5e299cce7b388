package app.talkingstick.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * How long this disk takes to make a small write durable, as PostgreSQL does at every commit
 * (8 KiB overwritten, then {@code fdatasync}), sampled every few milliseconds for a while before
 * the runs. A server that acknowledges only after commit delivers no faster than this: its slowest
 * flushes show up as the slowest deliveries of every room at once.
 */
final class DiskFlush {
  private static final long PAUSE_NANOS = 5_000_000L;

  private DiskFlush() {}

  static JsonObject probe(Path dir, int seconds) throws IOException {
    Histogram micros = new Histogram(Counters.MAX_MICROS, 3);
    Path file = Files.createTempFile(dir, "flush-probe", ".dat");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer page = ByteBuffer.allocate(8192);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < end) {
        page.clear();
        ch.write(page, 0);
        long t0 = System.nanoTime();
        ch.force(false);
        Counters.record(micros, (System.nanoTime() - t0) / 1000);
        TimeUnit.NANOSECONDS.sleep(PAUSE_NANOS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Files.deleteIfExists(file);
    }
    return Bench.histogram(micros)
        .put("dir", dir.toString())
        .put("seconds", seconds)
        .put("samples", micros.getTotalCount())
        .put("over50ms", micros.getCountBetweenValues(Counters.SLOW_MICROS + 1, Counters.MAX_MICROS));
  }
}
