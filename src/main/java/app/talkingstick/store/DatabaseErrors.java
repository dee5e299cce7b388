package app.talkingstick.store;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/** Tells apart "the database is not there right now" from every other failure. */
public final class DatabaseErrors {
  private DatabaseErrors() {}

  public static final String UNIQUE_VIOLATION = "23505";

  public static boolean isUniqueViolation(Throwable t) {
    return t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }

  /**
   * The database refused the statement for what was in it (a value it cannot store, a constraint):
   * written alone, the other rows of the batch would have gone in.
   */
  public static boolean isRejectedData(Throwable t) {
    return t instanceof PgException pg && pg.getSqlState() != null && !isConnectionState(pg.getSqlState())
        && !pg.getSqlState().startsWith("40");
  }

  /** For a log line: the failure's kind and, from PostgreSQL, its SQLSTATE; never a message that may quote data. */
  public static String describe(Throwable failure) {
    return failure instanceof PgException pg ? "PgException " + pg.getSqlState() : failure.getClass().getSimpleName();
  }

  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof ClosedConnectionException
          || t instanceof ClosedChannelException
          || t instanceof TimeoutException) {
        return true;
      }
      if (t instanceof PgException pg && isConnectionState(pg.getSqlState())) {
        return true;
      }
      String name = t.getClass().getSimpleName();
      if (name.contains("Timeout") || name.contains("ConnectException")) {
        return true;
      }
      // the pool's own "Timeout waiting for connection" and a statement timeout carry no specific type
      String message = t.getMessage();
      if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
        return true;
      }
      if (t.getCause() == t) break;
    }
    return false;
  }

  private static boolean isConnectionState(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300"));
  }
}
