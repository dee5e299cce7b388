package app.talkingstick.group;

import app.talkingstick.Services;
import app.talkingstick.audit.AuditLog;
import app.talkingstick.bridge.Broadcast;
import app.talkingstick.conversation.ConversationLog;
import app.talkingstick.turns.Decision;
import app.talkingstick.turns.Effect;
import app.talkingstick.turns.TurnState;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one live room and what every family of its actions shares: who is a member, who is
 * here, the turn state, the open session, the log, the conduct state; applying a turn decision,
 * publishing, auditing. Owned by its {@link FacilitatorVerticle} and touched only on its context.
 */
final class LiveRoom {

  private static final Logger LOG = LoggerFactory.getLogger(LiveRoom.class);

  final UUID groupId;
  final Services services;
  final Vertx vertx;
  RoomStore.RoomConfig config;
  final Map<UUID, Membership> members = new LinkedHashMap<>();
  private final Map<UUID, Membership> byAccount = new HashMap<>();
  /** The members' pseudonyms for the conduct policy's mentions, worked out again only after {@link #members} changes. */
  private Set<String> memberNames;
  final Presence presence = new Presence();
  /** Therapists who stepped away (to a private channel, say): present, but not running the room. */
  final Set<UUID> steppedAway = new HashSet<>();
  TurnState turns;
  RoomStore.OpenSession session;
  ConversationLog<GroupMessageStore.NewMessage> log;
  RoomConduct conduct;
  private long deadlineTimer = -1;

  LiveRoom(UUID groupId, Services services, Vertx vertx) {
    this.groupId = groupId;
    this.services = services;
    this.vertx = vertx;
  }

  // ---------------------------------------------------------------- members

  void remember(Membership m) {
    members.put(m.memberId(), m);
    memberNames = null;
    byAccount.put(m.accountId(), m);
  }

  Optional<Membership> forget(UUID memberId) {
    Membership gone = members.remove(memberId);
    if (gone == null) return Optional.empty();
    memberNames = null;
    byAccount.remove(gone.accountId());
    presence.drop(memberId);
    return Optional.of(gone);
  }

  Membership byAccount(UUID accountId) {
    return byAccount.get(accountId);
  }

  Set<String> memberNames() {
    if (memberNames == null) memberNames = RoomConduct.namesOf(members.values());
    return memberNames;
  }

  /** The accounts of the group's therapists: every one of them hears of a crisis, in the room or not. */
  List<UUID> therapists() {
    return members.values().stream().filter(Membership::isStaff).map(Membership::accountId).toList();
  }

  boolean needsAgreement(Membership member) {
    return member.acceptedAgreementVersion() < config.agreementVersion();
  }

  // ---------------------------------------------------------------- turns

  void apply(Decision decision) {
    turns = decision.state();
    for (Effect effect : decision.effects()) publishEffect(effect);
    scheduleDeadline();
  }

  private void publishEffect(Effect effect) {
    if (effect instanceof Effect.TurnChanged changed) {
      publishOut(RoomEvents.turn(changed.snapshot(), this::who));
    } else if (effect instanceof Effect.Reminder r) {
      publishOut(RoomEvents.facilitator(Prompts.turnReminder(pseudonym(r.memberId()), r.secondsLeft())));
    } else if (effect instanceof Effect.TurnExpired x) {
      publishOut(RoomEvents.facilitator(Prompts.turnOver(pseudonym(x.memberId()))));
    } else if (effect instanceof Effect.RoundCompleted) {
      publishOut(RoomEvents.facilitator(Prompts.roundComplete()));
    } else if (effect instanceof Effect.SlowModeChanged s) {
      publishOut(RoomEvents.facilitator(Prompts.slowMode(s.memberId() == null ? null : pseudonym(s.memberId()), s.seconds())));
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

  void cancelDeadline() {
    if (deadlineTimer != -1) vertx.cancelTimer(deadlineTimer);
    deadlineTimer = -1;
  }

  // ---------------------------------------------------------------- publishing and the record

  void publishOut(JsonObject event) {
    Broadcast.publish(vertx, GroupAddresses.out(groupId), event);
  }

  void publishStaff(JsonObject event) {
    Broadcast.publish(vertx, GroupAddresses.staff(groupId), event);
  }

  void publishPresence() {
    List<Membership> online = presence.online().stream().map(members::get).filter(m -> m != null).toList();
    publishOut(RoomEvents.presence(online));
  }

  void publishStats() {
    publishStaff(RoomEvents.stats(turns.speakingTime(Instant.now()), this::who));
  }

  void audit(AuditLog.Entry entry) {
    AuditLog.record(services.pool(), entry)
        .onFailure(err -> LOG.error("Room {}: audit entry '{}' not written: {}", groupId, entry.action(), err.getClass().getSimpleName()));
  }

  /** Tells a member something privately, on every socket they have open. */
  void tell(Membership member, JsonObject event) {
    services.inbox().deliver(member.accountId(), event);
  }

  JsonObject liveState() {
    JsonObject state = RoomEvents.turn(turns.snapshot(), this::who);
    state.remove("type");
    JsonArray online = new JsonArray();
    presence.online().forEach(id -> Optional.ofNullable(members.get(id)).ifPresent(m -> online.add(m.publicView())));
    return state.put("online", online)
        .put("session", RoomEvents.session(session == null ? "closed" : "open", session))
        .put("lastSeq", log.lastSeq());
  }

  // ---------------------------------------------------------------- names

  JsonObject who(String memberId) {
    Membership m = members.get(UUID.fromString(memberId));
    return m == null ? new JsonObject().put("memberId", memberId) : m.publicView();
  }

  String pseudonym(String memberId) {
    Membership m = members.get(UUID.fromString(memberId));
    return m == null ? "someone" : m.pseudonym();
  }

  static String id(Membership m) {
    return m.memberId().toString();
  }
}
