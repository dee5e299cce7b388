package app.talkingstick.group;

import static app.talkingstick.group.LiveRoom.id;

import app.talkingstick.audit.AuditLog;
import app.talkingstick.conduct.ConductDecision;
import app.talkingstick.conduct.CrisisSignal;
import app.talkingstick.conduct.Escalation;
import app.talkingstick.conduct.Screened;
import app.talkingstick.conduct.Verdict;
import app.talkingstick.conversation.ConversationLog;
import app.talkingstick.conversation.CrisisReplies;
import app.talkingstick.conversation.InOrder;
import app.talkingstick.conversation.Reply;
import app.talkingstick.conversation.SayAction;
import app.talkingstick.conversation.Screening;
import app.talkingstick.safety.EscalationStore;
import app.talkingstick.safety.SafetyNet;
import app.talkingstick.turns.Decision;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saying something to the room, screened first and decided after. A client's text passes the
 * conversation core's {@code Screening} (both layers, off the event loop) before anything may refuse
 * it; then the room's rules
 * (agreement, session, presence, mute, length, turn, conduct) decide. When they would refuse a text
 * that shows signs of a crisis, it is not refused: it is stored privately, goes to the group's
 * therapists as an alert with an escalation, and the author is told kindly that it reached them,
 * with the support card. Nothing of it reaches the other members. A text the room would share as
 * written is not held back for the encoders' crisis reading: it is shared, and the reading raises
 * its alert or check-in when it comes.
 */
final class RoomSay implements RoomAction.Family {

  private static final Logger LOG = LoggerFactory.getLogger(RoomSay.class);
  static final String REACHED_THERAPIST = "Your message wasn't shared with the group, but it has gone to your"
      + " therapist, who will reach out to you. You're not alone in this.";

  private final LiveRoom room;
  private final ModerationActions moderation;
  private final SafetyNet safety;
  private final boolean moderates;
  private final GroupMessageStore messages;
  /** The room's texts are decided in the order they came, whatever order their screening finishes in. */
  private final InOrder inOrder = new InOrder();
  /** What the authors of recent crisis texts were told, so a retry of one gets the support card again. */
  private final CrisisReplies crisisReplies = new CrisisReplies();

  RoomSay(LiveRoom room, ModerationActions moderation, SafetyNet safety, GroupMessageStore messages) {
    this.room = room;
    this.moderation = moderation;
    this.safety = safety;
    this.messages = messages;
    this.moderates = room.services.config().moderatesAndStores();
  }

  @Override
  public void register(Map<String, RoomAction> actions) {
    actions.put("say", this::say);
  }

  private void say(Message<Object> msg, Membership member, JsonObject body, Instant now) {
    Optional<SayAction> parsed = SayAction.parse(body, msg);
    if (parsed.isEmpty()) return;
    SayAction say = parsed.get();
    String key = member.memberId() + "/" + say.clientMsgId();
    if (SayAction.answeredAsRetry(room.log, key, msg, crisisReplies)) return;
    Future<Screening.Answer> screened = moderates ? room.services.screening().screen(say.text(), !member.isStaff())
        : Future.succeededFuture(Screening.Answer.settled(Screened.NOTHING));
    inOrder.then(screened, answer -> decide(msg, member, key, say, answer));
  }

  /**
   * A text whose crisis reading is still to come is shared at once when the room would share it as
   * written (its turn, nothing refused or held), and the reading follows it; anything else waits for the
   * reading, so that a crisis the room would refuse still goes to the therapists.
   */
  private Future<?> decide(Message<Object> msg, Membership member, String key, SayAction say, Screening.Answer answer) {
    Future<Screened> reading = answer.crisisReading();
    if (reading.isComplete()) {
      decide(msg, member, key, say, reading.result());
      return Future.succeededFuture();
    }
    Instant now = Instant.now();
    Decision turn = room.turns.say(id(member), now);
    ConductDecision conduct = refusal(member, say, turn, now).isPresent() ? null
        : room.conduct.judge(member, say.text(), now, room.memberNames(), answer.screened());
    if (conduct == null || !sharedAsWritten(conduct.verdict())) {
      return reading.onSuccess(screened -> decide(msg, member, key, say, screened));
    }
    room.conduct.keep(member, conduct);
    conduct.escalations().forEach(step -> climb(member, step));
    room.apply(turn);
    share(msg, member, key, say, conduct.verdict(), reading, now);
    return Future.succeededFuture();
  }

