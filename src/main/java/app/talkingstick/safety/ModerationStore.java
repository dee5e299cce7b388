package app.talkingstick.safety;

import app.talkingstick.channel.ChannelCipher;
import app.talkingstick.channel.ChannelCipher.Sealed;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable side of moderation in a group: message status changes and mutes. A message's text
 * and a mute's reason are stored only sealed with the channel keys (see {@link ChannelCipher}).
 */
public final class ModerationStore {

  /** A held message that was approved: what the room is now shown. */
  public record Released(long seq, UUID memberId, String pseudonym, String text, Instant at) {}

  private static final String SET_STATUS =
      "UPDATE group_messages SET status = $4 WHERE group_id = $1 AND seq = $2 AND status = $3 RETURNING member_id";
  private static final String APPROVE =
      "UPDATE group_messages SET status = 'visible' WHERE group_id = $1 AND seq = $2 AND status = 'held'"
          + " RETURNING member_id, pseudonym, body, ciphertext, nonce, key_id, created_at";
  private static final String MUTE =
      "INSERT INTO member_mutes (member_id, until, muted_by, reason_ciphertext, reason_nonce, reason_key_id)"
          + " VALUES ($1, $2, $3, $4, $5, $6)"
          + " ON CONFLICT (member_id) DO UPDATE SET until = excluded.until, muted_by = excluded.muted_by, reason = NULL,"
          + " reason_ciphertext = excluded.reason_ciphertext, reason_nonce = excluded.reason_nonce,"
          + " reason_key_id = excluded.reason_key_id, created_at = now()";
  private static final String PLAINTEXT_REASONS =
      "SELECT member_id, reason FROM member_mutes WHERE reason IS NOT NULL LIMIT $1";
  private static final String SEAL_REASON =
      "UPDATE member_mutes SET reason = NULL, reason_ciphertext = $2, reason_nonce = $3, reason_key_id = $4"
          + " WHERE member_id = $1 AND reason = $5";
  private static final String UNMUTE = "DELETE FROM member_mutes WHERE member_id = $1";
  private static final String MUTES =
      "SELECT mm.member_id, mm.until FROM member_mutes mm JOIN group_members m ON m.id = mm.member_id"
          + " WHERE m.group_id = $1 AND mm.until > now()";
  private static final String GROUP_TERMS = "SELECT list, term FROM group_terms WHERE group_id = $1";

  private final Pool pool;
  private final ChannelCipher cipher;

  public ModerationStore(Pool pool, ChannelCipher cipher) {
    this.pool = pool;
    this.cipher = cipher;
  }

  /** Changes a message's status if it has the expected one; the author's member id, else empty. */
  public Future<Optional<UUID>> changeStatus(UUID groupId, long seq, String from, String to) {
    return pool.preparedQuery(SET_STATUS).execute(Tuple.of(groupId, seq, from, to))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("member_id")));
  }

  public Future<Optional<Released>> approve(UUID groupId, long seq) {
    return pool.preparedQuery(APPROVE).execute(Tuple.of(groupId, seq)).map(rows -> {
      if (rows.size() == 0) return Optional.empty();
      Row r = rows.iterator().next();
      return Optional.of(new Released(seq, r.getUUID("member_id"), r.getString("pseudonym"), text(groupId, seq, r),
          r.getOffsetDateTime("created_at").toInstant()));
    });
  }

  /** The approved message's text: opened, or its body when it predates sealing. */
  private String text(UUID groupId, long seq, Row r) {
    if (r.getBuffer("ciphertext") == null) return r.getString("body");
    Sealed sealed = new Sealed(r.getBuffer("ciphertext").getBytes(), r.getBuffer("nonce").getBytes(), r.getString("key_id"));
    return cipher.open(sealed, ChannelCipher.groupMessageContext(groupId, seq, r.getUUID("member_id")));
  }

  public Future<Void> mute(UUID memberId, Instant until, UUID by, String reason) {
    Sealed sealed = reason == null ? null : cipher.seal(reason, ChannelCipher.muteReasonContext(memberId));
    return pool.preparedQuery(MUTE)
        .execute(Tuple.of(memberId, OffsetDateTime.ofInstant(until, ZoneOffset.UTC), by,
            sealed == null ? null : Buffer.buffer(sealed.ciphertext()), sealed == null ? null : Buffer.buffer(sealed.nonce()),
            sealed == null ? null : sealed.keyId()))
        .mapEmpty();
  }

  /** The reason a member is muted, opened; empty when there is no mute or no reason. */
  public Future<Optional<String>> muteReason(UUID memberId) {
    return pool.preparedQuery("SELECT reason, reason_ciphertext, reason_nonce, reason_key_id FROM member_mutes"
        + " WHERE member_id = $1").execute(Tuple.of(memberId)).map(rows -> {
          if (rows.size() == 0) return Optional.<String>empty();
          Row r = rows.iterator().next();
          if (r.getBuffer("reason_ciphertext") == null) return Optional.ofNullable(r.getString("reason"));
          Sealed sealed = new Sealed(r.getBuffer("reason_ciphertext").getBytes(), r.getBuffer("reason_nonce").getBytes(),
              r.getString("reason_key_id"));
          return Optional.of(cipher.open(sealed, ChannelCipher.muteReasonContext(memberId)));
        });
  }

  /**
   * Seals the mute reasons stored in the clear before V9, {@code batch} rows at a time; completes with
   * how many it sealed. A one-off at start (member_mutes holds one row per member: few rows).
   */
  public static Future<Long> sealPlaintext(Pool pool, ChannelCipher cipher, int batch) {
    return pool.preparedQuery(PLAINTEXT_REASONS).execute(Tuple.of(batch)).compose(rows -> {
      if (rows.size() == 0) return Future.succeededFuture(0L);
      java.util.List<Tuple> updates = new java.util.ArrayList<>();
      for (Row r : rows) {
        UUID member = r.getUUID("member_id");
        Sealed sealed = cipher.seal(r.getString("reason"), ChannelCipher.muteReasonContext(member));
        updates.add(Tuple.of(member, Buffer.buffer(sealed.ciphertext()), Buffer.buffer(sealed.nonce()), sealed.keyId(),
            r.getString("reason")));
      }
      return pool.preparedQuery(SEAL_REASON).executeBatch(updates)
          .compose(v -> sealPlaintext(pool, cipher, batch)).map(more -> more + rows.size());
    });
  }

  public Future<Void> unmute(UUID memberId) {
    return pool.preparedQuery(UNMUTE).execute(Tuple.of(memberId)).mapEmpty();
  }

  public Future<Map<UUID, Instant>> activeMutes(UUID groupId) {
    return pool.preparedQuery(MUTES).execute(Tuple.of(groupId)).map(rows -> {
      Map<UUID, Instant> mutes = new HashMap<>();
      rows.forEach(r -> mutes.put(r.getUUID("member_id"), r.getOffsetDateTime("until").toInstant()));
      return mutes;
    });
  }

  /** The group's extra terms by list name ("abuse", "allow"). */
  public Future<Map<String, java.util.List<String>>> groupTerms(UUID groupId) {
    return pool.preparedQuery(GROUP_TERMS).execute(Tuple.of(groupId)).map(rows -> {
      Map<String, java.util.List<String>> terms = new HashMap<>();
      rows.forEach(r -> terms.computeIfAbsent(r.getString("list"), k -> new java.util.ArrayList<>()).add(r.getString("term")));
      return terms;
    });
  }
}
