package app.talkingstick.group;

import static app.talkingstick.group.LiveRoom.id;

import app.talkingstick.Services;
import app.talkingstick.bridge.SenderStamp;
import app.talkingstick.conversation.ConversationLog;
import app.talkingstick.conversation.Reply;
import app.talkingstick.live.LiveDirectoryVerticle;
import app.talkingstick.safety.ModerationStore;
import app.talkingstick.safety.SafetyNet;
import app.talkingstick.turns.TurnState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facilitator of one live group room: the single owner of its state ({@link LiveRoom}), touched
 * only on this verticle's context. It starts the room from PostgreSQL, hands each action a member
 * sends to the family that owns it (saying, the floor, moderation, sessions, pull-aside,
 * reactions), keeps presence and membership up to date, and stops the room when it is idle.
 */
public final class FacilitatorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(FacilitatorVerticle.class);

  /** The kind of conversation this verticle owns, for the live directory. */
  public static final String KIND = "group";

  private final UUID groupId;
  private final Services services;
  private final Duration idleAfter;
  private final GroupMessageStore messages;
  private final RoomStore rooms;
  private final ModerationStore moderation;
  private final Map<String, RoomAction> actions = new HashMap<>();
  private LiveRoom room;
  private SessionActions sessions;
  private Instant lastActivity = Instant.now();
  private boolean stopping;

  public FacilitatorVerticle(UUID groupId, Services services) {
    this.groupId = groupId;
    this.services = services;
    this.idleAfter = services.config().roomIdle();
    this.messages = new GroupMessageStore(services.pool());
    this.rooms = new RoomStore(services.pool());
    this.moderation = new ModerationStore(services.pool(), services.channelCipher());
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public Future<?> start() {
    room = new LiveRoom(groupId, services, vertx);
    registerFamilies();
    return rooms.config(groupId)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new IllegalArgumentException("no such group " + groupId))))
        .compose(cfg -> {
          room.config = cfg;
          room.turns = TurnState.initial(cfg.mode(), cfg.settings());
          return services.memberships().ofGroup(groupId);
        })
        .compose(list -> {
          list.forEach(room::remember);
          return messages.lastSeq(groupId);
        })
        .compose(last -> {
          room.log = new ConversationLog<>(last, services.config().moderatesAndStores()
              ? batch -> services.groupMessages().insert(groupId, batch)
              : ConversationLog.notStored(GroupMessageStore.NewMessage::seq));
          return rooms.openSession(groupId);
        })
        .compose(open -> {
          open.ifPresent(sessions::resume);
          return Future.all(moderation.groupTerms(groupId), moderation.activeMutes(groupId));
        })
        .compose(loaded -> {
          room.conduct = new RoomConduct(loaded.resultAt(0), loaded.resultAt(1), services.config().floodBurst(),
              services.config().floodRefill());
          vertx.setPeriodic(Math.max(1_000, idleAfter.toMillis() / 4), id -> checkIdle());
          return Future.all(
              vertx.eventBus().<Object>consumer(GroupAddresses.in(groupId), this::onAction).completion(),
              vertx.eventBus().<JsonObject>consumer(GroupAddresses.control(groupId), this::onControl).completion());
        })
        .onSuccess(v -> LOG.info("Room {} is live (last seq {})", groupId, room.log.lastSeq()));
  }

  private void registerFamilies() {
    ModerationActions moderating = new ModerationActions(room, moderation);
    sessions = new SessionActions(room, rooms);
    for (RoomAction.Family family : new RoomAction.Family[] {
        new RoomSay(room, moderating, new SafetyNet(services), messages), new FloorActions(room, rooms), moderating, sessions,
        new PullAsideActions(room), new ReactionActions(room, messages)}) {
      family.register(actions);
    }
  }

  @Override
  public Future<?> stop() {
    room.cancelDeadline();
    sessions.cancelPrompts();
    return room.log == null ? Future.succeededFuture() : room.log.drain().onComplete(v -> LOG.info("Room {} stopped", groupId));
  }

  private void checkIdle() {
    boolean quiet = room.presence.isEmpty() && room.log.idle();
    if (!stopping && quiet && Duration.between(lastActivity, Instant.now()).compareTo(idleAfter) >= 0) {
      stopping = true;
      LiveDirectoryVerticle.reportIdle(vertx, KIND, groupId, deploymentID());
    }
  }

  // ---------------------------------------------------------------- actions from members

  private void onAction(Message<Object> msg) {
    lastActivity = Instant.now();
    if (!(msg.body() instanceof JsonObject body) || !(body.getValue("type") instanceof String type)) {
      msg.reply(Reply.invalid("An action is a JSON object with a string field 'type'."));
      return;
    }
    SenderStamp.Sender sender = SenderStamp.read(msg.headers());
    Membership member = sender == null ? null : room.byAccount(sender.accountId());
    if (member == null) {
      msg.reply(Reply.refused("NOT_MEMBER", "You are not a member of this group."));
      return;
    }
    RoomAction action = actions.get(type);
    if (action == null) {
      msg.reply(Reply.invalid("Unknown action type '" + type + "'."));
      return;
    }
    try {
      action.run(msg, member, body, Instant.now());
    } catch (RoomAction.BadAction e) {
      msg.reply(Reply.invalid(e.getMessage()));
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
      case "agreement-changed" -> rooms.config(groupId).onSuccess(cfg -> cfg.ifPresent(c -> room.config = c));
      case "state" -> msg.reply(room.liveState());
      default -> LOG.debug("Room {}: ignored control event", groupId);
    }
  }

  private void presenceChanged(JsonObject event) {
    lastActivity = Instant.now();
    UUID accountId = UUID.fromString(event.getString("accountId"));
    Membership member = room.byAccount(accountId);
    if (member == null) {
      // a member who joined a moment ago: their join may not have been loaded yet
      services.memberships().find(groupId, accountId).onSuccess(found -> found.ifPresent(m -> {
        room.remember(m);
        presenceChanged(event);
      }));
      return;
    }
    String socket = event.getString("socketId");
    boolean changed = event.getBoolean("online")
        ? room.presence.connect(member.memberId(), socket)
        : room.presence.disconnect(member.memberId(), socket);
    if (!changed) return;
    Instant now = Instant.now();
    if (!room.steppedAway.contains(member.memberId())) {
      room.apply(room.presence.isOnline(member.memberId())
          ? room.turns.join(id(member), member.isStaff(), now) : room.turns.leave(id(member), now));
    }
    room.publishPresence();
  }

  private void reloadMember(UUID memberId) {
    services.memberships().findMember(groupId, memberId).onSuccess(found -> found.ifPresent(room::remember));
  }

  private void memberGone(UUID memberId, boolean removed) {
    room.forget(memberId).ifPresent(gone -> {
      room.apply(room.turns.removeMember(id(gone), Instant.now()));
      room.publishPresence();
      if (removed) room.publishOut(RoomEvents.moderation("removed", memberId, null));
    });
  }
}
