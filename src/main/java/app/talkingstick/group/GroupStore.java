package app.talkingstick.group;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Group rows, member rows and agreement acceptances. Reads of current memberships are in
 * {@link MembershipStore}; the writes are here. Every method takes the client to run on, so a
 * caller composes them inside one transaction.
 */
public final class GroupStore {

  /** A group's settings and current agreement. */
  public record Group(UUID id, String name, String description, String topic, int capacity, String mode,
                      String queueOrder, int turnSeconds, int sessionMinutes, int slowModeSeconds,
                      int agreementVersion, String agreementText) {

    static Group fromRow(Row r) {
      return new Group(r.getUUID("id"), r.getString("name"), r.getString("description"), r.getString("topic"),
          r.getInteger("capacity"), r.getString("mode"), r.getString("queue_order"), r.getInteger("turn_seconds"),
          r.getInteger("session_minutes"), r.getInteger("slow_mode_seconds"), r.getInteger("agreement_version"),
          r.getString("agreement_text"));
    }

    /** The settings part of {@code GET /api/groups/{id}}. */
    public JsonObject settingsJson() {
      return new JsonObject()
          .put("id", id.toString())
          .put("name", name)
          .put("description", description)
          .put("topic", topic)
          .put("capacity", capacity)
          .put("mode", mode)
          .put("queueOrder", queueOrder)
          .put("turnSeconds", turnSeconds)
          .put("sessionMinutes", sessionMinutes)
          .put("slowModeSeconds", slowModeSeconds)
          .put("agreement", new JsonObject().put("version", agreementVersion).put("text", agreementText));
    }
  }

  /** What a therapist asks for when creating a group, already checked. */
  public record NewGroup(String name, String description, String topic, String mode, int capacity,
                         int turnSeconds, int sessionMinutes, int slowModeSeconds, String queueOrder,
                         String agreementText) {}

  /** A member row whatever its state (current, left or removed), locked for a change. */
  public record MemberRow(UUID id, UUID accountId, GroupRole role, boolean left, boolean removed) {
    static MemberRow fromRow(Row r) {
      return new MemberRow(r.getUUID("id"), r.getUUID("account_id"), GroupRole.fromWire(r.getString("role")),
          r.getValue("left_at") != null, r.getValue("removed_at") != null);
    }

    public boolean isCurrent() {
      return !left && !removed;
    }
  }

  /** The room's session as the database knows it. */
  public record OpenSession(String topic, OffsetDateTime endsAt) {}

  private static final String GROUP_COLUMNS = "id, name, description, topic, capacity, mode, queue_order,"
      + " turn_seconds, session_minutes, slow_mode_seconds, agreement_version, agreement_text";
  private static final String INSERT_GROUP = "INSERT INTO groups (created_by, name, description, topic, capacity,"
      + " mode, queue_order, turn_seconds, session_minutes, slow_mode_seconds, agreement_text)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
  private static final String GROUP_BY_ID = "SELECT " + GROUP_COLUMNS + " FROM groups WHERE id = $1";
  private static final String LOCK_GROUP = GROUP_BY_ID + " FOR UPDATE";
  private static final String SHARE_GROUP = GROUP_BY_ID + " FOR SHARE";
  private static final String CHANGE_AGREEMENT = "UPDATE groups SET agreement_version = agreement_version + 1,"
      + " agreement_text = $2 WHERE id = $1 RETURNING agreement_version";
  private static final String OPEN_SESSION =
      "SELECT topic, ends_at FROM group_sessions WHERE group_id = $1 AND ended_at IS NULL";

  private static final String SUMMARIES_OF_ACCOUNT = "SELECT g.id, g.name, g.topic, g.agreement_version,"
      + " m.id AS member_id, m.role, m.pseudonym,"
      + " (SELECT max(a.version) FROM agreement_acceptances a WHERE a.member_id = m.id) AS accepted_version"
      + " FROM group_members m JOIN groups g ON g.id = m.group_id"
      + " WHERE m.account_id = $1 AND m.left_at IS NULL AND m.removed_at IS NULL"
      + " ORDER BY m.joined_at, g.id";
  private static final String ALL_SUMMARIES =
      "SELECT id, name, topic, agreement_version FROM groups ORDER BY created_at, id";

  private static final String INSERT_MEMBER = "INSERT INTO group_members (group_id, account_id, role, pseudonym)"
      + " VALUES ($1, $2, $3, $4) RETURNING id";
  private static final String LOCK_MEMBER_OF_ACCOUNT = "SELECT id, account_id, role, left_at, removed_at"
      + " FROM group_members WHERE group_id = $1 AND account_id = $2 FOR UPDATE";
  private static final String LOCK_MEMBER = "SELECT id, account_id, role, left_at, removed_at"
      + " FROM group_members WHERE group_id = $1 AND id = $2 FOR UPDATE";
  private static final String REJOIN = "UPDATE group_members SET left_at = NULL, pseudonym = $2, joined_at = now()"
      + " WHERE id = $1 AND removed_at IS NULL";
  private static final String COUNT_CURRENT_CLIENTS = "SELECT count(*) AS n FROM group_members"
      + " WHERE group_id = $1 AND role = 'client' AND left_at IS NULL AND removed_at IS NULL";
  private static final String MARK_LEFT = "UPDATE group_members SET left_at = now() WHERE id = $1";
  private static final String MARK_REMOVED = "UPDATE group_members SET removed_at = now() WHERE id = $1";
  private static final String ACCEPT_AGREEMENT = "INSERT INTO agreement_acceptances (member_id, version)"
      + " VALUES ($1, $2) ON CONFLICT DO NOTHING";

