package app.talkingstick.bridge;

/**
 * A token bucket for the frames one socket sends: {@code perSecond} a second on average, {@code burst} at once. Pure
 * (the caller passes the clock); one per socket, used on that socket's event loop only.
 */
public final class FrameRate {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double perNano;
  private final double burst;
  private double tokens;
  private long lastNanos;

  public FrameRate(int perSecond, int burst, long nowNanos) {
    if (perSecond < 1 || burst < 1) throw new IllegalArgumentException("perSecond and burst must be at least 1");
    this.perNano = (double) perSecond / NANOS_PER_SECOND;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /** Takes one frame's token: false when the socket has sent more than its rate allows. */
  public boolean tryTake(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * perNano);
      lastNanos = nowNanos;
    }
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }
}
