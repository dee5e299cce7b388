package app.talkingstick.bridge;

import io.vertx.core.Vertx;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sockets of one Vert.x instance may hold written but not yet taken by their clients: at most
 * {@code perSocket} bytes each, and {@code total} bytes all together (a quarter of the heap), whatever the number of
 * sockets. A write is charged its size plus {@link #OVERHEAD} (the buffers and promises around each frame), and given
 * back when the write completes or fails. Past the total, a socket that already has a backlog is refused; one that is
 * keeping up still gets its frame.
 */
final class WriteBudget {

  /** Bytes charged per frame on top of its payload: a 1-byte frame is not free to queue. */
  static final int OVERHEAD = 256;

  private static final Map<Vertx, WriteBudget> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

  private final int perSocket;
  private final long total;
  private final AtomicLong queued = new AtomicLong();

  WriteBudget(int perSocket, long total) {
    this.perSocket = perSocket;
    this.total = total;
  }

  /** The one budget every HTTP verticle of {@code vertx} shares. */
  static WriteBudget shared(Vertx vertx, int perSocket) {
    return SHARED.computeIfAbsent(vertx, v ->
        new WriteBudget(perSocket, Math.max(4L * perSocket, Runtime.getRuntime().maxMemory() / 4)));
  }

  static int cost(int payloadBytes) {
    return payloadBytes + OVERHEAD;
  }

  /** Whether a socket that has {@code socketQueued} bytes outstanding may queue {@code cost} more. */
  boolean admits(long socketQueued, int cost) {
    if (socketQueued + cost > perSocket) return false;
    return socketQueued == 0 || queued.get() + cost <= total;
  }

  void charge(int cost) {
    queued.addAndGet(cost);
  }

  void release(int cost) {
    queued.addAndGet(-cost);
  }

  long queued() {
    return queued.get();
  }

  int perSocket() {
    return perSocket;
  }
}