  private static boolean sharedAsWritten(Verdict verdict) {
    return verdict.action() == Verdict.Action.ALLOW || verdict.action() == Verdict.Action.MASK;
  }

  /** After screening: the room's rules decide, and a crisis they would refuse goes to the therapists instead. */
  private void decide(Message<Object> msg, Membership member, String key, SayAction say, Screened screened) {
    Instant now = Instant.now();
    Optional<CrisisSignal> crisis = screened.urgent();
    Decision turn = room.turns.say(id(member), now);
    Optional<JsonObject> refusal = refusal(member, say, turn, now);
    if (refusal.isPresent()) {
      if (crisis.isPresent()) toTherapists(msg, member, key, say, crisis.get(), now);
      else msg.reply(refusal.get());
      screened.checkIn().ifPresent(signal -> checkIn(member, say.text(), signal, null, now));
      return;
    }
    ConductDecision conduct = member.isStaff() || !moderates ? null
        : room.conduct.screen(member, say.text(), now, room.memberNames(), screened);
    Verdict verdict = conduct == null ? null : conduct.verdict();
    if (conduct != null) conduct.escalations().forEach(step -> climb(member, step));
    if (verdict != null && verdict.action() == Verdict.Action.PRIVATE) {
      toTherapists(msg, member, key, say, crisis.orElseThrow(), now);
    } else if (verdict != null && verdict.action() == Verdict.Action.BLOCK) {
      refuseByConduct(msg, member, verdict);
      screened.checkIn().ifPresent(signal -> checkIn(member, say.text(), signal, null, now));
    } else {
      room.apply(turn);
      share(msg, member, key, say, verdict, Future.succeededFuture(screened), now);
    }
  }

  /** What the room's own rules say before conduct: agreement, session, presence, mute, length, turn. */
  private Optional<JsonObject> refusal(Membership member, SayAction say, Decision turn, Instant now) {
    if (room.needsAgreement(member)) return Optional.of(FloorActions.agreementFirst());
    if (!member.isStaff() && room.session == null) {
      return Optional.of(Reply.refused("SESSION_CLOSED", "The group is not in session right now."));
    }
    if (!room.turns.isPresent(id(member))) {
      return Optional.of(Reply.invalid("Join the room first: register " + GroupAddresses.out(room.groupId) + "."));
    }
    Optional<Instant> muted = member.isStaff() ? Optional.empty() : room.conduct.mutedUntil(member.memberId(), now);
    if (muted.isPresent()) {
      return Optional.of(Reply.refused("MUTED", "You can't post right now. You can write again after " + muted.get() + ".")
          .put("until", muted.get().toString()));
    }
    if (say.tooLong()) return Optional.of(SayAction.tooLongRefusal());
    return turn.refusal().map(RoomReply::refused);
  }

  // ---------------------------------------------------------------- shared with the room

  /**
   * Stored, then shown to the room; the author is answered once the text's crisis reading is in as well,
   * after any alert's commit. A reading that comes after the text was shared still raises the alert, and
   * turns reactions to it off.
   */
  private void share(Message<Object> msg, Membership member, String key, SayAction say, Verdict verdict,
                     Future<Screened> reading, Instant at) {
    boolean crisisKnown = reading.isComplete() && reading.result().urgent().isPresent();
    String text = verdict == null ? say.text() : verdict.text();
    boolean held = verdict != null && verdict.action() == Verdict.Action.HOLD;
    room.log.append(key, seq -> GroupMessageStore.NewMessage.of(room.services.channelCipher(), room.groupId, seq,
        member.memberId(), member.pseudonym(), say.clientMsgId(), text, held ? "held" : "visible", crisisKnown, at)).onComplete(result -> {
          if (result.succeeded() && !result.result().duplicate() && !held) {
            JsonObject event = RoomEvents.message(result.result().seq(), member, text, at).put("clientMsgId", say.clientMsgId());
            if (crisisKnown) event.put("reactable", false);
            room.publishOut(event);
          }
          reading.onSuccess(screened -> answerShared(msg, member, key, say, verdict, new Shared(result, screened, crisisKnown), at));
        });
  }

