package app.talkingstick.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Single-use tickets that open an event bus socket. Redeeming deletes the row in the same
 * statement, so a ticket can never open two sockets, even on two servers at once.
 */
public final class TicketStore {

  private static final String INSERT =
      "INSERT INTO ws_tickets (ticket_hash, account_id, token_generation, access_expires_at, expires_at)"
          + " VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))";
  private static final String REDEEM =
      "WITH t AS (DELETE FROM ws_tickets WHERE ticket_hash = $1"
          + " RETURNING account_id, token_generation, access_expires_at, expires_at)"
          + " SELECT a.id, a.username, a.role, a.token_generation, t.access_expires_at FROM t JOIN accounts a ON a.id = t.account_id"
          + " WHERE t.expires_at > now() AND t.access_expires_at > now() AND a.token_generation = t.token_generation";
  private static final String PURGE = "DELETE FROM ws_tickets WHERE expires_at < now()";
  private static final String REVOKE_ACCOUNT = "DELETE FROM ws_tickets WHERE account_id = $1";

  private final Pool pool;
  private final Duration ttl;

  public TicketStore(Pool pool, Duration ttl) {
    this.pool = pool;
    this.ttl = ttl;
  }

  public Duration ttl() {
    return ttl;
  }

  public Future<String> issue(Principal principal) {
    String ticket = Secrets.newSecret("tk_");
    OffsetDateTime accessExpiry = principal.tokenExpiresAt().atOffset(ZoneOffset.UTC);
    return pool.preparedQuery(INSERT)
        .execute(Tuple.of(Secrets.digest(ticket), principal.accountId(), principal.tokenGeneration(), accessExpiry,
            (double) ttl.toSeconds()))
        .map(ticket);
  }

  /** The principal the ticket was issued to, if it is unused, unexpired and its account still signed in. */
  public Future<Optional<Principal>> redeem(String ticket) {
    return pool.preparedQuery(REDEEM).execute(Tuple.of(Secrets.digest(ticket))).map(rows -> {
      if (rows.size() == 0) return Optional.<Principal>empty();
      Row row = rows.iterator().next();
      return Optional.of(new Principal(row.getUUID("id"), row.getString("username"),
          Role.fromWire(row.getString("role")), row.getInteger("token_generation"),
          row.getOffsetDateTime("access_expires_at").toInstant()));
    });
  }

  public Future<Void> purgeExpired() {
    return pool.query(PURGE).execute().mapEmpty();
  }

  public Future<Void> revokeAccount(SqlClient client, UUID accountId) {
    return client.preparedQuery(REVOKE_ACCOUNT).execute(Tuple.of(accountId)).mapEmpty();
  }
}
