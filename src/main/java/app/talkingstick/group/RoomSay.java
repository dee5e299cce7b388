package app.talkingstick.group;

import static app.talkingstick.group.LiveRoom.id;

import app.talkingstick.audit.AuditLog;
import app.talkingstick.conduct.ConductDecision;
import app.talkingstick.conduct.CrisisSignal;
import app.talkingstick.conduct.Escalation;
import app.talkingstick.conduct.Screened;
import app.talkingstick.conduct.Verdict;
import app.talkingstick.conversation.ConversationLog;
import app.talkingstick.conversation.Reply;
import app.talkingstick.conversation.SayAction;
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
 * with the support card. Nothing of it reaches the other members.
 */
final class RoomSay implements RoomAction.Family {

  private static final Logger LOG = LoggerFactory.getLogger(RoomSay.class);
  static final String REACHED_THERAPIST = "Your message wasn't shared with the group, but it has gone to your"
      + " therapist, who will reach out to you. You're not alone in this.";

  private final LiveRoom room;
  private final ModerationActions moderation;
  private final SafetyNet safety;
  private final boolean moderates;

  RoomSay(LiveRoom room, ModerationActions moderation, SafetyNet safety) {
    this.room = room;
    this.moderation = moderation;
    this.safety = safety;
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
    if (SayAction.answeredAsRetry(room.log, key, msg)) return;
    Future<Screened> screened = moderates ? room.services.screening().screen(say.text(), !member.isStaff())
        : Future.succeededFuture(Screened.NOTHING);
    screened.onSuccess(found -> decide(msg, member, key, say, found));
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
      share(msg, member, key, say, verdict, screened, now);
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

  private void share(Message<Object> msg, Membership member, String key, SayAction say, Verdict verdict,
                     Screened screened, Instant at) {
    Optional<CrisisSignal> crisis = screened.urgent();
    String text = verdict == null ? say.text() : verdict.text();
    boolean held = verdict != null && verdict.action() == Verdict.Action.HOLD;
    boolean masked = verdict != null && verdict.action() == Verdict.Action.MASK;
    room.log.append(key, seq -> GroupMessageStore.NewMessage.of(room.services.channelCipher(), room.groupId, seq,
        member.memberId(), member.pseudonym(), say.clientMsgId(), text, held ? "held" : "visible", crisis.isPresent(), at)).onComplete(result -> {
          if (answeredAsDuplicateOrFailure(msg, member, say, crisis, result)) return;
          long seq = result.result().seq();
          screened.checkIn().ifPresent(signal -> checkIn(member, say.text(), signal, seq, at));
          if (held) {
            msg.reply(Reply.refused(Verdict.HELD_FOR_REVIEW, verdict.message()).put("seq", seq));
            room.publishStaff(held(seq, member, text, verdict.reasonId()));
            room.audit(AuditLog.Entry.of(room.groupId, null, "message-held").about(member.memberId())
                .because(verdict.reasonId(), room.services.channelCipher()).with("seq", seq));
            return;
          }
          JsonObject event = RoomEvents.message(seq, member, text, at).put("clientMsgId", say.clientMsgId());
          if (crisis.isPresent()) event.put("reactable", false);
          room.publishOut(event);
          if (masked) flag(seq, member, verdict.reasonId());
          JsonObject ack = Reply.acknowledgement(result.result()).put("masked", masked);
          if (crisis.isEmpty()) {
            msg.reply(ack);
          } else {
            alert(member, say.text(), crisis.get(), seq, true, at)
                .onComplete(alerted -> msg.reply(ack.put("shared", true).put("support", safety.support(crisis.get()))));
          }
        });
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
              .onComplete(alerted -> msg.reply(Reply.acknowledgement(result.result()).put("shared", false)
                  .put("message", REACHED_THERAPIST).put("support", safety.support(signal))));
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
