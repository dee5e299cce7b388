package app.talkingstick.http;

import app.talkingstick.Services;
import app.talkingstick.auth.AuthRoutes;
import app.talkingstick.bridge.EventBusBridge;
import app.talkingstick.bridge.SocketRegistry;
import app.talkingstick.channel.CareRoutes;
import app.talkingstick.config.Config;
import app.talkingstick.channel.ChannelRoutes;
import app.talkingstick.group.GroupRoutes;
import app.talkingstick.safety.EscalationRoutes;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API, the event bus socket and the static web client on one port. */
public final class HttpServerVerticle extends VerticleBase {

  public static final int MAX_BODY_BYTES = 64 * 1024;
  public static final int MAX_FRAME_BYTES = 64 * 1024;
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
      + " frame-ancestors 'none'; form-action 'self'";

  private static final Logger LOG = LoggerFactory.getLogger(HttpServerVerticle.class);

  private final Services services;
  private HttpServer server;
  /** Connections whose first request's headers have not arrived yet, with the timer that closes them. */
  private final Map<HttpConnection, Long> awaitingHeaders = new HashMap<>();
  /**
   * The connections counted against their address, with it. A WebSocket leaves the count when its upgrade request
   * arrives (an upgraded connection no longer reports its close here; open sockets are capped per account instead).
   */
  private final Map<HttpConnection, String> counted = new HashMap<>();
  private AddressConnections perAddress;
  private long lastRefusalLog;

  public HttpServerVerticle(Services services) {
    this.services = services;
  }

  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(new ClientAddress(services.config().trustedProxies())).handler(new RequestLog())
        .handler(HttpServerVerticle::securityHeaders);
    new HealthRoutes(services.pool()).mount(router);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(services.metrics()));
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES).setHandleFileUploads(false));
    Authenticated authenticated = new Authenticated(services.auth());
    new AuthRoutes(services.auth(), authenticated, List.of(GroupRoutes.meSection(vertx, services),
        ChannelRoutes.meSection(services))).mount(router);
    new GroupRoutes(services, authenticated).mount(router);
    new ChannelRoutes(services, authenticated).mount(router);
    new CareRoutes(services, authenticated).mount(router);
    new EscalationRoutes(services, authenticated).mount(router);
    router.route("/api/*").handler(ErrorHandling::notFound);
    Config.ConnectionLimits limits = services.config().connections();
    SocketRegistry sockets = EventBusBridge.mount(vertx, router, services.addressRules(), services.tickets(),
        services.config().allowedOrigins(), services.config().maxSocketsPerUser(), services.config().sockets());
    perAddress = AddressConnections.shared(vertx, limits.maxPerAddress());
    Gauge.builder("talkingstick.sockets.open", sockets, SocketRegistry::size)
        .description("Open event bus sockets")
        .tag("verticle", deploymentID())
        .register(services.metrics());
    router.route().handler(StaticHandler.create("webroot").setIndexPage("index.html"));
    router.route().handler(ErrorHandling::notFound);
    router.route().failureHandler(ErrorHandling::onFailure);
    return vertx.createHttpServer(serverOptions())
        .connectionHandler(this::connected)
        .requestHandler(request -> {
          headersArrived(request);
          router.handle(request);
        })
        .listen()
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(5, TimeUnit.SECONDS);
  }

  /**
   * A new connection: refused when its address is at {@code MAX_CONNECTIONS_PER_ADDRESS}, else closed unless its first
   * request's headers arrive within {@code HTTP_HEADER_SECONDS} (a half-sent request holds nothing for long).
   */
  private void connected(HttpConnection connection) {
    // the TCP peer: behind a reverse proxy its address for everyone (TRUSTED_PROXIES cannot help before any header)
    String address = connection.remoteAddress() == null ? "" : connection.remoteAddress().hostAddress();
    if (!perAddress.tryOpen(address)) {
      connection.close();
      long now = System.currentTimeMillis();
      if (now - lastRefusalLog > 60_000) {
        lastRefusalLog = now;
        LOG.warn("Refused connections from an address at MAX_CONNECTIONS_PER_ADDRESS ({}); more are not logged"
            + " for a minute", services.config().connections().maxPerAddress());
      }
      return;
    }
    counted.put(connection, address);
    long headerMs = services.config().connections().headerTimeout().toMillis();
    awaitingHeaders.put(connection, vertx.setTimer(headerMs, id -> {
      if (awaitingHeaders.remove(connection) != null) connection.close();
    }));
    connection.closeHandler(v -> {
      Long timer = awaitingHeaders.remove(connection);
      if (timer != null) vertx.cancelTimer(timer);
      uncount(connection);
    });
  }

  private void headersArrived(HttpServerRequest request) {
    Long timer = awaitingHeaders.remove(request.connection());
    if (timer != null) vertx.cancelTimer(timer);
    if (request.canUpgradeToWebSocket()) uncount(request.connection());
  }

  private void uncount(HttpConnection connection) {
    String address = counted.remove(connection);
    if (address != null) perAddress.closed(address);
  }

  private HttpServerOptions serverOptions() {
    return new HttpServerOptions()
        .setHost(services.config().host())
        .setPort(services.config().port())
        .setMaxWebSocketFrameSize(MAX_FRAME_BYTES)
        .setMaxWebSocketMessageSize(MAX_FRAME_BYTES)
        .setPerFrameWebSocketCompressionSupported(false)
        .setPerMessageWebSocketCompressionSupported(false)
        .setCompressionSupported(false)
        .setHttp2ClearTextEnabled(false) // HTTP/1.1 and WebSocket only: h2c would hide each connection's close
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setIdleTimeout((int) services.config().connections().httpIdle().toSeconds());
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response().headers()
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer")
        .set("X-Frame-Options", "DENY")
        .set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.next();
  }
}
