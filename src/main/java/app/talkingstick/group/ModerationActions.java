package app.talkingstick.group;

import static app.talkingstick.group.LiveRoom.id;
import static app.talkingstick.group.RoomAction.clientArg;
import static app.talkingstick.group.RoomAction.longArg;
import static app.talkingstick.group.RoomAction.memberArg;
import static app.talkingstick.group.RoomAction.optionalString;
import static app.talkingstick.group.RoomAction.staffOnly;
import static app.talkingstick.group.RoomAction.stringArg;

import app.talkingstick.audit.AuditLog;
import app.talkingstick.conversation.Reply;
import app.talkingstick.http.ApiError;
import app.talkingstick.safety.ModerationStore;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The therapist's moderation: warn, mute and unmute, redact, approve or reject a held message, remove. */
final class ModerationActions implements RoomAction.Family {

  private static final Logger LOG = LoggerFactory.getLogger(ModerationActions.class);

  private final LiveRoom room;
  private final ModerationStore moderation;

  ModerationActions(LiveRoom room, ModerationStore moderation) {
    this.room = room;
    this.moderation = moderation;
  }

  @Override
  public void register(Map<String, RoomAction> actions) {
    actions.put("warn", this::warn);
    actions.put("mute", this::mute);
    actions.put("unmute", this::unmute);
    actions.put("redact", (msg, actor, body, now) -> changeStatus(msg, actor, body, "visible", "redacted", "message-redacted"));
    actions.put("reject", (msg, actor, body, now) -> changeStatus(msg, actor, body, "held", "rejected", "message-rejected"));
    actions.put("approve", this::approve);
    actions.put("remove", this::remove);
  }

  private void warn(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (!staffOnly(msg, actor, "do that")) return;
    Membership target = clientArg(room, body);
    String reason = stringArg(body, "reason").strip();
    if (reason.isEmpty() || reason.length() > 500) throw new RoomAction.BadAction("reason must be 1 to 500 characters");
    room.tell(target, warning(reason, false));
    room.audit(AuditLog.Entry.of(room.groupId, actor.accountId(), "warned").about(target.memberId()).because(reason, room.services.channelCipher()));
    msg.reply(Reply.ok());
  }

  /**
   * A private warning: the therapist's own words, or ({@code automatic}) the facilitator's reminder
   * of the group agreement after a message it refused, which says that it is automatic.
   */
  JsonObject warning(String text, boolean automatic) {
    return new JsonObject().put("type", "warning").put("groupId", room.groupId.toString()).put("automatic", automatic)
        .put(automatic ? "text" : "reason", text);
  }

  private void mute(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (!staffOnly(msg, actor, "do that")) return;
    Membership target = clientArg(room, body);
    long seconds = longArg(body, "seconds");
    if (seconds < 1 || seconds > 86_400) throw new RoomAction.BadAction("seconds must be between 1 and 86400");
    muteMember(target, now.plusSeconds(seconds), actor.accountId(), optionalString(body, "reason"))
        .onComplete(saved -> msg.reply(Reply.ok()));
  }

  /** Mutes at once; the returned future completes when the mute is also saved (or failed to be). */
  Future<Void> muteMember(Membership target, Instant until, UUID by, String reason) {
    room.conduct.mute(target.memberId(), until);
    if (room.turns.isPresent(id(target))) room.apply(room.turns.removeMember(id(target), Instant.now()));
    if (room.presence.isOnline(target.memberId())) room.apply(room.turns.join(id(target), false, Instant.now()));
    Future<Void> saved = moderation.mute(target.memberId(), until, by, reason)
        .onFailure(err -> LOG.warn("Room {}: mute not saved: {}", room.groupId, err.getClass().getSimpleName()));
    room.tell(target, new JsonObject().put("type", "muted").put("groupId", room.groupId.toString())
        .put("until", until.toString()).put("automatic", by == null));
    room.publishOut(RoomEvents.moderation("muted", target.memberId(), null));
    room.audit(AuditLog.Entry.of(room.groupId, by, by == null ? "auto-muted" : "muted").about(target.memberId())
        .because(reason, room.services.channelCipher()).with("until", until.toString()));
    return saved;
  }

  private void unmute(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (!staffOnly(msg, actor, "do that")) return;
    Membership target = clientArg(room, body);
    room.conduct.unmute(target.memberId());
    room.tell(target, new JsonObject().put("type", "unmuted").put("groupId", room.groupId.toString()));
    room.publishOut(RoomEvents.moderation("unmuted", target.memberId(), null));
    room.audit(AuditLog.Entry.of(room.groupId, actor.accountId(), "unmuted").about(target.memberId()));
    moderation.unmute(target.memberId())
        .onFailure(err -> LOG.warn("Room {}: unmute not saved: {}", room.groupId, err.getClass().getSimpleName()))
        .onComplete(saved -> msg.reply(Reply.ok()));
  }

  /** Redact a visible message, or reject a held one: it disappears from clients' view and history. */
  private void changeStatus(Message<Object> msg, Membership actor, JsonObject body, String from, String to, String action) {
    if (!staffOnly(msg, actor, "do that")) return;
    long seq = longArg(body, "seq");
    String reason = optionalString(body, "reason");
    moderation.changeStatus(room.groupId, seq, from, to).onComplete(r -> {
      if (r.failed()) {
        msg.reply(Reply.unavailable());
      } else if (r.result().isEmpty()) {
        msg.reply(Reply.invalid("There is no " + ("held".equals(from) ? "held " : "") + "message " + seq + " to "
            + to.replace("ed", "") + "."));
      } else {
        if ("redacted".equals(to)) room.publishOut(new JsonObject().put("type", "redacted").put("seq", seq));
        room.audit(AuditLog.Entry.of(room.groupId, actor.accountId(), action).about(r.result().get()).because(reason, room.services.channelCipher())
            .with("seq", seq));
        msg.reply(Reply.ok());
      }
    });
  }

  private void approve(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (!staffOnly(msg, actor, "do that")) return;
    long seq = longArg(body, "seq");
    moderation.approve(room.groupId, seq).onComplete(r -> {
      if (r.failed()) {
        msg.reply(Reply.unavailable());
      } else if (r.result().isEmpty()) {
        msg.reply(Reply.invalid("There is no held message " + seq + " to approve."));
      } else {
        ModerationStore.Released released = r.result().get();
        Membership author = room.members.get(released.memberId());
        JsonObject from = author != null ? author.publicView() : new JsonObject()
            .put("memberId", released.memberId().toString()).put("pseudonym", released.pseudonym()).put("role", "client");
        room.publishOut(new JsonObject().put("type", "message").put("seq", seq).put("from", from)
            .put("text", released.text()).put("at", released.at().toString()));
        room.audit(AuditLog.Entry.of(room.groupId, actor.accountId(), "message-approved").about(released.memberId())
            .with("seq", seq));
        msg.reply(Reply.ok());
      }
    });
  }

  private void remove(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (!staffOnly(msg, actor, "remove someone")) return;
    UUID target = memberArg(room, body);
    new GroupService(room.vertx, room.services).removeMember(room.groupId, actor.accountId(), target, optionalString(body, "reason"))
        .onComplete(r -> {
          if (r.succeeded()) msg.reply(Reply.ok());
          else if (r.cause() instanceof ApiError api) msg.reply(Reply.refused(api.code(), api.getMessage()));
          else msg.reply(Reply.unavailable());
        });
  }
}
