package app.talkingstick.audit;

import app.talkingstick.channel.ChannelCipher;
import app.talkingstick.channel.ChannelCipher.Sealed;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only record of moderation acts, automatic or human. The table refuses updates and
 * deletes (a trigger), so this class only ever inserts and reads. A reason (a therapist's words)
 * is stored only sealed with the channel keys, bound to its entry's group, actor, action and member.
 * Entries written before V9 held their reason in the clear: {@link #sealPlaintext} seals them at start,
 * the one update the trigger allows (V10: plaintext to NULL, the sealed columns from NULL to a value,
 * nothing else changed).
 */
public final class AuditLog {
  private AuditLog() {}

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  /**
   * Who did it: an account, or the facilitator itself (null account). A reason comes with the
   * cipher that seals it ({@link #because(String, ChannelCipher)}); {@link #record} refuses a reason without one.
   */
  public record Entry(UUID groupId, UUID actorAccountId, String action, UUID memberId, String reason, JsonObject details,
                      ChannelCipher cipher) {
    public static Entry of(UUID groupId, UUID actorAccountId, String action) {
      return new Entry(groupId, actorAccountId, action, null, null, new JsonObject(), null);
    }

    public Entry about(UUID member) {
      return new Entry(groupId, actorAccountId, action, member, reason, details, cipher);
    }

    /** A reason that is never more than an absent one: {@code why} must be null (use the sealing form). */
    public Entry because(String why) {
      return new Entry(groupId, actorAccountId, action, memberId, why, details, cipher);
    }

    /** Why, sealed with {@code cipher} when the entry is recorded. */
    public Entry because(String why, ChannelCipher sealWith) {
      return new Entry(groupId, actorAccountId, action, memberId, why, details, sealWith);
    }

    public Entry with(String key, Object value) {
      return new Entry(groupId, actorAccountId, action, memberId, reason, details.copy().put(key, value), cipher);
    }

    @Override
    public String toString() {
      return "AuditLog.Entry[" + action + "]";
    }
  }

  private static final String INSERT =
      "INSERT INTO audit_log (group_id, actor_id, action, member_id, details, reason_ciphertext, reason_nonce, reason_key_id)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
  private static final String LIST =
      "SELECT l.id, l.group_id, l.actor_id, l.action, l.member_id, l.reason, l.reason_ciphertext, l.reason_nonce,"
          + " l.reason_key_id, l.details, l.at, m.pseudonym"
          + " FROM audit_log l LEFT JOIN group_members m ON m.id = l.member_id"
          + " WHERE l.group_id = $1 AND l.id > $2 ORDER BY l.id LIMIT $3";

  private static final String PLAINTEXT_REASONS =
      "SELECT id, group_id, actor_id, action, member_id, reason FROM audit_log"
          + " WHERE id > $1 AND reason IS NOT NULL AND reason_ciphertext IS NULL ORDER BY id LIMIT $2";
  private static final String SEAL_REASON =
      "UPDATE audit_log SET reason = NULL, reason_ciphertext = $2, reason_nonce = $3, reason_key_id = $4"
          + " WHERE id = $1 AND reason IS NOT NULL AND reason_ciphertext IS NULL";

  public static Future<Void> record(SqlClient client, Entry e) {
    Sealed sealed = null;
    if (e.reason() != null) {
      if (e.cipher() == null) {
        return Future.failedFuture(new IllegalArgumentException("an audit reason is stored only sealed: give its cipher"));
      }
      sealed = e.cipher().seal(e.reason(), context(e.groupId(), e.actorAccountId(), e.action(), e.memberId()));
    }
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(e.groupId(), e.actorAccountId(), e.action(), e.memberId(), e.details(),
            sealed == null ? null : Buffer.buffer(sealed.ciphertext()), sealed == null ? null : Buffer.buffer(sealed.nonce()),
            sealed == null ? null : sealed.keyId()))
        .mapEmpty();
  }

  /**
   * Seals the reasons stored in the clear before V9, {@code batch} entries at a time (by id, so it ends
   * whatever happens to a row meanwhile), and empties their plaintext; completes with how many it sealed.
   * A one-off at start: once done it finds no entry.
   */
  public static Future<Long> sealPlaintext(Pool pool, ChannelCipher cipher, int batch) {
    return sealPlaintext(pool, cipher, batch, 0L, 0L);
  }

  private static Future<Long> sealPlaintext(Pool pool, ChannelCipher cipher, int batch, long afterId, long done) {
    return pool.preparedQuery(PLAINTEXT_REASONS).execute(Tuple.of(afterId, batch)).compose(rows -> {
      if (rows.size() == 0) return Future.succeededFuture(done);
      List<Tuple> updates = new ArrayList<>();
      long last = afterId;
      for (Row r : rows) {
        Sealed sealed = cipher.seal(r.getString("reason"),
            context(r.getUUID("group_id"), r.getUUID("actor_id"), r.getString("action"), r.getUUID("member_id")));
        updates.add(Tuple.of(r.getLong("id"), Buffer.buffer(sealed.ciphertext()), Buffer.buffer(sealed.nonce()),
            sealed.keyId()));
        last = Math.max(last, r.getLong("id"));
      }
      long next = last;
      return pool.preparedQuery(SEAL_REASON).executeBatch(updates)
          .compose(v -> sealPlaintext(pool, cipher, batch, next, done + rows.size()));
    });
  }

  private static byte[] context(UUID groupId, UUID actorId, String action, UUID memberId) {
    return ChannelCipher.auditReasonContext(groupId, actorId, action, memberId);
  }

  /** Entries of one group, oldest first, after the given id; reasons opened with {@code cipher}. */
  public static Future<JsonArray> list(SqlClient client, ChannelCipher cipher, UUID groupId, long afterId, int limit) {
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
            .put("reason", reason(cipher, r))
            .put("details", r.getJsonObject("details"))
            .put("at", r.getOffsetDateTime("at").toInstant().toString()));
      }
      return entries;
    });
  }

  /** The entry's reason: opened, or as written before V9 (until a start seals it); null when no loaded key opens it. */
  private static String reason(ChannelCipher cipher, Row r) {
    if (r.getBuffer("reason_ciphertext") == null) return r.getString("reason");
    try {
      Sealed sealed = new Sealed(r.getBuffer("reason_ciphertext").getBytes(), r.getBuffer("reason_nonce").getBytes(),
          r.getString("reason_key_id"));
      return cipher.open(sealed, context(r.getUUID("group_id"), r.getUUID("actor_id"), r.getString("action"), r.getUUID("member_id")));
    } catch (ChannelCipher.Unreadable e) {
      LOG.error("Audit entry {}: its reason cannot be read with the keys loaded", r.getLong("id"));
      return null;
    }
  }
}
