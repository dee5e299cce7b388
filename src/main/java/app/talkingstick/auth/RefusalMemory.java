package app.talkingstick.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What this server last heard from PostgreSQL about rate subjects that were full: a subject whose
 * reservation was refused is refused again from memory, without a round trip, until its window
 * closes or for {@link #RECHECK} at most, whichever comes first. Then the next reservation asks the
 * database again. Only refusals are remembered: a slot is only ever taken in PostgreSQL, so however
 * many servers share the database, none lets more than the limit through. What memory can get wrong
 * is the other way, and briefly: a slot that another server gave back (a right password clears its
 * username) is seen here at most {@link #RECHECK} late. Slots given back through this server are
 * forgotten at once ({@link #forget}).
 *
 * <p>Why: every refusal used to be a conditional upsert that locks the subject's row and commits, so
 * 300 parallel attempts at one username queued one after another on that lock and held the whole
 * pool of 8 connections for about 1.7 s, while everyone else's sign-in and {@code /health} waited
 * behind them for a connection (issue "Hardening", item 4 at full scale).
 *
 * <p>Bounded: at most {@code maxEntries} subjects; when full, expired entries are dropped, and if none
 * had expired a new refusal is simply not remembered (the database still answers it). Thread-safe.
 */
public final class RefusalMemory {

  /** How long a remembered refusal is trusted before the database is asked again. */
  public static final Duration RECHECK = Duration.ofSeconds(2);
  public static final int MAX_ENTRIES = 10_000;

  private record Entry(long resetsAtNanos, long trustedUntilNanos) {}

  private final Map<String, Entry> refused = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;
  private final long recheckNanos;
  private final int maxEntries;

  public RefusalMemory() {
    this(System::nanoTime, RECHECK, MAX_ENTRIES);
  }

  public RefusalMemory(LongSupplier nanoClock, Duration recheck, int maxEntries) {
    if (recheck.isNegative() || maxEntries < 0) throw new IllegalArgumentException("recheck and maxEntries must not be negative");
    this.nanoClock = nanoClock;
    this.recheckNanos = recheck.toNanos();
    this.maxEntries = maxEntries;
  }

  /** The database refused {@code subject}, whose window closes in {@code retryAfterSeconds}. */
  public void remember(String subject, int retryAfterSeconds) {
    if (retryAfterSeconds <= 0) return;
    long now = nanoClock.getAsLong();
    long resetsAt = now + Duration.ofSeconds(retryAfterSeconds).toNanos();
    Entry entry = new Entry(resetsAt, now + Math.min(recheckNanos, resetsAt - now));
    if (refused.size() >= maxEntries && !refused.containsKey(subject)) {
      refused.values().removeIf(e -> e.trustedUntilNanos() - now <= 0);
      if (refused.size() >= maxEntries) return;
    }
    refused.put(subject, entry);
  }

  /**
   * The seconds to wait (at least 1) when {@code subject} is known to be full right now; empty when
   * the database must be asked.
   */
  public Optional<Integer> refusal(String subject) {
    Entry entry = refused.get(subject);
    if (entry == null) return Optional.empty();
    long now = nanoClock.getAsLong();
    if (entry.trustedUntilNanos() - now <= 0) {
      refused.remove(subject, entry);
      return Optional.empty();
    }
    long left = entry.resetsAtNanos() - now;
    long seconds = (left + 999_999_999L) / 1_000_000_000L;
    return Optional.of((int) Math.max(1, seconds));
  }

  /** A slot of {@code subject} was given back, or its count cleared: the database decides the next one. */
  public void forget(String subject) {
    refused.remove(subject);
  }

  public int size() {
    return refused.size();
  }
}
