package app.talkingstick.safety;

import app.talkingstick.channel.ChannelCipher;
import app.talkingstick.channel.ChannelCipher.Sealed;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crisis escalations: opened by a room or a channel, acknowledged and resolved by a therapist,
 * sent again when nobody acknowledges them in time. The text that raised one is kept on it, sealed
 * like a channel message, so an alert survives even when its message could not be stored.
 */
public final class EscalationStore {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationStore.class);

  /** Where a possible crisis was noticed; {@code seq} is null when the message itself was not stored. */
  public record Origin(UUID groupId, UUID channelId, UUID accountId, UUID memberId, Long seq) {}

  /** Someone an escalation's alerts and reminders go to. */
  public record Recipient(UUID accountId, String role, Optional<String> email) {
    boolean admin() {
      return "admin".equals(role);
    }
  }

  private static final String OPEN =
      "INSERT INTO escalations (id, group_id, channel_id, account_id, member_id, seq, category, severity, shared,"
          + " ciphertext, nonce, key_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING opened_at";
  private static final String COLUMNS =
      "SELECT e.id, e.group_id, e.channel_id, e.account_id, e.member_id, e.seq, e.category, e.severity, e.status,"
          + " e.shared, e.opened_at, e.reminded_at, e.acknowledged_at, e.resolved_at, e.note, e.note_ciphertext, e.note_nonce, e.note_key_id, e.ciphertext, e.nonce, e.key_id,"
          + " m.pseudonym, g.name AS group_name, client.display_name AS client_name"
          + " FROM escalations e LEFT JOIN group_members m ON m.id = e.member_id"
          + " LEFT JOIN groups g ON g.id = e.group_id"
          + " LEFT JOIN accounts client ON client.id = e.account_id AND e.channel_id IS NOT NULL";
  /**
   * Escalations a therapist may act on: in groups they run, or in their own channels. Admins see those
   * that were sent to them: the ones nobody acknowledged in time.
   */
  private static final String VISIBLE = COLUMNS
      + " WHERE ($3::boolean AND e.reminded_at IS NOT NULL OR e.group_id IN (SELECT group_id FROM group_members WHERE account_id = $1"
      + "   AND role = 'therapist' AND left_at IS NULL AND removed_at IS NULL)"
      + "  OR e.channel_id IN (SELECT id FROM channels WHERE therapist_id = $1))";
  private static final String LIST = VISIBLE + " AND ($2::boolean OR e.status <> 'resolved')"
      + " ORDER BY (e.status = 'resolved'), e.opened_at DESC LIMIT 200";
  private static final String ONE = VISIBLE + " AND e.id = $2";
  private static final String ACKNOWLEDGE =
      "UPDATE escalations SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = now()"
          + " WHERE id = $1 AND status = 'open' RETURNING id";
  private static final String RESOLVE =
      "UPDATE escalations SET status = 'resolved', resolved_by = $2, resolved_at = now(), note = NULL,"
          + " note_ciphertext = $3, note_nonce = $4, note_key_id = $5,"
          + " acknowledged_by = coalesce(acknowledged_by, $2), acknowledged_at = coalesce(acknowledged_at, now())"
          + " WHERE id = $1 AND status <> 'resolved' RETURNING id";
  /** Claims the open escalations past their deadline, once each, also when several servers look at once. */
  private static final String CLAIM_OVERDUE =
      "UPDATE escalations SET reminded_at = now() WHERE id IN (SELECT id FROM escalations"
          + " WHERE status = 'open' AND reminded_at IS NULL AND opened_at <= now() - make_interval(secs => $1)"
          + " ORDER BY opened_at LIMIT 50 FOR UPDATE SKIP LOCKED) RETURNING id";
  /**
   * Who hears of an escalation: the group's therapists, or the channel's therapist; with {@code $3}
   * (a reminder), also the therapists of the channel client's groups and the admins.
   */
  private static final String RECIPIENTS =
      "SELECT id, role, email FROM accounts WHERE ($3::boolean AND role = 'admin')"
          + " OR id IN (SELECT t.account_id FROM group_members t WHERE t.group_id = $1 AND t.role = 'therapist'"
          + "   AND t.left_at IS NULL AND t.removed_at IS NULL)"
          + " OR id IN (SELECT ch.therapist_id FROM channels ch WHERE ch.id = $2)"
          + " OR ($3::boolean AND id IN (SELECT t.account_id FROM group_members t JOIN group_members c"
          + "   ON c.group_id = t.group_id AND c.role = 'client' AND c.left_at IS NULL AND c.removed_at IS NULL"
          + "   WHERE t.role = 'therapist' AND t.left_at IS NULL AND t.removed_at IS NULL"
          + "   AND c.account_id = (SELECT ch.client_id FROM channels ch WHERE ch.id = $2)))";

  private final Pool pool;
  private final ChannelCipher cipher;

  public EscalationStore(Pool pool, ChannelCipher cipher) {
    this.pool = pool;
    this.cipher = cipher;
  }

  /** Opens an escalation with the text sealed on it; completes with its id and opening time after the commit. */
  public Future<Opened> open(Origin origin, String category, String severity, boolean shared, String text) {
    UUID id = UUID.randomUUID();
    Sealed sealed = cipher.seal(text, context(id));
    return pool.preparedQuery(OPEN)
        .execute(Tuple.of(id, origin.groupId(), origin.channelId(), origin.accountId(), origin.memberId(), origin.seq(),
            category, severity).addValue(shared).addValue(io.vertx.core.buffer.Buffer.buffer(sealed.ciphertext()))
            .addValue(io.vertx.core.buffer.Buffer.buffer(sealed.nonce())).addValue(sealed.keyId()))
        .map(rows -> new Opened(id, rows.iterator().next().getOffsetDateTime("opened_at").toInstant()));
  }

  public record Opened(UUID id, java.time.Instant at) {}

  /** For a therapist, those of their groups and channels; for an admin, all of them, without text or names. */
  public Future<JsonArray> visibleTo(UUID accountId, boolean admin, boolean includeResolved) {
    return pool.preparedQuery(LIST).execute(Tuple.of(accountId, includeResolved, admin)).map(rows -> {
      JsonArray list = new JsonArray();
      rows.forEach(r -> list.add(json(r, admin)));
      return list;
    });
  }

  public Future<Optional<JsonObject>> find(UUID accountId, boolean admin, UUID escalationId) {
    return pool.preparedQuery(ONE).execute(Tuple.of(accountId, escalationId, admin))
        .map(rows -> rows.size() == 0 ? Optional.<JsonObject>empty() : Optional.of(json(rows.iterator().next(), admin)));
  }

  /** True when it was open and is now acknowledged. */
  public Future<Boolean> acknowledge(UUID escalationId, UUID by) {
    return pool.preparedQuery(ACKNOWLEDGE).execute(Tuple.of(escalationId, by)).map(rows -> rows.size() == 1);
  }

  /** Resolves it with the therapist's note, which is stored only sealed. */
  public Future<Boolean> resolve(UUID escalationId, UUID by, String note) {
    Sealed sealed = note == null ? null : cipher.seal(note, ChannelCipher.escalationNoteContext(escalationId));
    return pool.preparedQuery(RESOLVE)
        .execute(Tuple.of(escalationId, by, sealed == null ? null : io.vertx.core.buffer.Buffer.buffer(sealed.ciphertext()),
            sealed == null ? null : io.vertx.core.buffer.Buffer.buffer(sealed.nonce()), sealed == null ? null : sealed.keyId()))
        .map(rows -> rows.size() == 1);
  }

  private static final String PLAINTEXT_NOTES = "SELECT id, note FROM escalations WHERE note IS NOT NULL LIMIT $1";
  private static final String SEAL_NOTE =
      "UPDATE escalations SET note = NULL, note_ciphertext = $2, note_nonce = $3, note_key_id = $4 WHERE id = $1";

  /**
   * Seals the resolution notes stored in the clear before V9, {@code batch} rows at a time; completes
   * with how many it sealed. A one-off at start.
   */
  public static Future<Long> sealPlaintext(Pool pool, ChannelCipher cipher, int batch) {
    return pool.preparedQuery(PLAINTEXT_NOTES).execute(Tuple.of(batch)).compose(rows -> {
      if (rows.size() == 0) return Future.succeededFuture(0L);
      List<Tuple> updates = new ArrayList<>();
      for (Row r : rows) {
        UUID id = r.getUUID("id");
        Sealed sealed = cipher.seal(r.getString("note"), ChannelCipher.escalationNoteContext(id));
        updates.add(Tuple.of(id, io.vertx.core.buffer.Buffer.buffer(sealed.ciphertext()),
            io.vertx.core.buffer.Buffer.buffer(sealed.nonce()), sealed.keyId()));
      }
      return pool.preparedQuery(SEAL_NOTE).executeBatch(updates)
          .compose(v -> sealPlaintext(pool, cipher, batch)).map(more -> more + rows.size());
    });
  }

  /** The open escalations nobody acknowledged within {@code deadline}, each claimed for one reminder. */
  public Future<List<UUID>> claimOverdue(Duration deadline) {
    return pool.preparedQuery(CLAIM_OVERDUE).execute(Tuple.of((double) deadline.toMillis() / 1000)).map(rows -> {
      List<UUID> ids = new ArrayList<>();
      rows.forEach(r -> ids.add(r.getUUID("id")));
      return ids;
    });
  }

  /** Everyone who hears of an escalation at {@code groupId} or {@code channelId}; {@code widened}: admins too. */
  public Future<List<Recipient>> recipients(UUID groupId, UUID channelId, boolean widened) {
    return pool.preparedQuery(RECIPIENTS).execute(Tuple.of(groupId, channelId, widened)).map(rows -> {
      List<Recipient> list = new ArrayList<>();
      rows.forEach(r -> list.add(new Recipient(r.getUUID("id"), r.getString("role"), Optional.ofNullable(r.getString("email")))));
      return list;
    });
  }

  /** One escalation as an admin-free reader sees it (for a reminder), or empty when it is gone. */
  public Future<Optional<JsonObject>> byId(UUID escalationId) {
    return pool.preparedQuery(COLUMNS + " WHERE e.id = $1").execute(Tuple.of(escalationId))
        .map(rows -> rows.size() == 0 ? Optional.<JsonObject>empty() : Optional.of(json(rows.iterator().next(), false)));
  }

  private JsonObject json(Row r, boolean forAdmin) {
    JsonObject json = new JsonObject()
        .put("id", r.getUUID("id").toString())
        .put("groupId", string(r.getUUID("group_id")))
        .put("groupName", r.getString("group_name"))
        .put("channelId", string(r.getUUID("channel_id")))
        .put("memberId", string(r.getUUID("member_id")))
        .put("pseudonym", forAdmin ? null : r.getString("pseudonym"))
        .put("clientName", forAdmin ? null : r.getString("client_name"))
        .put("seq", r.getLong("seq"))
        .put("category", r.getString("category"))
        .put("severity", r.getString("severity"))
        .put("status", r.getString("status"))
        .put("shared", r.getBoolean("shared"))
        .put("text", forAdmin ? null : text(r))
        .put("openedAt", instant(r.getOffsetDateTime("opened_at")))
        .put("remindedAt", instant(r.getOffsetDateTime("reminded_at")))
        .put("acknowledgedAt", instant(r.getOffsetDateTime("acknowledged_at")))
        .put("resolvedAt", instant(r.getOffsetDateTime("resolved_at")))
        .put("note", forAdmin ? null : note(r));
    return json;
  }

  private String text(Row r) {
    if (r.getBuffer("ciphertext") == null) return null;
    try {
      Sealed sealed = new Sealed(r.getBuffer("ciphertext").getBytes(), r.getBuffer("nonce").getBytes(), r.getString("key_id"));
      return cipher.open(sealed, context(r.getUUID("id")));
    } catch (ChannelCipher.Unreadable e) {
      LOG.error("Escalation {}: its text cannot be read with the keys loaded", r.getUUID("id"));
      return null;
    }
  }

  private String note(Row r) {
    if (r.getBuffer("note_ciphertext") == null) return r.getString("note");
    try {
      Sealed sealed = new Sealed(r.getBuffer("note_ciphertext").getBytes(), r.getBuffer("note_nonce").getBytes(),
          r.getString("note_key_id"));
      return cipher.open(sealed, ChannelCipher.escalationNoteContext(r.getUUID("id")));
    } catch (ChannelCipher.Unreadable e) {
      LOG.error("Escalation {}: its note cannot be read with the keys loaded", r.getUUID("id"));
      return null;
    }
  }

  static byte[] context(UUID escalationId) {
    return ("escalation:" + escalationId).getBytes(StandardCharsets.UTF_8);
  }

  private static String string(UUID id) {
    return id == null ? null : id.toString();
  }

  private static String instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant().toString();
  }
}
