package app.talkingstick.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Rotating refresh tokens, stored only as SHA-256 digests. Presenting a token that was already
 * rotated means it leaked: the whole family (every rotation of that sign-in) is revoked.
 */
public final class RefreshTokenStore {

  private static final String INSERT =
      "INSERT INTO refresh_tokens (token_hash, account_id, family_id, expires_at)"
          + " VALUES ($1, $2, $3, now() + make_interval(secs => $4))";
  private static final String ROTATE =
      "UPDATE refresh_tokens SET rotated_at = now()"
          + " WHERE token_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()"
          + " RETURNING account_id, family_id";
  private static final String REVOKE_FAMILY_OF =
      "UPDATE refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL"
          + " AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)";
  private static final String REVOKE_ACCOUNT =
      "UPDATE refresh_tokens SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL";

  public record Rotated(UUID accountId, UUID familyId) {}

  private final Duration ttl;

  public RefreshTokenStore(Duration ttl) {
    this.ttl = ttl;
  }

  /** Stores a new token of the given family and returns the token itself (shown once, to the caller). */
  public Future<String> issue(SqlClient client, UUID accountId, UUID familyId) {
    String token = Secrets.newSecret("rt_");
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(Secrets.digest(token), accountId, familyId, (double) ttl.toSeconds()))
        .map(token);
  }

  /** Marks a live token used; empty when it is unknown, expired, revoked or already used. */
  public Future<Optional<Rotated>> rotate(SqlClient client, String token) {
    return client.preparedQuery(ROTATE).execute(Tuple.of(Secrets.digest(token))).map(rows -> {
      if (rows.size() == 0) return Optional.<Rotated>empty();
      Row row = rows.iterator().next();
      return Optional.of(new Rotated(row.getUUID("account_id"), row.getUUID("family_id")));
    });
  }

  public Future<Void> revokeFamilyOf(SqlClient client, String token) {
    return client.preparedQuery(REVOKE_FAMILY_OF).execute(Tuple.of(Secrets.digest(token))).mapEmpty();
  }

  public Future<Void> revokeAccount(SqlClient client, UUID accountId) {
    return client.preparedQuery(REVOKE_ACCOUNT).execute(Tuple.of(accountId)).mapEmpty();
  }
}
