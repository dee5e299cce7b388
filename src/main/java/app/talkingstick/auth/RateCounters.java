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

  public RateCounters(Pool pool) {
    this.pool = pool;
  }

  /**
   * Takes one of {@code limit} slots of {@code subject} in a window of {@code window} opened by the
   * first slot taken. Empty when taken; else the seconds until the window closes (at least 1).
   */
  public Future<Optional<Integer>> reserve(String subject, int limit, Duration window) {
    return pool.preparedQuery(RESERVE)
        .execute(Tuple.of(subject, limit, (double) window.toSeconds()))
        .map(rows -> {
          Row row = rows.iterator().next();
          if (row.getInteger("used") != null) return Optional.<Integer>empty();
          Integer retry = row.getInteger("retry_after");
          int seconds = retry == null ? (int) window.toSeconds() : retry;
          return Optional.of((int) Math.max(1, Math.min(seconds, window.toSeconds())));
        });
  }

  /** Gives a slot back (the request it was taken for turned out not to count). */
  public Future<Void> release(String subject) {
    return pool.preparedQuery(RELEASE).execute(Tuple.of(subject)).mapEmpty();
  }

  /** Forgets the subject's count altogether. */
  public Future<Void> clear(String subject) {
    return pool.preparedQuery(CLEAR).execute(Tuple.of(subject)).mapEmpty();
  }

  public Future<Void> purgeExpired() {
    return pool.preparedQuery(PURGE).execute().mapEmpty();
  }
}
