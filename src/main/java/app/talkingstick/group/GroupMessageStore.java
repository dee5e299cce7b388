package app.talkingstick.group;

import app.talkingstick.channel.ChannelCipher;
import app.talkingstick.channel.ChannelCipher.Sealed;
import app.talkingstick.conversation.ConversationLog.Stored;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
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

/**
 * The room's writes of messages and reactions; reads live in HistoryStore. A message's text is
 * stored only sealed ({@link ChannelCipher}, bound to its group, seq and author): the room seals it
 * on its own event loop when it numbers the message, so the write itself adds no work and no round trip.
 */
public final class GroupMessageStore {

  /** A message the facilitator accepted and numbered, not yet committed; its text sealed for its row. */
  public record NewMessage(long seq, UUID memberId, String pseudonym, String clientMsgId, Sealed sealed, String status,
                           boolean crisis, Instant at) {

    /** Seals {@code text} for the row ({@code groupId}, {@code seq}, {@code memberId}). */
    public static NewMessage of(ChannelCipher cipher, UUID groupId, long seq, UUID memberId, String pseudonym,
                                String clientMsgId, String text, String status, boolean crisis, Instant at) {
      Sealed sealed = cipher.seal(text, ChannelCipher.groupMessageContext(groupId, seq, memberId));
      return new NewMessage(seq, memberId, pseudonym, clientMsgId, sealed, status, crisis, at);
    }
  }

  /** A message of one room, for a write that may hold several rooms' messages. */
  public record RoomMessage(UUID groupId, NewMessage message) {}

  private static final String INSERT_BATCH =
      "INSERT INTO group_messages (group_id, seq, member_id, pseudonym, client_msg_id, ciphertext, nonce, key_id,"
          + " status, crisis, created_at)"
          + " SELECT u.group_id, u.seq, u.member_id, u.pseudonym, u.client_msg_id, u.ciphertext, u.nonce, u.key_id,"
          + " u.status, u.crisis, u.created_at"
          + " FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::bytea[], $7::bytea[],"
          + " $8::text[], $9::text[], $10::boolean[], $11::timestamptz[]) AS u(group_id, seq, member_id, pseudonym,"
          + " client_msg_id, ciphertext, nonce, key_id, status, crisis, created_at)"
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

  private static final String MARK_CRISIS =
      "WITH gone AS (DELETE FROM reactions WHERE group_id = $1 AND seq = $2)"
          + " UPDATE group_messages SET crisis = true WHERE group_id = $1 AND seq = $2";

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
        .addArrayOfBuffer(batch.stream().map(m -> Buffer.buffer(m.message().sealed().ciphertext())).toArray(Buffer[]::new))
        .addArrayOfBuffer(batch.stream().map(m -> Buffer.buffer(m.message().sealed().nonce())).toArray(Buffer[]::new))
        .addArrayOfString(batch.stream().map(m -> m.message().sealed().keyId()).toArray(String[]::new))
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

  private static final String PLAINTEXT =
      "SELECT group_id, seq, member_id, body FROM group_messages WHERE body IS NOT NULL LIMIT $1";
  private static final String SEAL =
      "UPDATE group_messages g SET ciphertext = u.ciphertext, nonce = u.nonce, key_id = u.key_id, body = NULL"
          + " FROM unnest($1::uuid[], $2::bigint[], $3::bytea[], $4::bytea[], $5::text[])"
          + " AS u(group_id, seq, ciphertext, nonce, key_id) WHERE g.group_id = u.group_id AND g.seq = u.seq";

  /**
   * Seals the messages stored in the clear before V9, {@code batch} rows per statement, and empties
   * their body; completes with how many it sealed. A one-off at start: once done it finds no row.
   */
  public static Future<Long> sealPlaintext(Pool pool, ChannelCipher cipher, int batch) {
    return sealPlaintext(pool, cipher, batch, 0L);
  }

  private static Future<Long> sealPlaintext(Pool pool, ChannelCipher cipher, int batch, long done) {
    return pool.preparedQuery(PLAINTEXT).execute(Tuple.of(batch)).compose(rows -> {
      if (rows.size() == 0) return Future.succeededFuture(done);
      List<UUID> groups = new ArrayList<>();
      List<Long> seqs = new ArrayList<>();
      List<Buffer> ciphertexts = new ArrayList<>();
      List<Buffer> nonces = new ArrayList<>();
      List<String> keyIds = new ArrayList<>();
      for (Row r : rows) {
        Sealed sealed = cipher.seal(r.getString("body"),
            ChannelCipher.groupMessageContext(r.getUUID("group_id"), r.getLong("seq"), r.getUUID("member_id")));
        groups.add(r.getUUID("group_id"));
        seqs.add(r.getLong("seq"));
        ciphertexts.add(Buffer.buffer(sealed.ciphertext()));
        nonces.add(Buffer.buffer(sealed.nonce()));
        keyIds.add(sealed.keyId());
      }
      Tuple params = Tuple.tuple().addArrayOfUUID(groups.toArray(UUID[]::new)).addArrayOfLong(seqs.toArray(Long[]::new))
          .addArrayOfBuffer(ciphertexts.toArray(Buffer[]::new)).addArrayOfBuffer(nonces.toArray(Buffer[]::new))
          .addArrayOfString(keyIds.toArray(String[]::new));
      return pool.preparedQuery(SEAL).execute(params)
          .compose(v -> sealPlaintext(pool, cipher, batch, done + rows.size()));
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

  /**
   * Marks a shared message as one that showed signs of a crisis, when its crisis reading came after it was
   * shared: nobody reacts to it from now on, and the reactions it had are taken off.
   */
  public Future<Void> markCrisis(UUID groupId, long seq) {
    return pool.preparedQuery(MARK_CRISIS).execute(Tuple.of(groupId, seq)).mapEmpty();
  }
}
