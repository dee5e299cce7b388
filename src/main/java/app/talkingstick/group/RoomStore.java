package app.talkingstick.group;

import app.talkingstick.turns.Mode;
import app.talkingstick.turns.QueueOrder;
import app.talkingstick.turns.RoomSettings;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What a facilitator loads when it starts and persists as the room changes (mode, sessions). */
public final class RoomStore {

  /** The room's settings as stored; {@code mode} is the mode the therapist chose. */
  public record RoomConfig(UUID groupId, String name, String topic, Mode mode, RoomSettings settings,
                           int sessionMinutes, int agreementVersion) {}

  public record OpenSession(UUID id, String topic, Instant startedAt, Instant endsAt) {}

  private static final String GROUP =
      "SELECT id, name, topic, mode, queue_order, turn_seconds, slow_mode_seconds, session_minutes, agreement_version"
          + " FROM groups WHERE id = $1";
  private static final String OPEN_SESSION =
      "SELECT id, topic, started_at, ends_at FROM group_sessions WHERE group_id = $1 AND ended_at IS NULL";
  private static final String START_SESSION =
      "INSERT INTO group_sessions (group_id, topic, started_by, ends_at)"
          + " VALUES ($1, $2, $3, now() + make_interval(mins => $4)) RETURNING id, topic, started_at, ends_at";
  private static final String END_SESSION = "UPDATE group_sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL";
  private static final String SAVE_MODE =
      "UPDATE groups SET mode = $2, turn_seconds = $3, queue_order = $4, slow_mode_seconds = $5 WHERE id = $1";

  private final Pool pool;

  public RoomStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<RoomConfig>> config(UUID groupId) {
    return pool.preparedQuery(GROUP).execute(Tuple.of(groupId)).map(rows -> {
      if (rows.size() == 0) return Optional.empty();
      Row r = rows.iterator().next();
      RoomSettings settings = RoomSettings.defaults()
          .withTurnSeconds(r.getInteger("turn_seconds"))
          .withSlowModeSeconds(r.getInteger("slow_mode_seconds"))
          .withQueueOrder(QueueOrder.fromWire(r.getString("queue_order")));
      return Optional.of(new RoomConfig(groupId, r.getString("name"), r.getString("topic"), Mode.fromWire(r.getString("mode")), settings,
          r.getInteger("session_minutes"), r.getInteger("agreement_version")));
    });
  }

  public Future<Optional<OpenSession>> openSession(UUID groupId) {
    return pool.preparedQuery(OPEN_SESSION).execute(Tuple.of(groupId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(session(rows.iterator().next())));
  }

  public Future<OpenSession> startSession(UUID groupId, String topic, UUID startedBy, int minutes) {
    return pool.preparedQuery(START_SESSION).execute(Tuple.of(groupId, topic, startedBy, minutes))
        .map(rows -> session(rows.iterator().next()));
  }

  public Future<Void> endSession(UUID sessionId) {
    return pool.preparedQuery(END_SESSION).execute(Tuple.of(sessionId)).mapEmpty();
  }

  public Future<Void> saveMode(UUID groupId, Mode mode, RoomSettings settings) {
    return pool.preparedQuery(SAVE_MODE)
        .execute(Tuple.of(groupId, mode.wireName(), settings.turnSeconds(), settings.queueOrder().wireName(),
            settings.slowModeSeconds()))
        .mapEmpty();
  }

  private static OpenSession session(Row r) {
    return new OpenSession(r.getUUID("id"), r.getString("topic"), r.getOffsetDateTime("started_at").toInstant(),
        r.getOffsetDateTime("ends_at").toInstant());
  }
}
