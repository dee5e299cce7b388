package app.talkingstick.bridge;

import app.talkingstick.auth.Principal;
import app.talkingstick.auth.TicketStore;
import app.talkingstick.http.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs before the SockJS bridge: only WebSocket endpoints, only from an allowed Origin, only with
 * a single-use ticket, and only while the account has fewer sockets than its cap. A refused
 * handshake gets an HTTP error and never becomes a socket.
 */
public final class TicketGate implements Handler<RoutingContext> {

  private static final String PRINCIPAL = "ts.socket.principal";
  private static final Pattern WEBSOCKET_PATH = Pattern.compile("/eventbus/(websocket|[^/.]+/[^/.]+/websocket)");

  private final TicketStore tickets;
  private final SocketRegistry registry;
  private final List<String> allowedOrigins;

  public TicketGate(TicketStore tickets, SocketRegistry registry, List<String> allowedOrigins) {
    this.tickets = tickets;
    this.registry = registry;
    this.allowedOrigins = allowedOrigins;
  }

  public static Principal principalOf(RoutingContext ctx) {
    return ctx == null ? null : ctx.get(PRINCIPAL);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!WEBSOCKET_PATH.matcher(request.path()).matches()) {
      ctx.fail(ApiError.notFound("Only the WebSocket endpoint /eventbus/websocket is served."));
      return;
    }
    if (!originAllowed(request)) {
      ctx.fail(new ApiError(403, "ORIGIN_NOT_ALLOWED", "This origin may not open a socket."));
      return;
    }
    String ticket = request.getParam("ticket");
    if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
      ctx.fail(new ApiError(401, "TICKET_REQUIRED", "Open the socket with ?ticket= from POST /api/auth/ws-ticket."));
      return;
    }
    request.pause();
    tickets.redeem(ticket).onComplete(result -> {
      request.resume();
      if (result.failed()) {
        ctx.fail(result.cause());
      } else if (result.result().isEmpty()) {
        ctx.fail(new ApiError(401, "INVALID_TICKET", "That ticket is unknown, used or expired. Ask for a new one."));
      } else if (!registry.hasRoomFor(result.result().get().accountId())) {
        ctx.fail(ApiError.rateLimited("Too many open sockets for this account. Close one first.", 5));
      } else {
        ctx.put(PRINCIPAL, result.result().get());
        ctx.next();
      }
    });
  }

  private boolean originAllowed(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) return false;
    if (!allowedOrigins.isEmpty()) return allowedOrigins.contains(origin);
    String host = request.authority() == null ? null : request.authority().toString();
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }
}