  /** A shared text's write and its crisis reading, and whether the crisis was known when it was stored. */
  private record Shared(AsyncResult<ConversationLog.Stored> write, Screened screened, boolean crisisKnown) {}

  private void answerShared(Message<Object> msg, Membership member, String key, SayAction say, Verdict verdict, Shared shared,
                            Instant at) {
    Optional<CrisisSignal> crisis = shared.screened().urgent();
    if (answeredAsDuplicateOrFailure(msg, member, say, crisis, shared.write())) return;
    long seq = shared.write().result().seq();
    shared.screened().checkIn().ifPresent(signal -> checkIn(member, say.text(), signal, seq, at));
    if (verdict != null && verdict.action() == Verdict.Action.HOLD) {
      msg.reply(Reply.refused(Verdict.HELD_FOR_REVIEW, verdict.message()).put("seq", seq));
      room.publishStaff(held(seq, member, verdict.text(), verdict.reasonId()));
      room.audit(AuditLog.Entry.of(room.groupId, null, "message-held").about(member.memberId())
          .because(verdict.reasonId(), room.services.channelCipher()).with("seq", seq));
      return;
    }
    boolean masked = verdict != null && verdict.action() == Verdict.Action.MASK;
    if (masked) flag(seq, member, verdict.reasonId());
    JsonObject ack = Reply.acknowledgement(shared.write().result()).put("masked", masked);
    if (crisis.isEmpty()) {
      msg.reply(ack);
      return;
    }
    Future<Void> marked = shared.crisisKnown() ? Future.succeededFuture() : noReactions(seq);
    Future.join(marked, alert(member, say.text(), crisis.get(), seq, true, at))
        .onComplete(done -> msg.reply(crisisReplies.remember(key,
            ack.put("shared", true).put("support", safety.support(crisis.get())))));
  }

  /** A text found to show signs of a crisis after it was shared: nobody reacts to it from now on. */
  private Future<Void> noReactions(long seq) {
    room.publishOut(RoomEvents.noReactions(seq));
    return messages.markCrisis(room.groupId, seq).onFailure(err ->
        LOG.warn("Room {}: reactions to message {} could not be turned off: {}", room.groupId, seq, err.getClass().getSimpleName()));
  }

  /**
   * A retry answered with its first seq, or a write that failed: UNAVAILABLE, so the client tries again,
   * but a crisis in it still reaches the therapists first. True when {@code msg} has been answered.
   */
  private boolean answeredAsDuplicateOrFailure(Message<Object> msg, Membership member, SayAction say,
                                               Optional<CrisisSignal> crisis, AsyncResult<ConversationLog.Stored> result) {
    if (result.succeeded() && result.result().duplicate()) {
      msg.reply(Reply.acknowledgement(result.result()));
      return true;
    }
    if (result.succeeded()) return false;
    LOG.warn("Room {}: a message was not stored: {}", room.groupId, result.cause().getClass().getSimpleName());
    if (crisis.isEmpty()) msg.reply(Reply.unavailable());
    else alert(member, say.text(), crisis.get(), null, false, Instant.now()).onComplete(alerted -> msg.reply(Reply.unavailable()));
    return true;
  }

  // ---------------------------------------------------------------- to the therapists only

