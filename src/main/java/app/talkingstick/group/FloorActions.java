package app.talkingstick.group;

import static app.talkingstick.group.LiveRoom.id;
import static app.talkingstick.group.RoomAction.longArg;
import static app.talkingstick.group.RoomAction.memberArg;
import static app.talkingstick.group.RoomAction.wireArg;

import app.talkingstick.audit.AuditLog;
import app.talkingstick.conversation.Reply;
import app.talkingstick.turns.Decision;
import app.talkingstick.turns.Mode;
import app.talkingstick.turns.ModeChange;
import app.talkingstick.turns.QueueOrder;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who has the floor: raising and lowering hands, passing, and the therapist's grant, next, mode and slow mode. */
final class FloorActions implements RoomAction.Family {

  private static final Logger LOG = LoggerFactory.getLogger(FloorActions.class);

  private final LiveRoom room;
  private final RoomStore rooms;

  FloorActions(LiveRoom room, RoomStore rooms) {
    this.room = room;
    this.rooms = rooms;
  }

  @Override
  public void register(Map<String, RoomAction> actions) {
    actions.put("raise-hand", this::raiseHand);
    actions.put("lower-hand", (msg, actor, body, now) -> decide(msg, room.turns.lowerHand(id(actor), now)));
    actions.put("pass", (msg, actor, body, now) -> decide(msg, room.turns.pass(id(actor), now)));
    actions.put("grant", this::grant);
    actions.put("next", (msg, actor, body, now) -> audited(msg, actor, room.turns.next(id(actor), now), "floor-next", null));
    actions.put("set-mode", this::setMode);
    actions.put("set-slow-mode", this::setSlowMode);
  }

  private void raiseHand(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (room.needsAgreement(actor)) msg.reply(agreementFirst());
    else decide(msg, room.turns.raiseHand(id(actor), now));
  }

  static JsonObject agreementFirst() {
    return Reply.refused("AGREEMENT_REQUIRED", "Please read and accept the updated group agreement first.");
  }

  private void grant(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    UUID target = memberArg(room, body);
    audited(msg, actor, room.turns.grant(id(actor), target.toString(), now), "floor-granted", target);
  }

  private void setMode(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    Mode mode = wireArg(body, "mode", Mode::fromWire);
    ModeChange change = ModeChange.to(mode);
    if (body.containsKey("turnSeconds")) change = change.withTurnSeconds((int) longArg(body, "turnSeconds"));
    if (body.containsKey("queueOrder")) change = change.withQueueOrder(wireArg(body, "queueOrder", QueueOrder::fromWire));
    Decision decision = room.turns.setMode(id(actor), change, now);
    audited(msg, actor, decision, "mode-changed", null);
    if (decision.allowed()) persistMode();
  }

  private void setSlowMode(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    int seconds = (int) longArg(body, "seconds");
    UUID target = body.getValue("memberId") == null ? null : memberArg(room, body);
    Decision decision = target == null
        ? room.turns.setSlowMode(id(actor), seconds, now)
        : room.turns.setSlowMode(id(actor), seconds, target.toString(), now);
    audited(msg, actor, decision, "slow-mode-set", target);
    if (decision.allowed() && target == null) persistMode();
  }

  private void persistMode() {
    rooms.saveMode(room.groupId, room.turns.chosenMode(), room.turns.settings())
        .onFailure(err -> LOG.warn("Room {}: mode not saved: {}", room.groupId, err.getClass().getSimpleName()));
  }

  private void decide(Message<Object> msg, Decision decision) {
    if (decision.refusal().isPresent()) {
      msg.reply(RoomReply.refused(decision.refusal().get()));
    } else {
      room.apply(decision);
      msg.reply(Reply.ok());
    }
  }

  private void audited(Message<Object> msg, Membership actor, Decision decision, String action, UUID about) {
    decide(msg, decision);
    if (decision.allowed()) room.audit(AuditLog.Entry.of(room.groupId, actor.accountId(), action).about(about));
  }
}
