package app.talkingstick.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;

/**
 * Fixed-window counters in PostgreSQL, one row per subject, taken <em>before</em> the work they
 * limit. {@link #reserve} is one conditional upsert: it adds one to the count only while the count
 * is under the limit (or the window has closed, which starts a new one), and PostgreSQL's row lock
 * makes parallel reservations of one subject wait for each other and see each other's counts. So
 * N requests at once never take more than the limit, on one server or many.
 *
 * <p>A subject the database found full is then refused from this server's {@link RefusalMemory}
 * (no round trip) until its window closes or for {@link RefusalMemory#RECHECK} at most, so an attack
 * on one username or from one address costs one statement every couple of seconds, not one per
 * attempt. Slots are still only ever taken here, in PostgreSQL. And only one reservation of a
 * subject at a time leaves this server ({@link OneAtATime}): the row lock would serialise them in
 * PostgreSQL anyway, and pipelined behind that lock they held every pooled connection while a burst
 * lasted; waiting here instead, they are answered from memory as soon as one of them finds the
 * subject full. Measured before: 300 parallel attempts at one username each took a locking upsert
 * and commit (about 5 ms, one after another), for 1.6 s in all, and another account's sign-in
 * waited 0.85 s for a connection behind them.
 */
public final class RateCounters {

  /**
   * Takes a slot; answers the slots now used, or null when the subject is at its limit. Then
   * {@code retry_after} (read from the statement's snapshot) says how long until the window closes.
   */
  private static final String RESERVE =
      "WITH taken AS ("
          + " INSERT INTO rate_counters AS c (subject, used, resets_at) VALUES ($1, 1, now() + make_interval(secs => $3))"
          + " ON CONFLICT (subject) DO UPDATE SET"
          + "  used = CASE WHEN c.resets_at <= now() THEN 1 ELSE c.used + 1 END,"
          + "  resets_at = CASE WHEN c.resets_at <= now() THEN excluded.resets_at ELSE c.resets_at END"
          + " WHERE c.resets_at <= now() OR c.used < $2"
          + " RETURNING used)"
          + " SELECT (SELECT used FROM taken) AS used,"
          + " (SELECT ceil(extract(epoch FROM resets_at - now()))::int FROM rate_counters WHERE subject = $1) AS retry_after";
  private static final String RELEASE =
      "UPDATE rate_counters SET used = used - 1 WHERE subject = $1 AND used > 0 AND resets_at > now()";
  private static final String CLEAR = "DELETE FROM rate_counters WHERE subject = $1";
  private static final String PURGE = "DELETE FROM rate_counters WHERE resets_at <= now()";

  private final Pool pool;
  private final RefusalMemory refusals;
  /** One reservation per subject at a time leaves this server; the rest wait here, not on a pooled connection. */
  private final OneAtATime<String> lanes = new OneAtATime<>();

  public RateCounters(Pool pool) {
    this(pool, new RefusalMemory());
  }

  public RateCounters(Pool pool, RefusalMemory refusals) {
    this.pool = pool;
    this.refusals = refusals;
  }

  /** The seconds to wait when this server already knows {@code subject} is full; empty when only the database can say. */
  public Optional<Integer> knownFull(String subject) {
    return refusals.refusal(subject);
  }

  /**
   * Takes one of {@code limit} slots of {@code subject} in a window of {@code window} opened by the
   * first slot taken. Empty when taken; else the seconds until the window closes (at least 1).
   */
  public Future<Optional<Integer>> reserve(String subject, int limit, Duration window) {
    Optional<Integer> known = refusals.refusal(subject);
    if (known.isPresent()) return Future.succeededFuture(known);
    return lanes.run(subject, () -> {
      Optional<Integer> learnt = refusals.refusal(subject); // the reservation ahead of this one may have found it full
      return learnt.isPresent() ? Future.succeededFuture(learnt) : reserveInDatabase(subject, limit, window);
    });
  }

  private Future<Optional<Integer>> reserveInDatabase(String subject, int limit, Duration window) {
    return pool.preparedQuery(RESERVE)
        .execute(Tuple.of(subject, limit, (double) window.toSeconds()))
        .map(rows -> {
          Row row = rows.iterator().next();
          if (row.getInteger("used") != null) return Optional.<Integer>empty();
          Integer retry = row.getInteger("retry_after");
          int seconds = (int) Math.max(1, Math.min(retry == null ? window.toSeconds() : retry, window.toSeconds()));
          refusals.remember(subject, seconds);
          return Optional.of(seconds);
        });
  }

  /** Gives a slot back (the request it was taken for turned out not to count). */
  public Future<Void> release(String subject) {
    refusals.forget(subject);
    return pool.preparedQuery(RELEASE).execute(Tuple.of(subject)).mapEmpty();
  }

  /** Forgets the subject's count altogether. */
  public Future<Void> clear(String subject) {
    refusals.forget(subject);
    return pool.preparedQuery(CLEAR).execute(Tuple.of(subject)).mapEmpty();
  }

  public Future<Void> purgeExpired() {
    return pool.preparedQuery(PURGE).execute().mapEmpty();
  }
}
