package app.talkingstick.safety;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** Crisis escalations: opened by a room or a channel, acknowledged and resolved by a therapist. */
public final class EscalationStore {

  /** Where a possible crisis was noticed. */
  public record Origin(UUID groupId, UUID channelId, UUID accountId, UUID memberId, long seq) {}

  private static final String OPEN =
      "INSERT INTO escalations (group_id, channel_id, account_id, member_id, seq, category, severity)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
  /** Escalations a therapist may act on: in groups they run, or in their own channels. */
  private static final String VISIBLE =
      "SELECT e.id, e.group_id, e.channel_id, e.member_id, e.seq, e.category, e.severity, e.status, e.opened_at,"
          + " e.acknowledged_at, e.resolved_at, e.note, m.pseudonym"
          + " FROM escalations e LEFT JOIN group_members m ON m.id = e.member_id"
          + " WHERE (e.group_id IN (SELECT group_id FROM group_members WHERE account_id = $1 AND role = 'therapist'"
          + "   AND left_at IS NULL AND removed_at IS NULL)"
          + "  OR e.channel_id IN (SELECT id FROM channels WHERE therapist_id = $1))";
  private static final String LIST = VISIBLE + " AND ($2::boolean OR e.status <> 'resolved') ORDER BY e.opened_at DESC LIMIT 200";
  private static final String ONE = VISIBLE + " AND e.id = $2";
  private static final String ACKNOWLEDGE =
      "UPDATE escalations SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = now()"
          + " WHERE id = $1 AND status = 'open' RETURNING id";
  private static final String RESOLVE =
      "UPDATE escalations SET status = 'resolved', resolved_by = $2, resolved_at = now(), note = $3,"
          + " acknowledged_by = coalesce(acknowledged_by, $2), acknowledged_at = coalesce(acknowledged_at, now())"
          + " WHERE id = $1 AND status <> 'resolved' RETURNING id";

  private final Pool pool;

  public EscalationStore(Pool pool) {
    this.pool = pool;
  }

  public Future<UUID> open(Origin origin, String category, String severity) {
    return pool.preparedQuery(OPEN)
        .execute(Tuple.of(origin.groupId(), origin.channelId(), origin.accountId(), origin.memberId(), origin.seq(),
            category, severity))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  public Future<JsonArray> visibleTo(UUID therapistId, boolean includeResolved) {
    return pool.preparedQuery(LIST).execute(Tuple.of(therapistId, includeResolved)).map(rows -> {
      JsonArray list = new JsonArray();
      rows.forEach(r -> list.add(json(r)));
      return list;
    });
  }

  public Future<Optional<JsonObject>> find(UUID therapistId, UUID escalationId) {
    return pool.preparedQuery(ONE).execute(Tuple.of(therapistId, escalationId))
        .map(rows -> rows.size() == 0 ? Optional.<JsonObject>empty() : Optional.of(json(rows.iterator().next())));
  }

  /** True when it was open and is now acknowledged. */
  public Future<Boolean> acknowledge(UUID escalationId, UUID by) {
    return pool.preparedQuery(ACKNOWLEDGE).execute(Tuple.of(escalationId, by)).map(rows -> rows.size() == 1);
  }

  public Future<Boolean> resolve(UUID escalationId, UUID by, String note) {
    return pool.preparedQuery(RESOLVE).execute(Tuple.of(escalationId, by, note)).map(rows -> rows.size() == 1);
  }

  private static JsonObject json(Row r) {
    return new JsonObject()
        .put("id", r.getUUID("id").toString())
        .put("groupId", r.getUUID("group_id") == null ? null : r.getUUID("group_id").toString())
        .put("channelId", r.getUUID("channel_id") == null ? null : r.getUUID("channel_id").toString())
        .put("memberId", r.getUUID("member_id") == null ? null : r.getUUID("member_id").toString())
        .put("pseudonym", r.getString("pseudonym"))
        .put("seq", r.getLong("seq"))
        .put("category", r.getString("category"))
        .put("severity", r.getString("severity"))
        .put("status", r.getString("status"))
        .put("openedAt", r.getOffsetDateTime("opened_at").toInstant().toString())
        .put("acknowledgedAt", r.getOffsetDateTime("acknowledged_at") == null ? null : r.getOffsetDateTime("acknowledged_at").toInstant().toString())
        .put("resolvedAt", r.getOffsetDateTime("resolved_at") == null ? null : r.getOffsetDateTime("resolved_at").toInstant().toString())
        .put("note", r.getString("note"));
  }
}
