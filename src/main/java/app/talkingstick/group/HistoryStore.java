package app.talkingstick.group;

import app.talkingstick.channel.ChannelCipher;
import app.talkingstick.channel.ChannelCipher.Sealed;
import app.talkingstick.conversation.HistoryPage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a room's stored messages page by page. Rows are written by the room's facilitator; this
 * class only reads them. Pages are always returned in ascending {@code seq} order. Texts are opened
 * with the channel keys; a row from before V9 that start-up has not sealed yet still has its body.
 */
public final class HistoryStore {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);

  private final ChannelCipher cipher;

  public HistoryStore(ChannelCipher cipher) {
    this.cipher = cipher;
  }

  /** One page and whether more messages lie beyond it (after it for "after", before it otherwise). */
  public record Result(JsonArray messages, boolean hasMore) {
    public JsonObject toJson() {
      return new JsonObject().put("messages", messages).put("hasMore", hasMore);
    }
  }

  /** $2: staff (every row); $3: the reader's member id (their own private rows too). */
  private static final String SELECT = "SELECT m.seq, m.body, m.ciphertext, m.nonce, m.key_id, m.status, m.crisis, m.created_at, m.member_id,"
      + " coalesce(m.pseudonym, gm.pseudonym) AS pseudonym, gm.role FROM group_messages m JOIN group_members gm ON gm.id = m.member_id"
      + " WHERE m.group_id = $1 AND ($2::boolean OR m.status = 'visible' OR (m.status = 'private' AND m.member_id = $3))";
  private static final String AFTER = SELECT + " AND m.seq > $4 ORDER BY m.seq ASC LIMIT $5";
  private static final String BEFORE = SELECT + " AND m.seq < $4 ORDER BY m.seq DESC LIMIT $5";
  private static final String LATEST = SELECT + " ORDER BY m.seq DESC LIMIT $4";
  private static final String REACTIONS = "SELECT seq, emoji, count(*) AS n FROM reactions"
      + " WHERE group_id = $1 AND seq = ANY($2) GROUP BY seq, emoji ORDER BY seq, emoji";

  /**
   * A page of the room's messages as {@code reader} may see them. Staff see every row with its status;
   * a member sees the visible rows and their own private ones (a crisis text that went only to the
   * therapists), the latter marked {@code status: "private"}. A message that showed signs of a crisis
   * carries {@code reactable: false}.
   */
  public Future<Result> page(SqlClient client, UUID groupId, HistoryPage page, Membership reader) {
    int fetch = page.limit() + 1;
    boolean staff = reader.isStaff();
    Tuple base = Tuple.of(groupId, staff, reader.memberId());
    Future<List<Row>> rows;
    if (page.after() != null) {
      rows = fetch(client, AFTER, base.addLong(page.after()).addInteger(fetch), false);
    } else if (page.before() != null) {
      rows = fetch(client, BEFORE, base.addLong(page.before()).addInteger(fetch), true);
    } else {
      rows = fetch(client, LATEST, base.addInteger(fetch), true);
    }
    return rows.compose(all -> {
      boolean hasMore = all.size() > page.limit();
      List<Row> shown = trim(all, page.limit(), page.after() == null);
      return reactions(client, groupId, shown)
          .map(reactions -> new Result(toJson(groupId, shown, reactions, staff), hasMore));
    });
  }

  private static Future<List<Row>> fetch(SqlClient client, String sql, Tuple args, boolean newestFirst) {
    return client.preparedQuery(sql).execute(args).map(rowSet -> {
      List<Row> list = new ArrayList<>();
      rowSet.forEach(list::add);
      if (newestFirst) Collections.reverse(list);
      return list;
    });
  }

  /** Drops the one extra row fetched to learn hasMore: the oldest when paging backwards, else the newest. */
  private static List<Row> trim(List<Row> ascending, int limit, boolean backwards) {
    if (ascending.size() <= limit) return ascending;
    return backwards
        ? ascending.subList(ascending.size() - limit, ascending.size())
        : ascending.subList(0, limit);
  }

  private static Future<Map<Long, JsonObject>> reactions(SqlClient client, UUID groupId, List<Row> messages) {
    if (messages.isEmpty()) return Future.succeededFuture(Map.of());
    Long[] seqs = messages.stream().map(r -> r.getLong("seq")).toArray(Long[]::new);
    return client.preparedQuery(REACTIONS).execute(Tuple.of(groupId).addArrayOfLong(seqs)).map(rows -> {
      Map<Long, JsonObject> bySeq = new LinkedHashMap<>();
      for (Row r : rows) {
        bySeq.computeIfAbsent(r.getLong("seq"), s -> new JsonObject()).put(r.getString("emoji"), r.getLong("n"));
      }
      return bySeq;
    });
  }

  private JsonArray toJson(UUID groupId, List<Row> rows, Map<Long, JsonObject> reactions, boolean staff) {
    JsonArray messages = new JsonArray();
    for (Row r : rows) {
      long seq = r.getLong("seq");
      JsonObject message = new JsonObject()
          .put("seq", seq)
          .put("from", new JsonObject()
              .put("memberId", r.getUUID("member_id").toString())
              .put("pseudonym", r.getString("pseudonym"))
              .put("role", r.getString("role")))
          .put("text", text(groupId, r))
          .put("at", r.getOffsetDateTime("created_at").toInstant().toString());
      if (staff || "private".equals(r.getString("status"))) message.put("status", r.getString("status"));
      if (r.getBoolean("crisis")) message.put("reactable", false);
      if (reactions.containsKey(seq)) message.put("reactions", reactions.get(seq));
      messages.add(message);
    }
    return messages;
  }

  /** The row's text: opened, or its body when it predates sealing; null when no loaded key opens it. */
  private String text(UUID groupId, Row r) {
    if (r.getBuffer("ciphertext") == null) return r.getString("body");
    long seq = r.getLong("seq");
    try {
      Sealed sealed = new Sealed(r.getBuffer("ciphertext").getBytes(), r.getBuffer("nonce").getBytes(), r.getString("key_id"));
      return cipher.open(sealed, ChannelCipher.groupMessageContext(groupId, seq, r.getUUID("member_id")));
    } catch (ChannelCipher.Unreadable e) {
      LOG.error("Group {} message {}: its text cannot be read with the keys loaded", groupId, seq);
      return null;
    }
  }
}
