package app.talkingstick.group;

import app.talkingstick.bridge.AddressRules;
import app.talkingstick.bridge.SocketRegistry;
import app.talkingstick.bridge.SocketSession;
import app.talkingstick.live.LiveDirectoryVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * Who may use a group's addresses from a socket: members send to {@code .in} and listen to
 * {@code .out}, the group's therapists also to {@code .staff}. A socket's verified membership is
 * remembered on its session and dropped the moment the member leaves or is removed, so their
 * socket stops receiving the room at once, without waiting for a new check.
 */
public final class GroupAccess {

  private static final String REVOKED = "revoked";

  private final Vertx vertx;
  private final MembershipStore memberships;

  public GroupAccess(Vertx vertx, MembershipStore memberships) {
    this.vertx = vertx;
    this.memberships = memberships;
  }

  public void install(AddressRules rules) {
    rules.allowSend(GroupAddresses.IN_RE, (socket, address) -> member(socket, address)
            .compose(m -> isPresent(socket, address) ? Future.succeededFuture(m.isPresent()) : roomRunning(m)))
        .allowRegister(GroupAddresses.OUT_RE, (socket, address) -> member(socket, address).compose(this::roomRunning))
        .allowRegister(GroupAddresses.STAFF_RE, (socket, address) -> member(socket, address)
            .map(m -> m.isPresent() && m.get().isStaff()))
        .filterReceive(GroupAddresses.OUT_RE, (socket, address) -> known(socket, address) != null)
        .filterReceive(GroupAddresses.STAFF_RE, (socket, address) -> {
          Membership m = known(socket, address);
          return m != null && m.isStaff();
        })
        .onRegistered(GroupAddresses.OUT_RE, (socket, address) -> presence(socket, address, true))
        .onUnregistered(GroupAddresses.OUT_RE, (socket, address) -> presence(socket, address, false))
        .onAttach(this::followMembershipChanges);
  }

  private static String key(UUID groupId) {
    return "group:" + groupId;
  }

  private static UUID groupOf(Matcher address) {
    return UUID.fromString(address.group(1));
  }

  /** The socket's membership of the addressed group, verified once and then remembered. */
  private Future<Optional<Membership>> member(SocketSession socket, Matcher address) {
    UUID groupId = groupOf(address);
    Object known = socket.fact(key(groupId));
    if (known instanceof Membership m) return Future.succeededFuture(Optional.of(m));
    return memberships.find(groupId, socket.accountId()).map(found -> {
      found.ifPresent(m -> socket.remember(key(groupId), m));
      return found;
    });
  }

  private static Membership known(SocketSession socket, Matcher address) {
    return socket.fact(key(groupOf(address))) instanceof Membership m ? m : null;
  }

  /** Makes sure the room's facilitator is running before the socket talks to or listens to it. */
  private Future<Boolean> roomRunning(Optional<Membership> membership) {
    if (membership.isEmpty()) return Future.succeededFuture(false);
    return LiveDirectoryVerticle.ensure(vertx, FacilitatorVerticle.KIND, membership.get().groupId()).map(true);
  }

  /** A socket listening to the room keeps it running, so its sends need not ask the directory. */
  private static boolean isPresent(SocketSession socket, Matcher address) {
    return socket.fact(presentKey(groupOf(address))) != null;
  }

  private static String presentKey(UUID groupId) {
    return "present:" + groupId;
  }

  private void presence(SocketSession socket, Matcher address, boolean online) {
    UUID groupId = groupOf(address);
    if (online && known(socket, address) == null) return;
    if (online) socket.remember(presentKey(groupId), Boolean.TRUE);
    else socket.forget(presentKey(groupId));
    vertx.eventBus().publish(GroupAddresses.control(groupId), new JsonObject()
        .put("type", "presence")
        .put("accountId", socket.accountId().toString())
        .put("socketId", socket.id())
        .put("online", online));
  }

  private static void revoke(SocketSession socket, UUID groupId) {
    socket.remember(key(groupId), REVOKED);
    socket.forget(presentKey(groupId));
    socket.forgetReceiveDecisions();
  }

  private void followMembershipChanges(Vertx vertx, SocketRegistry registry) {
    vertx.eventBus().<JsonObject>consumer(GroupAddresses.MEMBERSHIP_CHANGED, msg -> {
      JsonObject change = msg.body();
      if (change.getString("accountId") == null) return;
      UUID groupId = UUID.fromString(change.getString("groupId"));
      String type = change.getString("type");
      boolean gone = "member-removed".equals(type) || "member-left".equals(type);
      for (SocketSession socket : registry.sessionsOf(UUID.fromString(change.getString("accountId")))) {
        if (gone) {
          revoke(socket, groupId);
        } else {
          memberships.find(groupId, socket.accountId()).onSuccess(found -> {
            if (found.isPresent()) socket.remember(key(groupId), found.get());
            else revoke(socket, groupId);
            socket.forgetReceiveDecisions();
          });
        }
      }
    });
  }
}
