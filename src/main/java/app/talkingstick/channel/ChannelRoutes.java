package app.talkingstick.channel;

import app.talkingstick.conversation.HistoryPage;
import app.talkingstick.Services;
import app.talkingstick.auth.AuthRoutes;
import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import app.talkingstick.http.ApiError;
import app.talkingstick.http.Authenticated;
import app.talkingstick.http.Bodies;
import app.talkingstick.http.Input;
import app.talkingstick.http.Respond;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * {@code /api/channels/*}: parses paths, queries and bodies, and leaves every decision about who
 * may do what to {@link ChannelService}.
 */
public final class ChannelRoutes {

  private final Authenticated authenticated;
  private final ChannelService channels;

  public ChannelRoutes(Services services, Authenticated authenticated) {
    this.authenticated = authenticated;
    this.channels = new ChannelService(services);
  }

  /** The {@code channels} part of {@code GET /api/me}: the same items as {@code GET /api/channels}. */
  public static AuthRoutes.MeSection meSection(Services services) {
    return new ChannelService(services).meSection();
  }

  public void mount(Router router) {
    router.get("/api/channels").handler(authenticated).handler(this::list);
    router.post("/api/channels").handler(authenticated).handler(this::open);
    router.get("/api/channels/:channelId").handler(authenticated).handler(this::view);
    router.get("/api/channels/:channelId/messages").handler(authenticated).handler(this::messages);
    router.post("/api/channels/:channelId/read").handler(authenticated).handler(this::read);
  }

  private void list(RoutingContext ctx) {
    Respond.json(ctx, 200, channels.listFor(Authenticated.principal(ctx)).map(list -> new JsonObject().put("channels", list)));
  }

  private void open(RoutingContext ctx) {
    Principal caller = Authenticated.requireRole(ctx, Role.THERAPIST);
    UUID clientId = Input.uuid(Bodies.json(ctx), "clientId");
    channels.open(caller, clientId).onComplete(r -> {
      if (r.succeeded()) Bodies.send(ctx, r.result().created() ? 201 : 200, r.result().channel());
      else ctx.fail(r.cause());
    });
  }

  private void view(RoutingContext ctx) {
    Respond.json(ctx, 200, channels.view(Authenticated.principal(ctx), channelId(ctx)));
  }

  private void messages(RoutingContext ctx) {
    UUID channelId = channelId(ctx);
    Long after = Input.wholeQuery(ctx, "after");
    Long before = Input.wholeQuery(ctx, "before");
    if (after != null && before != null) throw ApiError.invalid("Use either after or before, not both.");
    int limit = Input.limitQuery(ctx, HistoryPage.DEFAULT_LIMIT, HistoryPage.MAX_LIMIT);
    HistoryPage page = new HistoryPage(after, before, limit);
    Respond.json(ctx, 200, channels.history(Authenticated.principal(ctx), channelId, page));
  }

  private void read(RoutingContext ctx) {
    UUID channelId = channelId(ctx);
    long seq = Input.whole(Bodies.json(ctx), "seq", 0, Long.MAX_VALUE, null);
    Respond.noContent(ctx, channels.markRead(Authenticated.principal(ctx), channelId, seq));
  }

  private static UUID channelId(RoutingContext ctx) {
    return Input.pathUuid(ctx, "channelId");
  }
}
