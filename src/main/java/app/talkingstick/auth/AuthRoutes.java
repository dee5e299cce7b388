package app.talkingstick.auth;

import app.talkingstick.http.Authenticated;
import app.talkingstick.http.Bodies;
import app.talkingstick.http.ClientAddress;
import app.talkingstick.http.Respond;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/auth/*}, {@code /api/me} and {@code /api/admin/therapists}. */
public final class AuthRoutes {

  /** Lets later features add their part of {@code GET /api/me} (groups, channels). */
  public interface MeSection {
    Future<Void> addTo(JsonObject me, Principal principal);
  }

  private final AuthService auth;
  private final Authenticated authenticated;
  private final java.util.List<MeSection> meSections;

  public AuthRoutes(AuthService auth, Authenticated authenticated, java.util.List<MeSection> meSections) {
    this.auth = auth;
    this.authenticated = authenticated;
    this.meSections = meSections;
  }

  public void mount(Router router) {
    router.post("/api/auth/register").handler(this::register);
    router.post("/api/auth/login").handler(this::login);
    router.post("/api/auth/refresh").handler(this::refresh);
    router.post("/api/auth/logout").handler(authenticated).handler(this::logout);
    router.post("/api/auth/ws-ticket").handler(authenticated).handler(this::ticket);
    router.get("/api/me").handler(authenticated).handler(this::me);
    router.post("/api/admin/therapists").handler(authenticated).handler(this::createTherapist);
  }

  private void register(RoutingContext ctx) {
    Respond.json(ctx, 201, auth.register(Bodies.json(ctx), remoteAddress(ctx)).map(AuthRoutes::summary));
  }

  private void createTherapist(RoutingContext ctx) {
    Authenticated.requireRole(ctx, Role.ADMIN);
    Respond.json(ctx, 201, auth.createAccount(Bodies.json(ctx), Role.THERAPIST).map(AuthRoutes::summary));
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    Respond.json(ctx, 200, auth.login(Bodies.string(body, "username"), Bodies.string(body, "password"), remoteAddress(ctx)));
  }

  /** The client's address: the TCP peer, or the one a trusted reverse proxy forwards (TRUSTED_PROXIES). */
  private static String remoteAddress(RoutingContext ctx) {
    return ClientAddress.of(ctx);
  }

  private void refresh(RoutingContext ctx) {
    Respond.json(ctx, 200, auth.refresh(Bodies.string(Bodies.json(ctx), "refreshToken")));
  }

  private void logout(RoutingContext ctx) {
    Respond.noContent(ctx, auth.logout(Authenticated.principal(ctx)));
  }

  private void ticket(RoutingContext ctx) {
    Respond.json(ctx, 200, auth.issueTicket(Authenticated.principal(ctx)));
  }

  private void me(RoutingContext ctx) {
    Principal principal = Authenticated.principal(ctx);
    Future<JsonObject> me = auth.accounts().byId(principal.accountId()).compose(account -> {
      JsonObject json = account.orElseThrow().toJson().put("groups", new JsonArray()).put("channels", new JsonArray());
      Future<Void> all = Future.succeededFuture();
      for (MeSection section : meSections) all = all.compose(v -> section.addTo(json, principal));
      return all.map(json);
    });
    Respond.json(ctx, 200, me);
  }

  private static JsonObject summary(Account account) {
    return new JsonObject().put("id", account.id().toString()).put("username", account.username())
        .put("role", account.role().wire()).put("displayName", account.displayName());
  }
}
