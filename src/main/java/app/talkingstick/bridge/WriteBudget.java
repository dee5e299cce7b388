package app.talkingstick.bridge;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sockets of one server process may hold written but not yet taken by their clients: at most
 * {@code perSocket} bytes each, and {@code total} bytes all together, whatever the number of sockets. A frame costs its
 * length plus {@link #OVERHEAD} (the buffers and promises around it), charged when it is written and given back when
 * its write completes or fails. Past the total, a socket that already has a backlog is refused; one that is keeping up
 * still gets its frame. Thread-safe: the HTTP verticles share one.
 */
final class WriteBudget {

  /** Bytes charged per frame on top of its payload: a 1-byte frame is not free to queue. */
  static final int OVERHEAD = 256;

  /** Why a frame may not be queued, or {@link #ADMITTED}. */
  enum Verdict { ADMITTED, SOCKET_FULL, TOTAL_FULL }

  private final int perSocket;
  private final long total;
  private final AtomicLong queued = new AtomicLong();

  WriteBudget(int perSocket, long total) {
    if (perSocket < 1 || total < perSocket) throw new IllegalArgumentException("need 0 < perSocket <= total");
    this.perSocket = perSocket;
    this.total = total;
  }

  /** No bound (sockets registered without the bridge, in tests). */
  static WriteBudget unbounded() {
    return new WriteBudget(Integer.MAX_VALUE, Long.MAX_VALUE);
  }

  /** {@code totalBytes} zero means a quarter of the heap (but room for at least four full sockets). */
  static WriteBudget of(int perSocket, long totalBytes) {
    long total = totalBytes > 0 ? totalBytes : Runtime.getRuntime().maxMemory() / 4;
    return new WriteBudget(perSocket, Math.max(total, 4L * perSocket));
  }

  static int cost(int payloadLength) {
    return payloadLength + OVERHEAD;
  }

  /** Whether a socket that has {@code socketQueued} bytes outstanding may queue {@code cost} more. */
  Verdict admits(long socketQueued, int cost) {
    if (socketQueued + cost > perSocket) return Verdict.SOCKET_FULL;
    if (socketQueued > 0 && queued.get() + cost > total) return Verdict.TOTAL_FULL;
    return Verdict.ADMITTED;
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
}
