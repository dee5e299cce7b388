package app.talkingstick.bridge;

import app.talkingstick.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

/**
 * Decides every bridge event for a socket opened through {@link TicketGate}: clients never
 * publish, send and register only where {@link AddressRules} lets this socket, deliveries pass
 * the rules' receive filters, and every message a client sends carries the server's
 * {@link SenderStamp} instead of its own headers. Every event is completed; the guard never
 * writes to the socket itself.
 */
public final class BridgeGuard implements Handler<BridgeEvent> {

  private final AddressRules rules;
  private final SocketRegistry registry;

  public BridgeGuard(AddressRules rules, SocketRegistry registry) {
    this.rules = rules;
    this.registry = registry;
  }

  @Override
  public void handle(BridgeEvent event) {
    Future<Boolean> decision = decide(event);
    if (decision.isComplete()) {
      event.complete(decision.succeeded() && decision.result());
    } else {
      decision.onComplete(result -> event.complete(result.succeeded() && result.result()));
    }
  }

  private Future<Boolean> decide(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    SocketSession session = registry.sessionOf(socket);
    return switch (event.type()) {
      case SOCKET_CREATED -> Future.succeededFuture(opened(socket));
      case SOCKET_CLOSED -> {
        registry.remove(socket);
        yield Future.succeededFuture(true);
      }
      case PUBLISH -> Future.succeededFuture(false);
      case SEND -> send(event, session);
      case REGISTER -> register(event, session);
      case REGISTERED -> {
        rules.registered(session, address(event));
        yield Future.succeededFuture(true);
      }
      case UNREGISTER -> {
        registry.unsubscribe(socket, address(event));
        rules.unregistered(session, address(event));
        yield Future.succeededFuture(true);
      }
      case RECEIVE -> Future.succeededFuture(rules.mayReceive(session, address(event)));
      case SOCKET_IDLE, SOCKET_PING, SOCKET_ERROR -> Future.succeededFuture(true);
    };
  }

  private boolean opened(SockJSSocket socket) {
    Principal principal = TicketGate.principalOf(socket.routingContext());
    return principal != null && registry.add(socket, principal);
  }

  private Future<Boolean> send(BridgeEvent event, SocketSession session) {
    return rules.maySend(session, address(event)).map(allowed -> {
      if (allowed) event.getRawMessage().put("headers", SenderStamp.headersFor(session.principal()));
      return allowed;
    });
  }

  /** Subscribed at approval, before the bridge registers its own handler, so no broadcast falls in between. */
  private Future<Boolean> register(BridgeEvent event, SocketSession session) {
    String address = address(event);
    return rules.mayRegister(session, address).map(allowed -> {
      if (allowed) registry.subscribe(event.socket(), address);
      return allowed;
    });
  }

  private static String address(BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    return raw == null ? null : raw.getString("address");
  }
}
