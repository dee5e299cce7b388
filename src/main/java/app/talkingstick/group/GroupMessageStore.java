package app.talkingstick.group;

import app.talkingstick.conversation.ConversationLog.Stored;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The room's writes of messages and reactions; reads live in HistoryStore. */
public final class GroupMessageStore {

  /** A message the facilitator accepted and numbered, not yet committed. */
  public record NewMessage(long seq, UUID memberId, String pseudonym, String clientMsgId, String text, String status,
                           boolean crisis, Instant at) {}

  /** A message of one room, for a write that may hold several rooms' messages. */
  public record RoomMessage(UUID groupId, NewMessage message) {}

  private static final String INSERT_BATCH =
      "INSERT INTO group_messages (group_id, seq, member_id, pseudonym, client_msg_id, body, status, crisis, created_at)"
          + " SELECT u.group_id, u.seq, u.member_id, u.pseudonym, u.client_msg_id, u.body, u.status, u.crisis, u.created_at"
          + " FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],"
          + " $8::boolean[], $9::timestamptz[]) AS u(group_id, seq, member_id, pseudonym, client_msg_id, body, status,"
          + " crisis, created_at)"
          + " ON CONFLICT (group_id, member_id, client_msg_id) DO NOTHING RETURNING group_id, seq";
  private static final String EXISTING =
      "SELECT g.group_id, g.seq, g.member_id, g.client_msg_id FROM group_messages g"
          + " JOIN unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(group_id, member_id, client_msg_id)"
          + " ON g.group_id = u.group_id AND g.member_id = u.member_id AND g.client_msg_id = u.client_msg_id";
  private static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) AS last FROM group_messages WHERE group_id = $1";
  private static final String REACT =
      "INSERT INTO reactions (group_id, seq, member_id, emoji)"
          + " SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM group_messages WHERE group_id = $1 AND seq = $2"
          + " AND status = 'visible' AND NOT crisis)"
          + " ON CONFLICT DO NOTHING";
  private static final String REACTION_COUNT =
      "SELECT count(*) AS n, (SELECT CASE WHEN status <> 'visible' THEN -1 WHEN crisis THEN -2 ELSE 0 END"
          + " FROM group_messages WHERE group_id = $1 AND seq = $2) AS state"
          + " FROM reactions WHERE group_id = $1 AND seq = $2 AND emoji = $3";

  private final Pool pool;

  public GroupMessageStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Long> lastSeq(UUID groupId) {
    return pool.preparedQuery(LAST_SEQ).execute(Tuple.of(groupId)).map(rows -> rows.iterator().next().getLong("last"));
  }

  /** Inserts one room's batch in one statement; see {@link #insertAll}. */
  public Future<List<Stored>> insert(UUID groupId, List<NewMessage> batch) {
    return insertAll(batch.stream().map(m -> new RoomMessage(groupId, m)).toList());
  }

  /**
   * Inserts the messages of any number of rooms in one statement (one transaction, one commit);
   * a message whose clientMsgId its sender already used in that room yields the stored seq.
   */
  public Future<List<Stored>> insertAll(List<RoomMessage> batch) {
    Tuple params = Tuple.tuple()
        .addArrayOfUUID(batch.stream().map(RoomMessage::groupId).toArray(UUID[]::new))
        .addArrayOfLong(batch.stream().map(m -> m.message().seq()).toArray(Long[]::new))
        .addArrayOfUUID(batch.stream().map(m -> m.message().memberId()).toArray(UUID[]::new))
        .addArrayOfString(batch.stream().map(m -> m.message().pseudonym()).toArray(String[]::new))
        .addArrayOfString(batch.stream().map(m -> m.message().clientMsgId()).toArray(String[]::new))
        .addArrayOfString(batch.stream().map(m -> m.message().text()).toArray(String[]::new))
        .addArrayOfString(batch.stream().map(m -> m.message().status()).toArray(String[]::new))
        .addArrayOfBoolean(batch.stream().map(m -> m.message().crisis()).toArray(Boolean[]::new))
        .addArrayOfOffsetDateTime(batch.stream().map(m -> OffsetDateTime.ofInstant(m.message().at(), ZoneOffset.UTC))
            .toArray(OffsetDateTime[]::new));
    return pool.preparedQuery(INSERT_BATCH).execute(params).compose(rows -> {
      Set<String> inserted = new HashSet<>();
      rows.forEach(r -> inserted.add(r.getUUID("group_id") + "/" + r.getLong("seq")));
      if (inserted.size() == batch.size()) {
        return Future.succeededFuture(batch.stream().map(m -> new Stored(m.message().seq(), false)).toList());
      }
      return resolveDuplicates(batch, inserted);
    });
  }

  private Future<List<Stored>> resolveDuplicates(List<RoomMessage> batch, Set<String> inserted) {
    List<RoomMessage> missing = batch.stream().filter(m -> !inserted.contains(seqKey(m))).toList();
    Tuple params = Tuple.tuple()
        .addArrayOfUUID(missing.stream().map(RoomMessage::groupId).toArray(UUID[]::new))
        .addArrayOfUUID(missing.stream().map(m -> m.message().memberId()).toArray(UUID[]::new))
        .addArrayOfString(missing.stream().map(m -> m.message().clientMsgId()).toArray(String[]::new));
    return pool.preparedQuery(EXISTING).execute(params).map(rows -> {
      Map<String, Long> existing = new HashMap<>();
      for (Row r : rows) {
        existing.put(r.getUUID("group_id") + "/" + r.getUUID("member_id") + "/" + r.getString("client_msg_id"),
            r.getLong("seq"));
      }
      List<Stored> result = new ArrayList<>();
      for (RoomMessage m : batch) {
        if (inserted.contains(seqKey(m))) {
          result.add(new Stored(m.message().seq(), false));
        } else {
          Long original = existing.get(m.groupId() + "/" + m.message().memberId() + "/" + m.message().clientMsgId());
          if (original == null) throw new IllegalStateException("message neither inserted nor found: seq " + m.message().seq());
          // its own seq: this very message, committed by an earlier write of the same batch (written again item by item)
          result.add(new Stored(original, original != m.message().seq()));
        }
      }
      return result;
    });
  }

  private static String seqKey(RoomMessage m) {
    return m.groupId() + "/" + m.message().seq();
  }

  /** The result of {@link #react} for a message that is not visible, and for one that showed signs of a crisis. */
  public static final long NOT_VISIBLE = -1;
  public static final long NO_REACTIONS = -2;

  /**
   * Adds a reaction (once per member and emoji) and returns the count, or {@link #NOT_VISIBLE} or
   * {@link #NO_REACTIONS} (nobody reacts to a message that showed signs of a crisis).
   */
  public Future<Long> react(UUID groupId, long seq, UUID memberId, String emoji) {
    return pool.preparedQuery(REACT).execute(Tuple.of(groupId, seq, memberId, emoji))
        .compose(v -> pool.preparedQuery(REACTION_COUNT).execute(Tuple.of(groupId, seq, emoji)))
        .map(rows -> {
          Row row = rows.iterator().next();
          Integer state = row.getInteger("state");
          return state == null ? NOT_VISIBLE : state < 0 ? state.longValue() : row.getLong("n");
        });
  }
}
