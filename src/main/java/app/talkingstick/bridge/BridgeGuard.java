package app.talkingstick.bridge;

import app.talkingstick.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

/**
 * Every decision the {@link SocketBridge} asks about a socket opened through {@link TicketGate} (a client's publish
 * is refused by the bridge itself, always): who it is, that it sends and registers only where {@link AddressRules} lets it, which
 * deliveries pass the rules' receive filters, and the {@link SenderStamp} that replaces whatever headers a client
 * wrote. It also keeps the {@link SocketRegistry} in step with what each socket registered. The guard never writes to
 * a socket.
 */
public final class BridgeGuard {

  private final AddressRules rules;
  private final SocketRegistry registry;

  public BridgeGuard(AddressRules rules, SocketRegistry registry) {
    this.rules = rules;
    this.registry = registry;
  }

  /** The new socket's session, or null to refuse it (no principal from the gate, or the account is at its cap). */
  SocketSession opened(SockJSSocket socket, SocketOut out) {
    Principal principal = TicketGate.principalOf(socket.routingContext());
    if (principal == null || !registry.add(socket, principal, out)) return null;
    return registry.sessionOf(socket);
  }

  void closed(SockJSSocket socket) {
    registry.remove(socket);
  }

  Future<Boolean> maySend(SocketSession session, String address) {
    return rules.maySend(session, address);
  }

  /** The headers a message sent by this socket carries: the stamp, never the client's own. */
  JsonObject headersFor(SocketSession session) {
    return SenderStamp.headersFor(session.principal());
  }

  Future<Boolean> mayRegister(SocketSession session, String address) {
    return rules.mayRegister(session, address);
  }

  /** The bridge listens to {@code address} for this socket from now on: {@link Broadcast}s to it reach the socket. */
  void subscribed(SockJSSocket socket, String address) {
    registry.subscribe(socket, address);
  }

  /** The registration is live on the event bus. */
  void registered(SocketSession session, String address) {
    rules.registered(session, address);
  }

  /** The socket unregistered {@code address}, or closed while registered. */
  void unregistered(SockJSSocket socket, SocketSession session, String address) {
    registry.unsubscribe(socket, address);
    rules.unregistered(session, address);
  }

  boolean mayReceive(SocketSession session, String address) {
    return rules.mayReceive(session, address);
  }

  /** The bridge's permitted lists: an address some send rule covers (replies to a waiting message aside). */
  boolean permitsInbound(String address) {
    return rules.coversSend(address);
  }

  /** An address some register rule covers. */
  boolean permitsOutbound(String address) {
    return rules.coversRegister(address);
  }
}
