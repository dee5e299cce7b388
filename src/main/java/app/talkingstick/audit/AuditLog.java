package app.talkingstick.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * The append-only record of moderation acts, automatic or human. The table refuses updates and
 * deletes (a trigger), so this class only ever inserts and reads.
 */
public final class AuditLog {
  private AuditLog() {}

  /** Who did it: an account, or the facilitator itself (null account). */
  public record Entry(UUID groupId, UUID actorAccountId, String action, UUID memberId, String reason, JsonObject details) {
    public static Entry of(UUID groupId, UUID actorAccountId, String action) {
      return new Entry(groupId, actorAccountId, action, null, null, new JsonObject());
    }

    public Entry about(UUID member) {
      return new Entry(groupId, actorAccountId, action, member, reason, details);
    }

    public Entry because(String why) {
      return new Entry(groupId, actorAccountId, action, memberId, why, details);
    }

    public Entry with(String key, Object value) {
      return new Entry(groupId, actorAccountId, action, memberId, reason, details.copy().put(key, value));
    }
  }

  private static final String INSERT =
      "INSERT INTO audit_log (group_id, actor_id, action, member_id, reason, details) VALUES ($1, $2, $3, $4, $5, $6)";
  private static final String LIST =
      "SELECT l.id, l.actor_id, l.action, l.member_id, l.reason, l.details, l.at, m.pseudonym"
          + " FROM audit_log l LEFT JOIN group_members m ON m.id = l.member_id"
          + " WHERE l.group_id = $1 AND l.id > $2 ORDER BY l.id LIMIT $3";

  public static Future<Void> record(SqlClient client, Entry e) {
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(e.groupId(), e.actorAccountId(), e.action(), e.memberId(), e.reason(), e.details()))
        .mapEmpty();
  }

  /** Entries of one group, oldest first, after the given id. */
  public static Future<JsonArray> list(SqlClient client, UUID groupId, long afterId, int limit) {
    return client.preparedQuery(LIST).execute(Tuple.of(groupId, afterId, limit)).map(rows -> {
      JsonArray entries = new JsonArray();
      for (Row r : rows) {
        entries.add(new JsonObject()
            .put("id", r.getLong("id"))
            .put("actorId", r.getUUID("actor_id") == null ? null : r.getUUID("actor_id").toString())
            .put("actor", r.getUUID("actor_id") == null ? "facilitator" : "therapist")
            .put("action", r.getString("action"))
            .put("memberId", r.getUUID("member_id") == null ? null : r.getUUID("member_id").toString())
            .put("pseudonym", r.getString("pseudonym"))
            .put("reason", r.getString("reason"))
            .put("details", r.getJsonObject("details"))
            .put("at", r.getOffsetDateTime("at").toInstant().toString()));
      }
      return entries;
    });
  }
}
