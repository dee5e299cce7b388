package app.talkingstick.channel;

import app.talkingstick.channel.ChannelCipher.Sealed;
import app.talkingstick.conversation.HistoryPage;
import app.talkingstick.conversation.ConversationLog.Stored;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A channel's messages as stored: sealed by {@link ChannelCipher}, written in batches by the
 * channel's verticle (mirroring the group rooms' one-statement {@code unnest} insert) and read
 * page by page for history. Rows never hold a message's text in the clear.
 */
public final class ChannelMessageStore {

  /** A message the channel's verticle accepted, numbered and sealed, not yet committed. */
  public record NewMessage(long seq, UUID senderId, String clientMsgId, Sealed sealed, Instant at) {}

  /** A stored message, still sealed. */
  public record StoredMessage(long seq, UUID senderId, Sealed sealed, Instant at) {}

  /** One page in ascending seq order, and whether more lie beyond it. */
  public record StoredPage(List<StoredMessage> messages, boolean hasMore) {}

  private static final String INSERT_BATCH =
      "INSERT INTO channel_messages (channel_id, seq, sender_id, client_msg_id, ciphertext, nonce, key_id, created_at)"
          + " SELECT $1, u.seq, u.sender_id, u.client_msg_id, u.ciphertext, u.nonce, u.key_id, u.created_at"
          + " FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::bytea[], $6::bytea[], $7::text[], $8::timestamptz[])"
          + " AS u(seq, sender_id, client_msg_id, ciphertext, nonce, key_id, created_at)"
          + " ON CONFLICT (channel_id, sender_id, client_msg_id) DO NOTHING RETURNING seq";
  private static final String EXISTING =
      "SELECT m.seq, m.sender_id, m.client_msg_id FROM channel_messages m"
          + " JOIN unnest($2::uuid[], $3::text[]) AS u(sender_id, client_msg_id)"
          + " ON m.sender_id = u.sender_id AND m.client_msg_id = u.client_msg_id WHERE m.channel_id = $1";
  private static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) AS last FROM channel_messages WHERE channel_id = $1";
  private static final String SELECT = "SELECT seq, sender_id, ciphertext, nonce, key_id, created_at"
      + " FROM channel_messages WHERE channel_id = $1";
  private static final String AFTER = SELECT + " AND seq > $2 ORDER BY seq ASC LIMIT $3";
  private static final String BEFORE = SELECT + " AND seq < $2 ORDER BY seq DESC LIMIT $3";
  private static final String LATEST = SELECT + " ORDER BY seq DESC LIMIT $2";

  public Future<Long> lastSeq(SqlClient client, UUID channelId) {
    return client.preparedQuery(LAST_SEQ).execute(Tuple.of(channelId)).map(rows -> rows.iterator().next().getLong("last"));
  }

  /** Inserts the batch in one statement; a message whose clientMsgId was already stored yields the stored seq. */
  public Future<List<Stored>> insert(SqlClient client, UUID channelId, List<NewMessage> batch) {
    Tuple params = Tuple.tuple()
        .addUUID(channelId)
        .addArrayOfLong(batch.stream().map(NewMessage::seq).toArray(Long[]::new))
        .addArrayOfUUID(batch.stream().map(NewMessage::senderId).toArray(UUID[]::new))
        .addArrayOfString(batch.stream().map(NewMessage::clientMsgId).toArray(String[]::new))
        .addArrayOfBuffer(batch.stream().map(m -> Buffer.buffer(m.sealed().ciphertext())).toArray(Buffer[]::new))
        .addArrayOfBuffer(batch.stream().map(m -> Buffer.buffer(m.sealed().nonce())).toArray(Buffer[]::new))
        .addArrayOfString(batch.stream().map(m -> m.sealed().keyId()).toArray(String[]::new))
        .addArrayOfOffsetDateTime(batch.stream().map(m -> OffsetDateTime.ofInstant(m.at(), ZoneOffset.UTC))
            .toArray(OffsetDateTime[]::new));
    return client.preparedQuery(INSERT_BATCH).execute(params).compose(rows -> {
      Set<Long> inserted = new HashSet<>();
      rows.forEach(r -> inserted.add(r.getLong("seq")));
      if (inserted.size() == batch.size()) {
        return Future.succeededFuture(batch.stream().map(m -> new Stored(m.seq(), false)).toList());
      }
      return resolveDuplicates(client, channelId, batch, inserted);
    });
  }

  private Future<List<Stored>> resolveDuplicates(SqlClient client, UUID channelId, List<NewMessage> batch,
                                                 Set<Long> inserted) {
    List<NewMessage> missing = batch.stream().filter(m -> !inserted.contains(m.seq())).toList();
    Tuple params = Tuple.tuple().addUUID(channelId)
        .addArrayOfUUID(missing.stream().map(NewMessage::senderId).toArray(UUID[]::new))
        .addArrayOfString(missing.stream().map(NewMessage::clientMsgId).toArray(String[]::new));
    return client.preparedQuery(EXISTING).execute(params).map(rows -> {
      Map<String, Long> existing = new HashMap<>();
      for (Row r : rows) existing.put(r.getUUID("sender_id") + "/" + r.getString("client_msg_id"), r.getLong("seq"));
      List<Stored> result = new ArrayList<>();
      for (NewMessage m : batch) {
        if (inserted.contains(m.seq())) {
          result.add(new Stored(m.seq(), false));
        } else {
          Long original = existing.get(m.senderId() + "/" + m.clientMsgId());
          if (original == null) throw new IllegalStateException("message neither inserted nor found: seq " + m.seq());
          result.add(new Stored(original, original != m.seq())); // its own seq: this very message, written again
        }
      }
      return result;
    });
  }

  /** A page of the channel's messages, in ascending seq order, as the group rooms page theirs. */
  public Future<StoredPage> page(SqlClient client, UUID channelId, HistoryPage page) {
    int fetch = page.limit() + 1;
    Future<List<StoredMessage>> rows;
    if (page.after() != null) {
      rows = fetch(client, AFTER, Tuple.of(channelId, page.after(), fetch), false);
    } else if (page.before() != null) {
      rows = fetch(client, BEFORE, Tuple.of(channelId, page.before(), fetch), true);
    } else {
      rows = fetch(client, LATEST, Tuple.of(channelId, fetch), true);
    }
    return rows.map(all -> new StoredPage(trim(all, page.limit(), page.after() == null), all.size() > page.limit()));
  }

  private static Future<List<StoredMessage>> fetch(SqlClient client, String sql, Tuple args, boolean newestFirst) {
    return client.preparedQuery(sql).execute(args).map(rowSet -> {
      List<StoredMessage> list = new ArrayList<>();
      for (Row r : rowSet) {
        list.add(new StoredMessage(r.getLong("seq"), r.getUUID("sender_id"),
            new Sealed(r.getBuffer("ciphertext").getBytes(), r.getBuffer("nonce").getBytes(), r.getString("key_id")),
            r.getOffsetDateTime("created_at").toInstant()));
      }
      if (newestFirst) Collections.reverse(list);
      return list;
    });
  }

  /** Drops the one extra row fetched to learn hasMore: the oldest when paging backwards, else the newest. */
  private static List<StoredMessage> trim(List<StoredMessage> ascending, int limit, boolean backwards) {
    if (ascending.size() <= limit) return ascending;
    return backwards ? ascending.subList(ascending.size() - limit, ascending.size()) : ascending.subList(0, limit);
  }
}
