package app.talkingstick.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;

/**
 * Failed sign-ins, counted per username and per remote address over a sliding window, in the
 * database so that every server instance and a restart see the same counts.
 */
public final class LoginThrottle {

  public static final int MAX_FAILURES_PER_USERNAME = 5;
  public static final int MAX_FAILURES_PER_ADDRESS = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private static final String CHECK =
      "SELECT subject, count(*) AS failures,"
          + " ceil(extract(epoch FROM min(failed_at) + make_interval(secs => $3) - now()))::int AS retry_after"
          + " FROM login_failures WHERE subject IN ($1, $2) AND failed_at > now() - make_interval(secs => $3)"
          + " GROUP BY subject";
  private static final String RECORD = "INSERT INTO login_failures (subject) VALUES ($1), ($2)";
  private static final String CLEAR = "DELETE FROM login_failures WHERE subject = $1";
  private static final String PURGE = "DELETE FROM login_failures WHERE failed_at < now() - make_interval(secs => $1)";

  private final Pool pool;

  public LoginThrottle(Pool pool) {
    this.pool = pool;
  }

  /** Seconds to wait when this username or address has failed too often, else empty. */
  public Future<Optional<Integer>> blockedFor(String username, String address) {
    return pool.preparedQuery(CHECK)
        .execute(Tuple.of(userSubject(username), addressSubject(address), windowSeconds()))
        .map(rows -> {
          int wait = 0;
          for (Row row : rows) {
            int limit = row.getString("subject").startsWith("user:") ? MAX_FAILURES_PER_USERNAME : MAX_FAILURES_PER_ADDRESS;
            if (row.getLong("failures") >= limit) wait = Math.max(wait, row.getInteger("retry_after"));
          }
          return wait > 0 ? Optional.of(wait) : Optional.empty();
        });
  }

  public Future<Void> recordFailure(String username, String address) {
    return pool.preparedQuery(RECORD).execute(Tuple.of(userSubject(username), addressSubject(address))).mapEmpty();
  }

  public Future<Void> clear(String username) {
    return pool.preparedQuery(CLEAR).execute(Tuple.of(userSubject(username))).mapEmpty();
  }

  public Future<Void> purgeExpired() {
    return pool.preparedQuery(PURGE).execute(Tuple.of(windowSeconds())).mapEmpty();
  }

  private static double windowSeconds() {
    return (double) WINDOW.toSeconds();
  }

  private static String userSubject(String username) {
    return "user:" + username;
  }

  private static String addressSubject(String address) {
    return "addr:" + address;
  }
}
