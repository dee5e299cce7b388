package app.talkingstick.channel;

import app.talkingstick.auth.InviteCodes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Care relationships (who is whose therapist) and the single-use client invites that start a
 * direct one. Group-based care is read from the {@code care_relationships} view, which also
 * covers every client who is or was in a group where the therapist is a therapist member.
 */
public final class CareStore {

  private static final int MAX_CODE_ATTEMPTS = 5;

  /** An invite locked for redemption; {@code usable} says it is unused and unexpired. */
  public record LockedInvite(String code, UUID therapistId, boolean usable) {}

  private static final String IS_CARE =
      "SELECT EXISTS (SELECT 1 FROM care_relationships WHERE therapist_id = $1 AND client_id = $2) AS care";
  private static final String CLIENTS_OF = "SELECT r.client_id, a.display_name, r.since, c.id AS channel_id"
      + " FROM care_relationships r JOIN accounts a ON a.id = r.client_id"
      + " LEFT JOIN channels c ON c.therapist_id = r.therapist_id AND c.client_id = r.client_id"
      + " WHERE r.therapist_id = $1 ORDER BY lower(a.display_name), r.client_id";
  private static final String INSERT_LINK =
      "INSERT INTO care_links (therapist_id, client_id, invite_code) VALUES ($1, $2, $3)";
  private static final String INSERT_INVITE = "INSERT INTO client_invites (code, therapist_id, expires_at)"
      + " VALUES ($1, $2, now() + make_interval(hours => $3))"
      + " ON CONFLICT (code) DO NOTHING RETURNING code, expires_at";
  private static final String LOCK_INVITE = "SELECT code, therapist_id, (used_at IS NULL AND expires_at > now()) AS usable"
      + " FROM client_invites WHERE code = $1 FOR UPDATE";
  private static final String USE_INVITE = "UPDATE client_invites SET used_by = $2, used_at = now() WHERE code = $1";


  public Future<Boolean> isCare(SqlClient client, UUID therapistId, UUID clientId) {
    return client.preparedQuery(IS_CARE).execute(Tuple.of(therapistId, clientId))
        .map(rows -> rows.iterator().next().getBoolean("care"));
  }

  /** The therapist's clients: {@code [{id, displayName, since, channelId}]}, by display name. */
  public Future<JsonArray> clientsOf(SqlClient client, UUID therapistId) {
    return client.preparedQuery(CLIENTS_OF).execute(Tuple.of(therapistId)).map(rows -> {
      JsonArray list = new JsonArray();
      for (Row r : rows) {
        UUID channelId = r.getUUID("channel_id");
        list.add(new JsonObject()
            .put("id", r.getUUID("client_id").toString())
            .put("displayName", r.getString("display_name"))
            .put("since", r.getOffsetDateTime("since").toInstant().toString())
            .put("channelId", channelId == null ? null : channelId.toString()));
      }
      return list;
    });
  }

  /** A direct care relationship; a second one for the same pair is a unique violation (23505). */
  public Future<Void> link(SqlClient client, UUID therapistId, UUID clientId, String inviteCode) {
    return client.preparedQuery(INSERT_LINK).execute(Tuple.of(therapistId, clientId, inviteCode)).mapEmpty();
  }

  /**
   * A new invite under a fresh random code ({@link InviteCodes}' alphabet and length); a (very
   * unlikely) clash draws another code. Returns {@code {code, expiresAt}}.
   */
  public Future<JsonObject> createInvite(SqlClient client, UUID therapistId, int expiresInHours) {
    return insertInvite(client, therapistId, expiresInHours, 1);
  }

  private Future<JsonObject> insertInvite(SqlClient client, UUID therapistId, int hours, int attempt) {
    return client.preparedQuery(INSERT_INVITE).execute(Tuple.of(InviteCodes.fresh(), therapistId, hours)).compose(rows -> {
      if (rows.size() == 1) {
        Row r = rows.iterator().next();
        Instant expires = r.getOffsetDateTime("expires_at").toInstant();
        return Future.succeededFuture(new JsonObject().put("code", r.getString("code")).put("expiresAt", expires.toString()));
      }
      if (attempt < MAX_CODE_ATTEMPTS) return insertInvite(client, therapistId, hours, attempt + 1);
      return Future.failedFuture(new IllegalStateException("no free client invite code after " + attempt + " attempts"));
    });
  }

  /** The invite, locked until the transaction ends, so it cannot be redeemed twice. */
  public Future<Optional<LockedInvite>> lockInvite(SqlClient client, String normalisedCode) {
    return client.preparedQuery(LOCK_INVITE).execute(Tuple.of(normalisedCode)).map(rows -> {
      if (rows.size() == 0) return Optional.<LockedInvite>empty();
      Row r = rows.iterator().next();
      return Optional.of(new LockedInvite(r.getString("code"), r.getUUID("therapist_id"), r.getBoolean("usable")));
    });
  }

  public Future<Void> useInvite(SqlClient client, String code, UUID clientId) {
    return client.preparedQuery(USE_INVITE).execute(Tuple.of(code, clientId)).mapEmpty();
  }

}
