package app.talkingstick.group;

import app.talkingstick.Services;
import app.talkingstick.audit.AuditLog;
import app.talkingstick.bridge.Broadcast;
import app.talkingstick.bridge.SenderStamp;
import app.talkingstick.channel.ChannelService;
import app.talkingstick.conduct.ConductDecision;
import app.talkingstick.conduct.CrisisSignal;
import app.talkingstick.conduct.Escalation;
import app.talkingstick.conduct.Verdict;
import app.talkingstick.safety.EscalationStore;
import app.talkingstick.safety.ModerationStore;
import app.talkingstick.safety.SafetyNet;
import app.talkingstick.live.LiveDirectoryVerticle;
import app.talkingstick.store.ConversationLog;
import app.talkingstick.turns.Decision;
import app.talkingstick.turns.Effect;
import app.talkingstick.turns.Mode;
import app.talkingstick.turns.ModeChange;
import app.talkingstick.turns.QueueOrder;
import app.talkingstick.turns.TurnState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facilitator of one live group room: the single owner of its state (members, presence,
 * turn-taking, session, sequence counter), touched only on this verticle's context. It decides
 * with the pure {@link TurnState}, numbers messages, writes them in batches and, after each
 * commit, acknowledges the sender and publishes to the room.
 */
public final class FacilitatorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(FacilitatorVerticle.class);

  /** The kind of conversation this verticle owns, for the live directory. */
  public static final String KIND = "group";
  public static final int MAX_TEXT = SayAction.MAX_TEXT;
  public static final Set<String> REACTIONS = Set.of("❤️", "👍", "🙏", "🤗", "💪", "👏", "🌱", "😊");

  private final UUID groupId;
  private final Services services;
  private final Duration idleAfter;
  private final GroupMessageStore messages;
  private final RoomStore rooms;

  private RoomStore.RoomConfig config;
  private final Map<UUID, Membership> members = new LinkedHashMap<>();
  /** The members' pseudonyms for the conduct policy's mentions, worked out again only after {@link #members} changes. */
  private Set<String> memberNames;
  private final Map<UUID, Membership> byAccount = new HashMap<>();
  private final Presence presence = new Presence();
  /** Therapists who stepped away (to a private channel, say): present, but not running the room. */
  private final Set<UUID> steppedAway = new java.util.HashSet<>();
  private TurnState turns;
  private RoomStore.OpenSession session;
  private ConversationLog<GroupMessageStore.NewMessage> log;
  private RoomConduct conduct;
  private final ModerationStore moderation;
  private final SafetyNet safety;
  private long deadlineTimer = -1;
  private final List<Long> sessionTimers = new ArrayList<>();
  private Instant lastActivity = Instant.now();
  private boolean stopping;

  public FacilitatorVerticle(UUID groupId, Services services) {
    this.groupId = groupId;
    this.services = services;
    this.idleAfter = services.config().roomIdle();
    this.messages = new GroupMessageStore(services.pool());
    this.rooms = new RoomStore(services.pool());
    this.moderation = new ModerationStore(services.pool());
    this.safety = new SafetyNet(services);
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public Future<?> start() {
    return rooms.config(groupId)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new IllegalArgumentException("no such group " + groupId))))
        .compose(cfg -> {
          config = cfg;
          turns = TurnState.initial(cfg.mode(), cfg.settings());
          return services.memberships().ofGroup(groupId);
        })
        .compose(list -> {
          list.forEach(this::remember);
          return messages.lastSeq(groupId);
        })
        .compose(last -> {
          log = new ConversationLog<>(last, services.config().moderatesAndStores()
              ? batch -> services.groupMessages().insert(groupId, batch)
              : ConversationLog.notStored(GroupMessageStore.NewMessage::seq));
          return rooms.openSession(groupId);
        })
        .compose(open -> {
          open.ifPresent(this::resumeSession);
          return Future.all(moderation.groupTerms(groupId), moderation.activeMutes(groupId));
        })
        .compose(loaded -> {
          conduct = new RoomConduct(loaded.resultAt(0), loaded.resultAt(1), services.config().floodBurst(),
              services.config().floodRefill());
          vertx.setPeriodic(Math.max(1_000, idleAfter.toMillis() / 4), id -> checkIdle());
          return Future.all(
              vertx.eventBus().<Object>consumer(GroupAddresses.in(groupId), this::onAction).completion(),
              vertx.eventBus().<JsonObject>consumer(GroupAddresses.control(groupId), this::onControl).completion());
        })
        .onSuccess(v -> LOG.info("Room {} is live (last seq {})", groupId, log.lastSeq()));
  }

  @Override
  public Future<?> stop() {
    cancelDeadline();
    sessionTimers.forEach(vertx::cancelTimer);
    return log == null ? Future.succeededFuture() : log.drain().onComplete(v -> LOG.info("Room {} stopped", groupId));
  }

  private void checkIdle() {
    boolean quiet = presence.isEmpty() && log.idle();
    if (!stopping && quiet && Duration.between(lastActivity, Instant.now()).compareTo(idleAfter) >= 0) {
      stopping = true;
      LiveDirectoryVerticle.reportIdle(vertx, KIND, groupId, deploymentID());
    }
  }

  // ---------------------------------------------------------------- actions from members

  private void onAction(Message<Object> msg) {
    lastActivity = Instant.now();
    if (!(msg.body() instanceof JsonObject body) || !(body.getValue("type") instanceof String type)) {
      msg.reply(RoomReply.invalid("An action is a JSON object with a string field 'type'."));
      return;
    }
    SenderStamp.Sender sender = SenderStamp.read(msg.headers());
    Membership member = sender == null ? null : byAccount.get(sender.accountId());
    if (member == null) {
      msg.reply(RoomReply.refused("NOT_MEMBER", "You are not a member of this group."));
      return;
    }
    try {
      dispatch(msg, member, type, body);
    } catch (BadAction e) {
      msg.reply(RoomReply.invalid(e.getMessage()));
    }
  }

  private void dispatch(Message<Object> msg, Membership member, String type, JsonObject body) {
    Instant now = Instant.now();
    String me = id(member);
    switch (type) {
      case "say" -> say(msg, member, body, now);
      case "raise-hand" -> {
        if (needsAgreement(member)) refuseUntilAgreed(msg);
        else decide(msg, turns.raiseHand(me, now));
      }
      case "lower-hand" -> decide(msg, turns.lowerHand(me, now));
      case "pass" -> decide(msg, turns.pass(me, now));
      case "react" -> react(msg, member, body);
      case "grant" -> audited(msg, member, turns.grant(me, id(memberArg(body)), now), "floor-granted", memberArg(body));
      case "next" -> audited(msg, member, turns.next(me, now), "floor-next", null);
      case "set-mode" -> setMode(msg, member, body, now);
      case "set-slow-mode" -> setSlowMode(msg, member, body, now);
      case "remove" -> remove(msg, member, body);
      case "warn" -> warn(msg, member, body);
      case "mute" -> mute(msg, member, body, now);
      case "unmute" -> unmute(msg, member, body);
      case "redact" -> changeStatus(msg, member, body, "visible", "redacted", "message-redacted");
      case "reject" -> changeStatus(msg, member, body, "held", "rejected", "message-rejected");
      case "approve" -> approve(msg, member, body);
      case "step-away" -> stepAway(msg, member, now);
      case "pull-aside" -> pullAside(msg, member, body);
      case "return" -> comeBack(msg, member, now);
      case "start" -> startSession(msg, member, body);
      case "end" -> endSession(msg, member);
      default -> msg.reply(RoomReply.invalid("Unknown action type '" + type + "'."));
    }
  }

  private boolean needsAgreement(Membership member) {
    return member.acceptedAgreementVersion() < config.agreementVersion();
  }

  private static void refuseUntilAgreed(Message<Object> msg) {
    msg.reply(RoomReply.refused("AGREEMENT_REQUIRED", "Please read and accept the updated group agreement first."));
  }

  private void decide(Message<Object> msg, Decision decision) {
    if (decision.refusal().isPresent()) {
      msg.reply(RoomReply.refused(decision.refusal().get()));
    } else {
      apply(decision);
      msg.reply(RoomReply.ok());
    }
  }

  private void audited(Message<Object> msg, Membership actor, Decision decision, String action, UUID about) {
    decide(msg, decision);
    if (decision.allowed()) audit(AuditLog.Entry.of(groupId, actor.accountId(), action).about(about));
  }

  private void say(Message<Object> msg, Membership member, JsonObject body, Instant now) {
    Optional<SayAction> parsed = SayAction.parse(body, msg);
    if (parsed.isEmpty()) return;
    String text = parsed.get().text();
    String clientMsgId = parsed.get().clientMsgId();
    String key = member.memberId() + "/" + clientMsgId;
    if (SayAction.answeredAsRetry(log, key, msg)) return;
    if (needsAgreement(member)) {
      refuseUntilAgreed(msg);
      return;
    }
    if (!member.isStaff() && session == null) {
      msg.reply(RoomReply.refused("SESSION_CLOSED", "The group is not in session right now."));
      return;
    }
    if (!turns.isPresent(id(member))) {
      throw new BadAction("Join the room first: register " + GroupAddresses.out(groupId) + ".");
    }
    Optional<Instant> muted = member.isStaff() ? Optional.empty() : conduct.mutedUntil(member.memberId(), now);
    if (muted.isPresent()) {
      msg.reply(RoomReply.refused("MUTED", "You can't post right now. You can write again after "
          + muted.get() + ".").put("until", muted.get().toString()));
      return;
    }
    Decision decision = turns.say(id(member), now);
    if (decision.refusal().isPresent()) {
      msg.reply(RoomReply.refused(decision.refusal().get()));
      return;
    }
    ConductDecision verdict = member.isStaff() || !services.config().moderatesAndStores() ? null
        : conduct.screen(member, text, now, memberNames());
    if (verdict != null) verdict.escalations().forEach(step -> escalate(member, step));
    if (verdict != null && verdict.verdict().action() == Verdict.Action.BLOCK) {
      refuseByConduct(msg, member, verdict.verdict());
      return;
    }
    apply(decision);
    store(msg, member, key, clientMsgId, verdict == null ? text : verdict.verdict().text(),
        verdict == null ? "visible" : statusFor(verdict.verdict()), verdict == null ? null : verdict.verdict(), now);
  }

  private static String statusFor(Verdict verdict) {
    return verdict.action() == Verdict.Action.HOLD ? "held" : "visible";
  }

  private void refuseByConduct(Message<Object> msg, Membership member, Verdict verdict) {
    String code = verdict.code().orElse(Verdict.CONTENT_BLOCKED);
    JsonObject reply = RoomReply.refused(code, verdict.message());
    verdict.retryAt().ifPresent(at -> reply.getJsonObject("error")
        .put("retryAfter", Math.max(1, Duration.between(Instant.now(), at).toSeconds())));
    msg.reply(reply);
    if (Verdict.CONTENT_BLOCKED.equals(code)) {
      audit(AuditLog.Entry.of(groupId, null, "message-blocked").about(member.memberId()).because(verdict.reasonId()));
      publish(GroupAddresses.staff(groupId), new JsonObject().put("type", "flag").put("seq", (Long) null)
          .put("memberId", member.memberId().toString()).put("pseudonym", member.pseudonym())
          .put("reason", verdict.reasonId()).put("blocked", true));
    }
  }

  /** A step of the conduct ladder: carried out and audited, the person told privately. */
  private void escalate(Membership member, Escalation step) {
    if (step instanceof Escalation.Warn warn) {
      services.inbox().deliver(member.accountId(), warning(warn.reason()));
      audit(AuditLog.Entry.of(groupId, null, "auto-warned").about(member.memberId()).because(warn.reason()));
    } else if (step instanceof Escalation.Mute mute) {
      muteMember(member, mute.until(), null, mute.reason());
    } else if (step instanceof Escalation.HoldAll hold) {
      audit(AuditLog.Entry.of(groupId, null, "auto-hold-all").about(member.memberId()).because(hold.reason()));
    }
  }

  private JsonObject warning(String reason) {
    return new JsonObject().put("type", "warning").put("groupId", groupId.toString()).put("reason", reason);
  }

  private void store(Message<Object> msg, Membership member, String key, String clientMsgId, String text, String status,
                     Verdict verdict, Instant at) {
    log.append(key, seq -> new GroupMessageStore.NewMessage(seq, member.memberId(), member.pseudonym(), clientMsgId, text, status, at))
        .onComplete(result -> {
          if (result.failed()) {
            LOG.warn("Room {}: a message was not stored: {}", groupId, result.cause().getClass().getSimpleName());
            msg.reply(RoomReply.unavailable());
            return;
          }
          ConversationLog.Stored stored = result.result();
          if (stored.duplicate()) {
            msg.reply(SayAction.acknowledgement(stored));
          } else if ("held".equals(status)) {
            msg.reply(RoomReply.refused(Verdict.HELD_FOR_REVIEW, verdict.message()).put("seq", stored.seq()));
            publish(GroupAddresses.staff(groupId), held(stored.seq(), member, text, verdict.reasonId()));
            audit(AuditLog.Entry.of(groupId, null, "message-held").about(member.memberId()).because(verdict.reasonId())
                .with("seq", stored.seq()));
          } else {
            msg.reply(SayAction.acknowledgement(stored).put("masked", verdict != null && verdict.action() == Verdict.Action.MASK));
            publish(GroupAddresses.out(groupId), RoomEvents.message(stored.seq(), member, text, at).put("clientMsgId", clientMsgId));
            if (verdict != null && verdict.action() == Verdict.Action.MASK) flag(stored.seq(), member, verdict.reasonId());
          }
          if (!stored.duplicate() && verdict != null) verdict.crisis().ifPresent(signal -> crisis(signal, member, stored.seq(), text));
        });
  }

  private JsonObject held(long seq, Membership member, String text, String reason) {
    return new JsonObject().put("type", "held").put("seq", seq).put("memberId", member.memberId().toString())
        .put("pseudonym", member.pseudonym()).put("text", text).put("reason", reason);
  }

  private void flag(long seq, Membership member, String reason) {
    publish(GroupAddresses.staff(groupId), new JsonObject().put("type", "flag").put("seq", seq)
        .put("memberId", member.memberId().toString()).put("pseudonym", member.pseudonym()).put("reason", reason));
  }

  /** The message stands; the therapists are alerted at once and the author gets crisis resources privately. */
  private void crisis(CrisisSignal signal, Membership member, long seq, String text) {
    JsonObject alert = new JsonObject().put("seq", seq).put("memberId", member.memberId().toString())
        .put("pseudonym", member.pseudonym()).put("text", text);
    safety.raise(signal, new EscalationStore.Origin(groupId, null, member.accountId(), member.memberId(), seq), alert,
        event -> publish(GroupAddresses.staff(groupId), event));
  }

  private void react(Message<Object> msg, Membership member, JsonObject body) {
    long seq = longArg(body, "seq");
    String emoji = stringArg(body, "emoji");
    if (!REACTIONS.contains(emoji)) throw new BadAction("emoji must be one of " + String.join(" ", REACTIONS));
    messages.react(groupId, seq, member.memberId(), emoji).onComplete(r -> {
      if (r.failed()) {
        msg.reply(RoomReply.unavailable());
      } else if (r.result() < 0) {
        msg.reply(RoomReply.invalid("There is no message " + seq + " to react to."));
      } else {
        msg.reply(RoomReply.ok().put("count", r.result()));
        publish(GroupAddresses.out(groupId), RoomEvents.reaction(seq, emoji, r.result()));
      }
    });
  }

  private void setMode(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    Mode mode = wireArg(body, "mode", Mode::fromWire);
    ModeChange change = ModeChange.to(mode);
    if (body.containsKey("turnSeconds")) change = change.withTurnSeconds((int) longArg(body, "turnSeconds"));
    if (body.containsKey("queueOrder")) change = change.withQueueOrder(wireArg(body, "queueOrder", QueueOrder::fromWire));
    Decision decision = turns.setMode(id(actor), change, now);
    audited(msg, actor, decision, "mode-changed", null);
    if (decision.allowed()) persistMode();
  }

  private void setSlowMode(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    int seconds = (int) longArg(body, "seconds");
    UUID target = body.getValue("memberId") == null ? null : memberArg(body);
    Decision decision = target == null
        ? turns.setSlowMode(id(actor), seconds, now)
        : turns.setSlowMode(id(actor), seconds, id(target), now);
    audited(msg, actor, decision, "slow-mode-set", target);
    if (decision.allowed() && target == null) persistMode();
  }

  private void persistMode() {
    rooms.saveMode(groupId, turns.chosenMode(), turns.settings())
        .onFailure(err -> LOG.warn("Room {}: mode not saved: {}", groupId, err.getClass().getSimpleName()));
  }

  private void remove(Message<Object> msg, Membership actor, JsonObject body) {
    if (!actor.isStaff()) {
      msg.reply(RoomReply.refused("FORBIDDEN", "Only the group's therapist can remove someone."));
      return;
    }
    UUID target = memberArg(body);
    String reason = body.getValue("reason") instanceof String r ? r : null;
    new GroupService(vertx, services).removeMember(groupId, actor.accountId(), target, reason).onComplete(r -> {
      if (r.succeeded()) msg.reply(RoomReply.ok());
      else if (r.cause() instanceof app.talkingstick.http.ApiError api) msg.reply(RoomReply.refused(api.code(), api.getMessage()));
      else msg.reply(RoomReply.unavailable());
    });
  }

  private void stepAway(Message<Object> msg, Membership actor, Instant now) {
    if (!actor.isStaff()) {
      msg.reply(RoomReply.refused("FORBIDDEN", "Only the group's therapist can step away."));
      return;
    }
    leaveTheRoomRunning(actor, now);
    msg.reply(RoomReply.ok());
  }

  /** The room is told neutrally; with no other therapist present it pauses until they return. */
  private void leaveTheRoomRunning(Membership therapist, Instant now) {
    if (!steppedAway.add(therapist.memberId())) return;
    if (turns.isPresent(id(therapist))) apply(turns.leave(id(therapist), now));
    publish(GroupAddresses.out(groupId), RoomEvents.facilitator(Prompts.steppedAway(therapist.pseudonym())));
    audit(AuditLog.Entry.of(groupId, therapist.accountId(), "stepped-away").about(therapist.memberId()));
  }

  /** Invites a client into the therapist's private channel; the room only hears that the therapist stepped away. */
  private void pullAside(Message<Object> msg, Membership actor, JsonObject body) {
    if (!actor.isStaff()) {
      msg.reply(RoomReply.refused("FORBIDDEN", "Only the group's therapist can talk with someone privately."));
      return;
    }
    Membership client = members.get(memberArg(body));
    if (client.isStaff()) throw new BadAction("memberId must be a client of this group");
    ChannelService channels = new ChannelService(services);
    channels.openOrGet(actor.accountId(), client.accountId())
        .compose(channelId -> channels.sendInvite(channelId, actor.accountId()).map(channelId))
        .onComplete(r -> {
          if (r.failed()) {
            msg.reply(r.cause() instanceof app.talkingstick.http.ApiError api
                ? RoomReply.refused(api.code(), api.getMessage()) : RoomReply.unavailable());
            return;
          }
          leaveTheRoomRunning(actor, Instant.now());
          audit(AuditLog.Entry.of(groupId, actor.accountId(), "pulled-aside").about(client.memberId())
              .with("channelId", r.result().toString()));
          msg.reply(RoomReply.ok().put("channelId", r.result().toString()));
        });
  }

  private void comeBack(Message<Object> msg, Membership actor, Instant now) {
    if (!steppedAway.remove(actor.memberId())) {
      msg.reply(RoomReply.invalid("You have not stepped away."));
      return;
    }
    if (presence.isOnline(actor.memberId())) apply(turns.join(id(actor), true, now));
    publish(GroupAddresses.out(groupId), RoomEvents.facilitator(Prompts.isBack(actor.pseudonym())));
    audit(AuditLog.Entry.of(groupId, actor.accountId(), "returned").about(actor.memberId()));
    msg.reply(RoomReply.ok());
  }

  // ---------------------------------------------------------------- moderation

  private boolean staffOnly(Message<Object> msg, Membership actor) {
    if (actor.isStaff()) return true;
    msg.reply(RoomReply.refused("FORBIDDEN", "Only the group's therapist can do that."));
    return false;
  }

  private Membership clientArg(JsonObject body) {
    Membership target = members.get(memberArg(body));
    if (target.isStaff()) throw new BadAction("memberId must be a client of this group");
    return target;
  }

  private void warn(Message<Object> msg, Membership actor, JsonObject body) {
    if (!staffOnly(msg, actor)) return;
    Membership target = clientArg(body);
    String reason = stringArg(body, "reason").strip();
    if (reason.isEmpty() || reason.length() > 500) throw new BadAction("reason must be 1 to 500 characters");
    services.inbox().deliver(target.accountId(), warning(reason));
    audit(AuditLog.Entry.of(groupId, actor.accountId(), "warned").about(target.memberId()).because(reason));
    msg.reply(RoomReply.ok());
  }

  private void mute(Message<Object> msg, Membership actor, JsonObject body, Instant now) {
    if (!staffOnly(msg, actor)) return;
    Membership target = clientArg(body);
    long seconds = longArg(body, "seconds");
    if (seconds < 1 || seconds > 86_400) throw new BadAction("seconds must be between 1 and 86400");
    String reason = body.getValue("reason") instanceof String r ? r : null;
    muteMember(target, now.plusSeconds(seconds), actor.accountId(), reason).onComplete(saved -> msg.reply(RoomReply.ok()));
  }

  /** Mutes at once; the returned future completes when the mute is also saved (or failed to be). */
  private Future<Void> muteMember(Membership target, Instant until, UUID by, String reason) {
    conduct.mute(target.memberId(), until);
    if (turns.isPresent(id(target))) apply(turns.removeMember(id(target), Instant.now()));
    if (presence.isOnline(target.memberId())) apply(turns.join(id(target), false, Instant.now()));
    Future<Void> saved = moderation.mute(target.memberId(), until, by, reason)
        .onFailure(err -> LOG.warn("Room {}: mute not saved: {}", groupId, err.getClass().getSimpleName()));
    services.inbox().deliver(target.accountId(), new JsonObject().put("type", "muted")
        .put("groupId", groupId.toString()).put("until", until.toString()));
    publish(GroupAddresses.out(groupId), RoomEvents.moderation("muted", target.memberId(), null));
    audit(AuditLog.Entry.of(groupId, by, by == null ? "auto-muted" : "muted").about(target.memberId()).because(reason)
        .with("until", until.toString()));
    return saved;
  }

  private void unmute(Message<Object> msg, Membership actor, JsonObject body) {
    if (!staffOnly(msg, actor)) return;
    Membership target = clientArg(body);
    conduct.unmute(target.memberId());
    services.inbox().deliver(target.accountId(), new JsonObject().put("type", "unmuted").put("groupId", groupId.toString()));
    publish(GroupAddresses.out(groupId), RoomEvents.moderation("unmuted", target.memberId(), null));
    audit(AuditLog.Entry.of(groupId, actor.accountId(), "unmuted").about(target.memberId()));
    moderation.unmute(target.memberId())
        .onFailure(err -> LOG.warn("Room {}: unmute not saved: {}", groupId, err.getClass().getSimpleName()))
        .onComplete(saved -> msg.reply(RoomReply.ok()));
  }

  /** Redact a visible message, or reject a held one: it disappears from clients' view and history. */
  private void changeStatus(Message<Object> msg, Membership actor, JsonObject body, String from, String to, String action) {
    if (!staffOnly(msg, actor)) return;
    long seq = longArg(body, "seq");
    String reason = body.getValue("reason") instanceof String r ? r : null;
    moderation.changeStatus(groupId, seq, from, to).onComplete(r -> {
      if (r.failed()) {
        msg.reply(RoomReply.unavailable());
      } else if (r.result().isEmpty()) {
        msg.reply(RoomReply.invalid("There is no " + ("held".equals(from) ? "held " : "") + "message " + seq + " to " + to.replace("ed", "") + "."));
      } else {
        if ("redacted".equals(to)) publish(GroupAddresses.out(groupId), new JsonObject().put("type", "redacted").put("seq", seq));
        audit(AuditLog.Entry.of(groupId, actor.accountId(), action).about(r.result().get()).because(reason).with("seq", seq));
        msg.reply(RoomReply.ok());
      }
    });
  }

  private void approve(Message<Object> msg, Membership actor, JsonObject body) {
    if (!staffOnly(msg, actor)) return;
    long seq = longArg(body, "seq");
    moderation.approve(groupId, seq).onComplete(r -> {
      if (r.failed()) {
        msg.reply(RoomReply.unavailable());
      } else if (r.result().isEmpty()) {
        msg.reply(RoomReply.invalid("There is no held message " + seq + " to approve."));
      } else {
        ModerationStore.Released released = r.result().get();
        Membership author = members.get(released.memberId());
        JsonObject from = author != null ? author.publicView()
            : new JsonObject().put("memberId", released.memberId().toString()).put("pseudonym", released.pseudonym()).put("role", "client");
        publish(GroupAddresses.out(groupId), new JsonObject().put("type", "message").put("seq", seq).put("from", from)
            .put("text", released.text()).put("at", released.at().toString()));
        audit(AuditLog.Entry.of(groupId, actor.accountId(), "message-approved").about(released.memberId()).with("seq", seq));
        msg.reply(RoomReply.ok());
      }
    });
  }

  // ---------------------------------------------------------------- sessions

  private void startSession(Message<Object> msg, Membership actor, JsonObject body) {
    if (!actor.isStaff()) {
      msg.reply(RoomReply.refused("FORBIDDEN", "Only the group's therapist can start a session."));
      return;
    }
    if (session != null) {
      msg.reply(RoomReply.invalid("A session is already running."));
      return;
    }
    String topic = body.getValue("topic") instanceof String t && !t.isBlank() ? t.strip() : config.topic();
    rooms.startSession(groupId, topic, actor.accountId(), config.sessionMinutes()).onComplete(r -> {
      if (r.failed()) {
        msg.reply(app.talkingstick.store.DatabaseErrors.isUniqueViolation(r.cause())
            ? RoomReply.invalid("A session is already running.") : RoomReply.unavailable());
        return;
      }
      session = r.result();
      conduct.newSession();
      apply(turns.resetSession(Instant.now()));
      publish(GroupAddresses.out(groupId), RoomEvents.session("open", session));
      publish(GroupAddresses.out(groupId), RoomEvents.facilitator(Prompts.opening(session.topic())));
      scheduleSessionPrompts();
      audit(AuditLog.Entry.of(groupId, actor.accountId(), "session-started").with("topic", session.topic()));
      msg.reply(RoomReply.ok().put("session", RoomEvents.session("open", session)));
    });
  }

  private void endSession(Message<Object> msg, Membership actor) {
    if (!actor.isStaff()) {
      msg.reply(RoomReply.refused("FORBIDDEN", "Only the group's therapist can end a session."));
      return;
    }
    if (session == null) {
      msg.reply(RoomReply.refused("SESSION_CLOSED", "No session is running."));
      return;
    }
    RoomStore.OpenSession ending = session;
    rooms.endSession(ending.id()).onComplete(r -> {
      if (r.failed()) {
        msg.reply(RoomReply.unavailable());
        return;
      }
      session = null;
      sessionTimers.forEach(vertx::cancelTimer);
      sessionTimers.clear();
      publishStats();
      publish(GroupAddresses.out(groupId), RoomEvents.facilitator(Prompts.closing()));
      publish(GroupAddresses.out(groupId), RoomEvents.session("closed", null));
      audit(AuditLog.Entry.of(groupId, actor.accountId(), "session-ended"));
      msg.reply(RoomReply.ok());
    });
  }

  private void resumeSession(RoomStore.OpenSession open) {
    session = open;
    scheduleSessionPrompts();
  }

  private void scheduleSessionPrompts() {
    Duration length = Duration.between(session.startedAt(), session.endsAt());
    long warnMinutes = Math.max(1, Math.min(5, length.toMinutes() / 4));
    promptAt(session.endsAt().minus(Duration.ofMinutes(warnMinutes)), Prompts.minutesLeft(warnMinutes));
    promptAt(session.endsAt(), Prompts.timeIsUp());
  }

  private void promptAt(Instant when, String text) {
    long delay = Duration.between(Instant.now(), when).toMillis();
    if (delay > 0) {
      sessionTimers.add(vertx.setTimer(delay, id -> publish(GroupAddresses.out(groupId), RoomEvents.facilitator(text))));
    }
  }

  // ---------------------------------------------------------------- control: presence, membership, state

  private void onControl(Message<JsonObject> msg) {
    JsonObject event = msg.body();
    switch (event.getString("type", "")) {
      case "presence" -> presenceChanged(event);
      case "member-joined", "agreement-accepted" -> reloadMember(UUID.fromString(event.getString("memberId")));
      case "member-left", "member-removed" -> memberGone(UUID.fromString(event.getString("memberId")),
          "member-removed".equals(event.getString("type")));
      case "agreement-changed" -> rooms.config(groupId).onSuccess(cfg -> cfg.ifPresent(c -> config = c));
      case "state" -> msg.reply(liveState());
      default -> LOG.debug("Room {}: ignored control event", groupId);
    }
  }

  private void presenceChanged(JsonObject event) {
    lastActivity = Instant.now();
    UUID accountId = UUID.fromString(event.getString("accountId"));
    Membership member = byAccount.get(accountId);
    if (member == null) {
      // a member who joined a moment ago: their join may not have been loaded yet
      services.memberships().find(groupId, accountId).onSuccess(found -> found.ifPresent(m -> {
        remember(m);
        presenceChanged(event);
      }));
      return;
    }
    String socket = event.getString("socketId");
    boolean changed = event.getBoolean("online")
        ? presence.connect(member.memberId(), socket)
        : presence.disconnect(member.memberId(), socket);
    if (!changed) return;
    Instant now = Instant.now();
    if (!steppedAway.contains(member.memberId())) {
      apply(presence.isOnline(member.memberId()) ? turns.join(id(member), member.isStaff(), now) : turns.leave(id(member), now));
    }
    publishPresence();
  }

  private void reloadMember(UUID memberId) {
    services.memberships().findMember(groupId, memberId).onSuccess(found -> found.ifPresent(this::remember));
  }

  private void memberGone(UUID memberId, boolean removed) {
    Membership gone = members.remove(memberId);
    if (gone == null) return;
    memberNames = null;
    byAccount.remove(gone.accountId());
    presence.drop(memberId);
    apply(turns.removeMember(id(gone), Instant.now()));
    publishPresence();
    if (removed) publish(GroupAddresses.out(groupId), RoomEvents.moderation("removed", memberId, null));
  }

  private void remember(Membership m) {
    members.put(m.memberId(), m);
    memberNames = null;
    byAccount.put(m.accountId(), m);
  }

  private Set<String> memberNames() {
    if (memberNames == null) memberNames = RoomConduct.namesOf(members.values());
    return memberNames;
  }

  private JsonObject liveState() {
    JsonObject state = RoomEvents.turn(turns.snapshot(), this::who);
    state.remove("type");
    JsonArray online = new JsonArray();
    presence.online().forEach(id -> Optional.ofNullable(members.get(id)).ifPresent(m -> online.add(m.publicView())));
    return state.put("online", online)
        .put("session", RoomEvents.session(session == null ? "closed" : "open", session))
        .put("lastSeq", log.lastSeq());
  }

  // ---------------------------------------------------------------- applying decisions

  private void apply(Decision decision) {
    turns = decision.state();
    for (Effect effect : decision.effects()) publishEffect(effect);
    scheduleDeadline();
  }

  private void publishEffect(Effect effect) {
    String out = GroupAddresses.out(groupId);
    if (effect instanceof Effect.TurnChanged changed) {
      publish(out, RoomEvents.turn(changed.snapshot(), this::who));
    } else if (effect instanceof Effect.Reminder r) {
      publish(out, RoomEvents.facilitator(Prompts.turnReminder(pseudonym(r.memberId()), r.secondsLeft())));
    } else if (effect instanceof Effect.TurnExpired x) {
      publish(out, RoomEvents.facilitator(Prompts.turnOver(pseudonym(x.memberId()))));
    } else if (effect instanceof Effect.RoundCompleted) {
      publish(out, RoomEvents.facilitator(Prompts.roundComplete()));
    } else if (effect instanceof Effect.SlowModeChanged s) {
      publish(out, RoomEvents.facilitator(Prompts.slowMode(s.memberId() == null ? null : pseudonym(s.memberId()), s.seconds())));
    }
  }

  private void scheduleDeadline() {
    cancelDeadline();
    turns.nextDeadline().ifPresent(at -> {
      long delay = Math.max(1, Duration.between(Instant.now(), at).toMillis());
      deadlineTimer = vertx.setTimer(delay, id -> {
        deadlineTimer = -1;
        apply(turns.tick(Instant.now()));
      });
    });
  }

  private void cancelDeadline() {
    if (deadlineTimer != -1) vertx.cancelTimer(deadlineTimer);
    deadlineTimer = -1;
  }

  private void publishPresence() {
    List<Membership> online = presence.online().stream().map(members::get).filter(m -> m != null).toList();
    publish(GroupAddresses.out(groupId), RoomEvents.presence(online));
  }

  private void publishStats() {
    publish(GroupAddresses.staff(groupId), RoomEvents.stats(turns.speakingTime(Instant.now()), this::who));
  }

  private void publish(String address, JsonObject event) {
    Broadcast.publish(vertx, address, event);
  }

  private void audit(AuditLog.Entry entry) {
    AuditLog.record(services.pool(), entry)
        .onFailure(err -> LOG.error("Room {}: audit entry '{}' not written: {}", groupId, entry.action(), err.getClass().getSimpleName()));
  }

  // ---------------------------------------------------------------- small helpers

  private JsonObject who(String memberId) {
    Membership m = members.get(UUID.fromString(memberId));
    return m == null ? new JsonObject().put("memberId", memberId) : m.publicView();
  }

  private String pseudonym(String memberId) {
    Membership m = members.get(UUID.fromString(memberId));
    return m == null ? "someone" : m.pseudonym();
  }

  private static String id(Membership m) {
    return m.memberId().toString();
  }

  private static String id(UUID memberId) {
    return memberId.toString();
  }

  private UUID memberArg(JsonObject body) {
    String raw = stringArg(body, "memberId");
    try {
      UUID id = UUID.fromString(raw);
      if (!members.containsKey(id)) throw new BadAction("memberId is not a member of this group");
      return id;
    } catch (IllegalArgumentException e) {
      throw new BadAction("memberId must be a member id");
    }
  }

  private static String stringArg(JsonObject body, String field) {
    if (body.getValue(field) instanceof String s) return s;
    throw new BadAction(field + " is required and must be a string");
  }

  private static long longArg(JsonObject body, String field) {
    if (body.getValue(field) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
    throw new BadAction(field + " is required and must be a whole number");
  }

  private static <T> T wireArg(JsonObject body, String field, java.util.function.Function<String, T> parse) {
    String raw = stringArg(body, field);
    try {
      return parse.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new BadAction(field + " '" + raw + "' is not one of the allowed values");
    }
  }

  /** Bad input in an action: answered with INVALID, nothing changes. */
  private static final class BadAction extends RuntimeException {
    BadAction(String message) {
      super(message, null, false, false);
    }
  }
}
