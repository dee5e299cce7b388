package app.talkingstick.http;

import app.talkingstick.config.TrustedProxies;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Works out once per request which address the per-address limits (sign-in throttle, registrations) count: the TCP
 * peer, or behind a trusted reverse proxy the client it names in {@code X-Forwarded-For} (see {@link TrustedProxies}).
 * Connection caps count TCP peers and cannot use this (the headers arrive after the connection is counted).
 */
public final class ClientAddress implements Handler<RoutingContext> {

  private static final String KEY = "talkingstick.clientAddress";
  private final TrustedProxies trusted;

  public ClientAddress(TrustedProxies trusted) {
    this.trusted = trusted;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.put(KEY, of(ctx.request(), trusted));
    ctx.next();
  }

  /** The client address of this request ({@code "unknown"} when the connection has no peer address). */
  public static String of(RoutingContext ctx) {
    String address = ctx.get(KEY);
    return address != null ? address : peer(ctx.request());
  }

  static String of(HttpServerRequest request, TrustedProxies trusted) {
    String peer = peer(request);
    if (trusted.isEmpty()) return peer;
    return trusted.clientAddress(peer, request.headers().getAll("X-Forwarded-For"));
  }

  private static String peer(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }
}