  public Future<UUID> insertGroup(SqlClient client, UUID createdBy, NewGroup g) {
    Tuple values = Tuple.of(createdBy, g.name(), g.description(), g.topic(), g.capacity(), g.mode())
        .addString(g.queueOrder()).addInteger(g.turnSeconds()).addInteger(g.sessionMinutes())
        .addInteger(g.slowModeSeconds()).addString(g.agreementText());
    return client.preparedQuery(INSERT_GROUP).execute(values).map(rows -> rows.iterator().next().getUUID("id"));
  }

  public Future<Optional<Group>> find(SqlClient client, UUID groupId) {
    return client.preparedQuery(GROUP_BY_ID).execute(Tuple.of(groupId)).map(GroupStore::firstGroup);
  }

  /** The group, locked until the transaction ends: joins to one group happen one at a time. */
  public Future<Optional<Group>> lock(SqlClient client, UUID groupId) {
    return client.preparedQuery(LOCK_GROUP).execute(Tuple.of(groupId)).map(GroupStore::firstGroup);
  }

  /** The group, protected from an agreement change until the transaction ends. */
  public Future<Optional<Group>> share(SqlClient client, UUID groupId) {
    return client.preparedQuery(SHARE_GROUP).execute(Tuple.of(groupId)).map(GroupStore::firstGroup);
  }

  /** Replaces the agreement text and returns the new version. */
  public Future<Integer> changeAgreement(SqlClient client, UUID groupId, String text) {
    return client.preparedQuery(CHANGE_AGREEMENT).execute(Tuple.of(groupId, text))
        .map(rows -> rows.iterator().next().getInteger("agreement_version"));
  }

  public Future<Optional<OpenSession>> openSession(SqlClient client, UUID groupId) {
    return client.preparedQuery(OPEN_SESSION).execute(Tuple.of(groupId)).map(rows -> rows.size() == 0
        ? Optional.<OpenSession>empty()
        : Optional.of(new OpenSession(rows.iterator().next().getString("topic"),
            rows.iterator().next().getOffsetDateTime("ends_at"))));
  }

  /** The caller's current groups, as listed by {@code GET /api/groups}. */
  public Future<JsonArray> summariesOf(SqlClient client, UUID accountId) {
    return client.preparedQuery(SUMMARIES_OF_ACCOUNT).execute(Tuple.of(accountId)).map(rows -> {
      JsonArray list = new JsonArray();
      for (Row r : rows) {
        Integer accepted = r.getInteger("accepted_version");
        list.add(summary(r)
            .put("role", r.getString("role"))
            .put("memberId", r.getUUID("member_id").toString())
            .put("pseudonym", r.getString("pseudonym"))
            .put("acceptedAgreementVersion", accepted == null ? 0 : accepted));
      }
      return list;
    });
  }

  /** Every group, for an admin. */
  public Future<JsonArray> allSummaries(SqlClient client) {
    return client.query(ALL_SUMMARIES).execute().map(rows -> {
      JsonArray list = new JsonArray();
      for (Row r : rows) list.add(summary(r).put("role", "admin"));
      return list;
    });
  }

  private static JsonObject summary(Row r) {
    return new JsonObject()
        .put("id", r.getUUID("id").toString())
        .put("name", r.getString("name"))
        .put("topic", r.getString("topic"))
        .put("agreementVersion", r.getInteger("agreement_version"));
  }

  /** Fails with a unique violation (23505) when the pseudonym or the account is already in the group. */
  public Future<UUID> insertMember(SqlClient client, UUID groupId, UUID accountId, GroupRole role, String pseudonym) {
    return client.preparedQuery(INSERT_MEMBER).execute(Tuple.of(groupId, accountId, role.wire(), pseudonym))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  public Future<Optional<MemberRow>> lockMemberOfAccount(SqlClient client, UUID groupId, UUID accountId) {
    return client.preparedQuery(LOCK_MEMBER_OF_ACCOUNT).execute(Tuple.of(groupId, accountId))
        .map(GroupStore::firstMember);
  }

  public Future<Optional<MemberRow>> lockMember(SqlClient client, UUID groupId, UUID memberId) {
    return client.preparedQuery(LOCK_MEMBER).execute(Tuple.of(groupId, memberId)).map(GroupStore::firstMember);
  }

  /** Brings back a member who left, under a new pseudonym (23505 if it is taken). */
  public Future<Void> rejoin(SqlClient client, UUID memberId, String pseudonym) {
    return client.preparedQuery(REJOIN).execute(Tuple.of(memberId, pseudonym)).mapEmpty();
  }

  public Future<Long> countCurrentClients(SqlClient client, UUID groupId) {
    return client.preparedQuery(COUNT_CURRENT_CLIENTS).execute(Tuple.of(groupId))
        .map(rows -> rows.iterator().next().getLong("n"));
  }

  public Future<Void> markLeft(SqlClient client, UUID memberId) {
    return client.preparedQuery(MARK_LEFT).execute(Tuple.of(memberId)).mapEmpty();
  }

  public Future<Void> markRemoved(SqlClient client, UUID memberId) {
    return client.preparedQuery(MARK_REMOVED).execute(Tuple.of(memberId)).mapEmpty();
  }

  /** Records that the member accepted this agreement version (once; accepting again changes nothing). */
  public Future<Void> acceptAgreement(SqlClient client, UUID memberId, int version) {
    return client.preparedQuery(ACCEPT_AGREEMENT).execute(Tuple.of(memberId, version)).mapEmpty();
  }

  private static Optional<Group> firstGroup(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(Group.fromRow(rows.iterator().next()));
  }

  private static Optional<MemberRow> firstMember(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(MemberRow.fromRow(rows.iterator().next()));
  }
}