  /** A crisis text the room would refuse: kept privately, alerted, and the author told it reached their therapist. */
  private void toTherapists(Message<Object> msg, Membership member, String key, SayAction say, CrisisSignal signal,
                            Instant at) {
    room.log.append(key, seq -> GroupMessageStore.NewMessage.of(room.services.channelCipher(), room.groupId, seq,
        member.memberId(), member.pseudonym(), say.clientMsgId(), say.text(), "private", true, at)).onComplete(result -> {
          if (answeredAsDuplicateOrFailure(msg, member, say, Optional.of(signal), result)) return;
          alert(member, say.text(), signal, result.result().seq(), false, at)
              .onComplete(alerted -> msg.reply(crisisReplies.remember(key, Reply.acknowledgement(result.result())
                  .put("shared", false).put("message", REACHED_THERAPIST).put("support", safety.support(signal)))));
        });
  }

  /** Every therapist of the group is alerted on their inbox (and in the room's staff panel); completes after the escalation's commit. */
  private Future<JsonObject> alert(Membership member, String text, CrisisSignal signal, Long seq, boolean shared, Instant at) {
    JsonObject where = where(member, seq, at);
    EscalationStore.Origin origin = new EscalationStore.Origin(room.groupId, null, member.accountId(), member.memberId(), seq);
    return safety.raise(new SafetyNet.Crisis(signal, origin, text, shared, room.therapists(), where))
        .onSuccess(room::publishStaff);
  }

  /** Less sure than an alert: a quiet flag for the therapists, nothing shown to the author. */
  private void checkIn(Membership member, String text, CrisisSignal signal, Long seq, Instant at) {
    room.publishStaff(safety.checkIn(signal, room.groupId, member.memberId(), text, room.therapists(), where(member, seq, at)));
  }

  /** Where a text was written, as the therapists' alerts and check-ins say it. */
  private JsonObject where(Membership member, Long seq, Instant at) {
    return new JsonObject().put("groupId", room.groupId.toString()).put("groupName", room.config.name())
        .put("seq", seq).put("memberId", member.memberId().toString()).put("pseudonym", member.pseudonym())
        .put("at", at.toString());
  }

  // ---------------------------------------------------------------- refused for conduct

  private void refuseByConduct(Message<Object> msg, Membership member, Verdict verdict) {
    String code = verdict.code().orElse(Verdict.CONTENT_BLOCKED);
    JsonObject reply = Reply.refused(code, verdict.message());
    verdict.retryAt().ifPresent(at -> reply.getJsonObject("error")
        .put("retryAfter", Math.max(1, Duration.between(Instant.now(), at).toSeconds())));
    msg.reply(reply);
    if (Verdict.CONTENT_BLOCKED.equals(code)) {
      room.audit(AuditLog.Entry.of(room.groupId, null, "message-blocked").about(member.memberId()).because(verdict.reasonId(), room.services.channelCipher()));
      room.publishStaff(new JsonObject().put("type", "flag").put("seq", (Long) null)
          .put("memberId", member.memberId().toString()).put("pseudonym", member.pseudonym())
          .put("reason", verdict.reasonId()).put("blocked", true));
    }
  }

  /** A step of the conduct ladder: carried out and audited, the person told privately that it is automatic. */
  private void climb(Membership member, Escalation step) {
    if (step instanceof Escalation.Warn warn) {
      room.tell(member, moderation.warning(warn.reason(), true));
      room.audit(AuditLog.Entry.of(room.groupId, null, "auto-warned").about(member.memberId()).because(warn.reason(), room.services.channelCipher()));
    } else if (step instanceof Escalation.Mute mute) {
      moderation.muteMember(member, mute.until(), null, mute.reason());
    } else if (step instanceof Escalation.HoldAll hold) {
      room.audit(AuditLog.Entry.of(room.groupId, null, "auto-hold-all").about(member.memberId()).because(hold.reason(), room.services.channelCipher()));
    }
  }

  private static JsonObject held(long seq, Membership member, String text, String reason) {
    return new JsonObject().put("type", "held").put("seq", seq).put("memberId", member.memberId().toString())
        .put("pseudonym", member.pseudonym()).put("text", text).put("reason", reason);
  }

  private void flag(long seq, Membership member, String reason) {
    room.publishStaff(new JsonObject().put("type", "flag").put("seq", seq)
        .put("memberId", member.memberId().toString()).put("pseudonym", member.pseudonym()).put("reason", reason));
  }
}
