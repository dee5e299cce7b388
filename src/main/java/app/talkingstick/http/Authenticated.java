package app.talkingstick.http;

import app.talkingstick.auth.AccessTokens;
import app.talkingstick.auth.AuthService;
import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** Requires a valid bearer access token; the principal is then available through {@link #principal}. */
public final class Authenticated implements Handler<RoutingContext> {

  private static final String KEY = "ts.principal";
  private final AuthService auth;

  public Authenticated(AuthService auth) {
    this.auth = auth;
  }

  public static Principal principal(RoutingContext ctx) {
    Principal principal = ctx.get(KEY);
    if (principal == null) throw new IllegalStateException("route is not behind Authenticated");
    return principal;
  }

  /** The principal, if it has one of the given roles; otherwise a 403. */
  public static Principal requireRole(RoutingContext ctx, Role... roles) {
    Principal principal = principal(ctx);
    if (!Set.of(roles).contains(principal.role())) {
      throw ApiError.forbidden("Your account may not do that.");
    }
    return principal;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.fail(ApiError.unauthorized("Sign in first: send Authorization: Bearer <accessToken>."));
      return;
    }
    auth.authenticate(header.substring(7).trim()).onComplete(result -> {
      if (result.succeeded()) {
        ctx.put(KEY, result.result());
        ctx.next();
      } else if (result.cause() instanceof AccessTokens.InvalidToken) {
        ctx.fail(ApiError.unauthorized("The access token is invalid or expired."));
      } else {
        ctx.fail(result.cause());
      }
    });
  }
}
