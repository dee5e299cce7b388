package app.talkingstick.bridge;

import app.talkingstick.auth.AuthService;
import app.talkingstick.auth.TicketStore;
import app.talkingstick.config.Config;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * Mounts the event bus bridge at {@code /eventbus}, WebSocket transports only, behind the {@link TicketGate}: the
 * SockJS handler accepts the socket and hands it to our own {@link SocketBridge}, which speaks vertx-web's bridge
 * protocol and asks the {@link BridgeGuard} about everything.
 */
public final class EventBusBridge {
  private EventBusBridge() {}

  public static final int MAX_HANDLERS_PER_SOCKET = 16;
  public static final int MAX_ADDRESS_LENGTH = 120;
  public static final long PING_TIMEOUT_MS = 90_000;
  public static final long REPLY_TIMEOUT_MS = 30_000;

  /** One write budget per server process: the HTTP verticles share it, so the total holds whatever their number. */
  private static final Map<Vertx, WriteBudget> BUDGETS = Collections.synchronizedMap(new WeakHashMap<>());

  public static SocketRegistry mount(Vertx vertx, Router router, AddressRules rules, TicketStore tickets,
                                     List<String> allowedOrigins, int maxSocketsPerAccount, Config.SocketLimits limits) {
    SocketRegistry registry = new SocketRegistry(vertx, maxSocketsPerAccount);
    SockJSHandlerOptions sockJs = new SockJSHandlerOptions()
        .setInsertJSESSIONID(false)
        .setRegisterWriteHandler(false)
        .setHeartbeatInterval(25_000);
    for (Transport polling : List.of(Transport.XHR, Transport.EVENT_SOURCE, Transport.HTML_FILE, Transport.JSON_P)) {
      sockJs.addDisabledTransport(polling.name());
    }
    SocketBridge bridge = new SocketBridge(vertx, new BridgeGuard(rules, registry),
        new SocketBridge.Limits(MAX_HANDLERS_PER_SOCKET, MAX_ADDRESS_LENGTH, PING_TIMEOUT_MS, REPLY_TIMEOUT_MS,
            limits.framesPerSecond(), limits.frameBurst()),
        BUDGETS.computeIfAbsent(vertx, v -> WriteBudget.of(limits.maxQueuedBytes(), limits.totalQueuedBytes())));
    router.route("/eventbus/*").handler(new TicketGate(tickets, registry, allowedOrigins));
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, sockJs).socketHandler(bridge));
    vertx.eventBus().<String>consumer(AuthService.SIGNED_OUT_ADDRESS, msg ->
        registry.closeAll(UUID.fromString(msg.body()), SocketRegistry.CLOSE_SIGNED_OUT, "signed out"));
    rules.attach(vertx, registry);
    BroadcastFanout.attach(vertx, registry, rules);
    return registry;
  }
}
