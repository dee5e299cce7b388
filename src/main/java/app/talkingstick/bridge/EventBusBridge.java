package app.talkingstick.bridge;

import app.talkingstick.auth.AuthService;
import app.talkingstick.auth.TicketStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;
import io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl;
import java.util.List;
import java.util.UUID;

/**
 * Mounts the SockJS event bus bridge at {@code /eventbus}, WebSocket transports only, behind the gate and guard. The
 * bridge is built here rather than by {@code SockJSHandler.bridge}, which is that one line, so that it is handed each
 * socket wrapped in a {@link GuardedSocket}: vertx-web has no public hook that sees every frame in and out.
 */
public final class EventBusBridge {
  private EventBusBridge() {}

  public static final int MAX_HANDLERS_PER_SOCKET = 16;
  public static final long PING_TIMEOUT_MS = 90_000;

  public static SocketRegistry mount(Vertx vertx, Router router, AddressRules rules, TicketStore tickets,
                                     List<String> allowedOrigins, int maxSocketsPerAccount,
                                     int framesPerSecond, int frameBurst, int maxQueuedBytes) {
    SocketRegistry registry = new SocketRegistry(vertx, maxSocketsPerAccount);
    SockJSHandlerOptions sockJs = new SockJSHandlerOptions()
        .setInsertJSESSIONID(false)
        .setRegisterWriteHandler(false)
        .setHeartbeatInterval(25_000);
    for (Transport polling : List.of(Transport.XHR, Transport.EVENT_SOURCE, Transport.HTML_FILE, Transport.JSON_P)) {
      sockJs.addDisabledTransport(polling.name());
    }
    SockJSBridgeOptions bridge = new SockJSBridgeOptions()
        .setInboundPermitteds(rules.inboundPermitted())
        .setOutboundPermitteds(rules.outboundPermitted())
        .setMaxHandlersPerSocket(MAX_HANDLERS_PER_SOCKET)
        .setMaxAddressLength(120)
        .setPingTimeout(PING_TIMEOUT_MS)
        .setReplyTimeout(30_000);
    router.route("/eventbus/*").handler(new TicketGate(tickets, registry, allowedOrigins));
    EventBusBridgeImpl bridgeHandler = new EventBusBridgeImpl(vertx, null, bridge, new BridgeGuard(rules, registry));
    WriteBudget budget = WriteBudget.shared(vertx, maxQueuedBytes);
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, sockJs).socketHandler(socket ->
        bridgeHandler.handle(new GuardedSocket(socket, vertx, framesPerSecond, frameBurst, budget))));
    vertx.eventBus().<String>consumer(AuthService.SIGNED_OUT_ADDRESS, msg ->
        registry.closeAll(UUID.fromString(msg.body()), SocketRegistry.CLOSE_SIGNED_OUT, "signed out"));
    rules.attach(vertx, registry);
    BroadcastFanout.attach(vertx, registry, rules);
    return registry;
  }
}
