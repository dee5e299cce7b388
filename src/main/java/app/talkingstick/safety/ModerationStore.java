package app.talkingstick.safety;

import io.vertx.core.Future;
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

/** The durable side of moderation in a group: message status changes and mutes. */
public final class ModerationStore {

  /** A held message that was approved: what the room is now shown. */
  public record Released(long seq, UUID memberId, String pseudonym, String text, Instant at) {}

  private static final String SET_STATUS =
      "UPDATE group_messages SET status = $4 WHERE group_id = $1 AND seq = $2 AND status = $3 RETURNING member_id";
  private static final String APPROVE =
      "UPDATE group_messages SET status = 'visible' WHERE group_id = $1 AND seq = $2 AND status = 'held'"
          + " RETURNING member_id, pseudonym, body, created_at";
  private static final String MUTE =
      "INSERT INTO member_mutes (member_id, until, muted_by, reason) VALUES ($1, $2, $3, $4)"
          + " ON CONFLICT (member_id) DO UPDATE SET until = excluded.until, muted_by = excluded.muted_by,"
          + " reason = excluded.reason, created_at = now()";
  private static final String UNMUTE = "DELETE FROM member_mutes WHERE member_id = $1";
  private static final String MUTES =
      "SELECT mm.member_id, mm.until FROM member_mutes mm JOIN group_members m ON m.id = mm.member_id"
          + " WHERE m.group_id = $1 AND mm.until > now()";
  private static final String GROUP_TERMS = "SELECT list, term FROM group_terms WHERE group_id = $1";

  private final Pool pool;

  public ModerationStore(Pool pool) {
    this.pool = pool;
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
      return Optional.of(new Released(seq, r.getUUID("member_id"), r.getString("pseudonym"), r.getString("body"),
          r.getOffsetDateTime("created_at").toInstant()));
    });
  }

  public Future<Void> mute(UUID memberId, Instant until, UUID by, String reason) {
    return pool.preparedQuery(MUTE)
        .execute(Tuple.of(memberId, OffsetDateTime.ofInstant(until, ZoneOffset.UTC), by, reason)).mapEmpty();
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
