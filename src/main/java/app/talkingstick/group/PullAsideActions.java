package app.talkingstick.group;

import static app.talkingstick.group.LiveRoom.id;

import app.talkingstick.audit.AuditLog;
import app.talkingstick.conversation.Reply;
import app.talkingstick.http.ApiError;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * A therapist stepping away from the room, pulling a client aside into their private channel, and
 * coming back. The room hears only that the therapist stepped away, never with whom.
 */
final class PullAsideActions implements RoomAction.Family {

  private final LiveRoom room;

  PullAsideActions(LiveRoom room) {
    this.room = room;
  }

  @Override
  public void register(Map<String, RoomAction> actions) {
    actions.put("step-away", this::stepAway);
    actions.put("pull-aside", this::pullAside);
    actions.put("return", this::comeBack);
  }

  private void stepAway(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (!RoomAction.staffOnly(msg, actor, "step away")) return;
    leaveTheRoomRunning(actor, now);
    msg.reply(Reply.ok());
  }

  /** The room is told neutrally; with no other therapist present it pauses until they return. */
  private void leaveTheRoomRunning(Membership therapist, Instant now) {
    if (!room.steppedAway.add(therapist.memberId())) return;
    if (room.turns.isPresent(id(therapist))) room.apply(room.turns.leave(id(therapist), now));
    room.publishOut(RoomEvents.facilitator(Prompts.steppedAway(therapist.pseudonym())));
    room.audit(AuditLog.Entry.of(room.groupId, therapist.accountId(), "stepped-away").about(therapist.memberId()));
  }

  private void pullAside(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (!RoomAction.staffOnly(msg, actor, "talk with someone privately")) return;
    Membership client = RoomAction.clientArg(room, body);
    room.services.privateLines().openAndInvite(actor.accountId(), client.accountId()).onComplete(r -> {
      if (r.failed()) {
        msg.reply(r.cause() instanceof ApiError api ? Reply.refused(api.code(), api.getMessage()) : Reply.unavailable());
        return;
      }
      leaveTheRoomRunning(actor, Instant.now());
      room.audit(AuditLog.Entry.of(room.groupId, actor.accountId(), "pulled-aside").about(client.memberId())
          .with("channelId", r.result().toString()));
      msg.reply(Reply.ok().put("channelId", r.result().toString()));
    });
  }

  private void comeBack(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (!room.steppedAway.remove(actor.memberId())) {
      msg.reply(Reply.invalid("You have not stepped away."));
      return;
    }
    if (room.presence.isOnline(actor.memberId())) room.apply(room.turns.join(id(actor), true, now));
    room.publishOut(RoomEvents.facilitator(Prompts.isBack(actor.pseudonym())));
    room.audit(AuditLog.Entry.of(room.groupId, actor.accountId(), "returned").about(actor.memberId()));
    msg.reply(Reply.ok());
  }
}
