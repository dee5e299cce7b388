package app.talkingstick.group;

import app.talkingstick.audit.AuditLog;
import app.talkingstick.conversation.Reply;
import app.talkingstick.store.DatabaseErrors;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sessions: the therapist starts and ends them; the facilitator's prompts at the opening, near the end and at time. */
final class SessionActions implements RoomAction.Family {

  private final LiveRoom room;
  private final RoomStore rooms;
  private final List<Long> timers = new ArrayList<>();

  SessionActions(LiveRoom room, RoomStore rooms) {
    this.room = room;
    this.rooms = rooms;
  }

  @Override
  public void register(Map<String, RoomAction> actions) {
    actions.put("start", this::start);
    actions.put("end", this::end);
  }

  private void start(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (!RoomAction.staffOnly(msg, actor, "start a session")) return;
    if (room.session != null) {
      msg.reply(Reply.invalid("A session is already running."));
      return;
    }
    String topic = body.getValue("topic") instanceof String t && !t.isBlank() ? t.strip() : room.config.topic();
    rooms.startSession(room.groupId, topic, actor.accountId(), room.config.sessionMinutes()).onComplete(r -> {
      if (r.failed()) {
        msg.reply(DatabaseErrors.isUniqueViolation(r.cause()) ? Reply.invalid("A session is already running.") : Reply.unavailable());
        return;
      }
      room.session = r.result();
      room.conduct.newSession();
      room.apply(room.turns.resetSession(Instant.now()));
      room.publishOut(RoomEvents.session("open", room.session));
      room.publishOut(RoomEvents.facilitator(Prompts.opening(room.session.topic())));
      schedulePrompts();
      room.audit(AuditLog.Entry.of(room.groupId, actor.accountId(), "session-started").with("topic", room.session.topic()));
      msg.reply(Reply.ok().put("session", RoomEvents.session("open", room.session)));
    });
  }

  private void end(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (!RoomAction.staffOnly(msg, actor, "end a session")) return;
    if (room.session == null) {
      msg.reply(Reply.refused("SESSION_CLOSED", "No session is running."));
      return;
    }
    rooms.endSession(room.session.id()).onComplete(r -> {
      if (r.failed()) {
        msg.reply(Reply.unavailable());
        return;
      }
      room.session = null;
      cancelPrompts();
      room.publishStats();
      room.publishOut(RoomEvents.facilitator(Prompts.closing()));
      room.publishOut(RoomEvents.session("closed", null));
      room.audit(AuditLog.Entry.of(room.groupId, actor.accountId(), "session-ended"));
      msg.reply(Reply.ok());
    });
  }

  /** A session that was open when the room's owner started (after a restart or an idle stop). */
  void resume(RoomStore.OpenSession open) {
    room.session = open;
    schedulePrompts();
  }

  void cancelPrompts() {
    timers.forEach(room.vertx::cancelTimer);
    timers.clear();
  }

  private void schedulePrompts() {
    Duration length = Duration.between(room.session.startedAt(), room.session.endsAt());
    long warnMinutes = Math.max(1, Math.min(5, length.toMinutes() / 4));
    promptAt(room.session.endsAt().minus(Duration.ofMinutes(warnMinutes)), Prompts.minutesLeft(warnMinutes));
    promptAt(room.session.endsAt(), Prompts.timeIsUp());
  }

  private void promptAt(Instant when, String text) {
    long delay = Duration.between(Instant.now(), when).toMillis();
    if (delay > 0) timers.add(room.vertx.setTimer(delay, id -> room.publishOut(RoomEvents.facilitator(text))));
  }
}
