package app.talkingstick.channel;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket for one party of one channel: a burst of {@code capacity} messages, then one
 * every {@code refill}. A plain ceiling against floods; the conduct package's flood limits come
 * on top through the channel's screening hook. Used only on its channel verticle's event loop.
 */
final class SendRate {

  private final int capacity;
  private final Duration refill;
  private double tokens;
  private Instant refilledAt;

  SendRate(int capacity, Duration refill, Instant now) {
    this.capacity = capacity;
    this.refill = refill;
    this.tokens = capacity;
    this.refilledAt = now;
  }

  /** Takes a token if there is one; otherwise returns the whole seconds until there will be (at least 1). */
  long take(Instant now) {
    double gained = (double) Duration.between(refilledAt, now).toNanos() / refill.toNanos();
    tokens = Math.min(capacity, tokens + Math.max(0, gained));
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    double waitNanos = (1 - tokens) * refill.toNanos();
    return Math.max(1, (long) Math.ceil(waitNanos / 1_000_000_000d));
  }
}
