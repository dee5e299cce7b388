package app.talkingstick.group;

import app.talkingstick.auth.InviteCodes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/**
 * Invite codes: short-lived, few-use, and stored as given (they are not account credentials).
 * Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), redeemed in any letter case.
 */
public final class InviteStore {

  private static final int MAX_CODE_ATTEMPTS = 5;

  /** An invite locked for redemption; {@code usable} says it is not revoked, expired or used up. */
  public record Locked(String code, UUID groupId, boolean usable) {}

  private static final String COLUMNS = "code, expires_at, max_uses, uses, created_at,"
      + " CASE WHEN revoked_at IS NOT NULL THEN 'revoked'"
      + " WHEN uses >= max_uses THEN 'used-up'"
      + " WHEN expires_at <= now() THEN 'expired'"
      + " ELSE 'active' END AS status";
  private static final String INSERT = "INSERT INTO invites (code, group_id, created_by, expires_at, max_uses)"
      + " VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5)"
      + " ON CONFLICT (code) DO NOTHING RETURNING " + COLUMNS;
  private static final String OF_GROUP = "SELECT " + COLUMNS + " FROM invites WHERE group_id = $1"
      + " ORDER BY created_at DESC, code";
  private static final String LOCK_FOR_REDEEM = "SELECT code, group_id,"
      + " (revoked_at IS NULL AND expires_at > now() AND uses < max_uses) AS usable"
      + " FROM invites WHERE code = $1 FOR UPDATE";
  private static final String COUNT_USE = "UPDATE invites SET uses = uses + 1 WHERE code = $1";
  private static final String LOCK_OF_GROUP = "SELECT code, revoked_at FROM invites"
      + " WHERE group_id = $1 AND code = $2 FOR UPDATE";
  private static final String REVOKE = "UPDATE invites SET revoked_at = now() WHERE code = $1";

  /**
   * Creates an invite under a fresh random code; a (very unlikely) clash draws another code. The
   * clash is absorbed by ON CONFLICT rather than a unique violation, which would abort the transaction.
   */
  public Future<JsonObject> create(SqlClient client, UUID groupId, UUID createdBy, int expiresInHours, int maxUses) {
    return insertWithFreshCode(client, groupId, createdBy, expiresInHours, maxUses, 1);
  }

  private Future<JsonObject> insertWithFreshCode(SqlClient client, UUID groupId, UUID createdBy, int hours,
                                                 int maxUses, int attempt) {
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(InviteCodes.fresh(), groupId, createdBy, hours, maxUses))
        .compose(rows -> {
          if (rows.size() == 1) return Future.succeededFuture(toJson(rows.iterator().next()));
          if (attempt < MAX_CODE_ATTEMPTS) return insertWithFreshCode(client, groupId, createdBy, hours, maxUses, attempt + 1);
          return Future.failedFuture(new IllegalStateException("no free invite code after " + attempt + " attempts"));
        });
  }

  public Future<JsonArray> ofGroup(SqlClient client, UUID groupId) {
    return client.preparedQuery(OF_GROUP).execute(Tuple.of(groupId)).map(rows -> {
      JsonArray list = new JsonArray();
      rows.forEach(r -> list.add(toJson(r)));
      return list;
    });
  }

  /** The invite, locked until the transaction ends, so two redemptions cannot both take its last use. */
  public Future<Optional<Locked>> lockForRedeem(SqlClient client, String normalisedCode) {
    return client.preparedQuery(LOCK_FOR_REDEEM).execute(Tuple.of(normalisedCode)).map(rows -> {
      if (rows.size() == 0) return Optional.<Locked>empty();
      Row r = rows.iterator().next();
      return Optional.of(new Locked(r.getString("code"), r.getUUID("group_id"), r.getBoolean("usable")));
    });
  }

  public Future<Void> countUse(SqlClient client, String code) {
    return client.preparedQuery(COUNT_USE).execute(Tuple.of(code)).mapEmpty();
  }

  /**
   * Revokes the group's invite. Empty when the group has no such invite; false when it was already
   * revoked (nothing changes), true when this call revoked it.
   */
  public Future<Optional<Boolean>> revoke(SqlClient client, UUID groupId, String normalisedCode) {
    return client.preparedQuery(LOCK_OF_GROUP).execute(Tuple.of(groupId, normalisedCode)).compose(rows -> {
      if (rows.size() == 0) return Future.succeededFuture(Optional.<Boolean>empty());
      if (rows.iterator().next().getValue("revoked_at") != null) return Future.succeededFuture(Optional.of(false));
      return client.preparedQuery(REVOKE).execute(Tuple.of(normalisedCode)).map(r -> Optional.of(true));
    });
  }


  private static JsonObject toJson(Row r) {
    return new JsonObject()
        .put("code", r.getString("code"))
        .put("expiresAt", r.getOffsetDateTime("expires_at").toInstant().toString())
        .put("maxUses", r.getInteger("max_uses"))
        .put("uses", r.getInteger("uses"))
        .put("status", r.getString("status"))
        .put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString());
  }
}
