package app.talkingstick.group;

import app.talkingstick.conversation.HistoryPage;
import app.talkingstick.Services;
import app.talkingstick.auth.AuthRoutes;
import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import app.talkingstick.group.GroupStore.NewGroup;
import app.talkingstick.http.ApiError;
import app.talkingstick.http.Authenticated;
import app.talkingstick.http.Bodies;
import app.talkingstick.http.Input;
import app.talkingstick.http.Respond;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/groups/*}: parses paths, queries and bodies, and leaves every decision about who
 * may do what to {@link GroupService}.
 */
public final class GroupRoutes {

  static final Set<String> MODES = Set.of("open", "raise-hand", "round-robin", "paused");
  static final Set<String> QUEUE_ORDERS = Set.of("fifo", "equity");
  private static final int MAX_AGREEMENT = 10_000;
  private static final int MAX_REASON = 500;
  private static final int DEFAULT_AUDIT_LIMIT = 50;
  private static final int MAX_AUDIT_LIMIT = 200;

  private final Authenticated authenticated;
  private final GroupService groups;

  /** Must be created on a Vert.x context (a verticle's start). */
  public GroupRoutes(Services services, Authenticated authenticated) {
    this(services, authenticated, currentVertx());
  }

  public GroupRoutes(Services services, Authenticated authenticated, Vertx vertx) {
    this.authenticated = authenticated;
    this.groups = new GroupService(vertx, services);
  }

  private static Vertx currentVertx() {
    Context context = Vertx.currentContext();
    if (context == null) throw new IllegalStateException("GroupRoutes must be created on a Vert.x context");
    return context.owner();
  }

  /** The {@code groups} part of {@code GET /api/me}: the same items as {@code GET /api/groups}. */
  public static AuthRoutes.MeSection meSection(Vertx vertx, Services services) {
    return new GroupService(vertx, services).meSection();
  }

  public void mount(Router router) {
    router.post("/api/groups").handler(authenticated).handler(this::create);
    router.get("/api/groups").handler(authenticated).handler(this::list);
    router.post("/api/groups/join").handler(authenticated).handler(this::join);
    router.get("/api/groups/:groupId").handler(authenticated).handler(this::view);
    router.post("/api/groups/:groupId/invites").handler(authenticated).handler(this::createInvite);
    router.get("/api/groups/:groupId/invites").handler(authenticated).handler(this::listInvites);
    router.delete("/api/groups/:groupId/invites/:code").handler(authenticated).handler(this::revokeInvite);
    router.get("/api/groups/:groupId/agreement").handler(authenticated).handler(this::agreement);
    router.put("/api/groups/:groupId/agreement").handler(authenticated).handler(this::changeAgreement);
    router.post("/api/groups/:groupId/agreement/accept").handler(authenticated).handler(this::acceptAgreement);
    router.post("/api/groups/:groupId/leave").handler(authenticated).handler(this::leave);
    router.delete("/api/groups/:groupId/members/:memberId").handler(authenticated).handler(this::removeMember);
    router.get("/api/groups/:groupId/messages").handler(authenticated).handler(this::messages);
    router.get("/api/groups/:groupId/audit").handler(authenticated).handler(this::audit);
  }

  private void create(RoutingContext ctx) {
    Principal caller = Authenticated.requireRole(ctx, Role.THERAPIST);
    JsonObject body = Bodies.json(ctx);
    NewGroup group = new NewGroup(
        Input.text(body, "name", 1, 80, true, null),
        Input.text(body, "description", 0, 1000, false, ""),
        Input.text(body, "topic", 0, 200, true, ""),
        Input.choice(body, "mode", MODES, null),
        Input.integer(body, "capacity", 2, 50, null),
        Input.integer(body, "turnSeconds", 0, 3600, 120),
        Input.integer(body, "sessionMinutes", 5, 480, 60),
        Input.integer(body, "slowModeSeconds", 0, 3600, 0),
        Input.choice(body, "queueOrder", QUEUE_ORDERS, "fifo"),
        Input.text(body, "agreement", 1, MAX_AGREEMENT, false, GroupService.DEFAULT_AGREEMENT));
    Respond.json(ctx, 201, groups.create(caller, group));
  }

  private void list(RoutingContext ctx) {
    Respond.json(ctx, 200, groups.listFor(Authenticated.principal(ctx)).map(list -> new JsonObject().put("groups", list)));
  }

  private void view(RoutingContext ctx) {
    Respond.json(ctx, 200, groups.view(Authenticated.principal(ctx), groupId(ctx)));
  }

  private void createInvite(RoutingContext ctx) {
    UUID groupId = groupId(ctx);
    JsonObject body = Input.optionalJson(ctx);
    int hours = Input.integer(body, "expiresInHours", 1, 720, 72);
    int maxUses = Input.integer(body, "maxUses", 1, 100, 1);
    Respond.json(ctx, 201, groups.createInvite(Authenticated.principal(ctx), groupId, hours, maxUses));
  }

  private void listInvites(RoutingContext ctx) {
    Respond.json(ctx, 200, groups.listInvites(Authenticated.principal(ctx), groupId(ctx)));
  }

  private void revokeInvite(RoutingContext ctx) {
    UUID groupId = groupId(ctx);
    Respond.noContent(ctx, groups.revokeInvite(Authenticated.principal(ctx), groupId, ctx.pathParam("code")));
  }

  private void join(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    String code = Bodies.string(body, "code");
    String pseudonym = Bodies.string(body, "pseudonym");
    boolean accepted = Boolean.TRUE.equals(body.getValue("agreementAccepted"));
    Respond.json(ctx, 201, groups.join(Authenticated.principal(ctx), code, pseudonym, accepted));
  }

  private void agreement(RoutingContext ctx) {
    Respond.json(ctx, 200, groups.agreement(Authenticated.principal(ctx), groupId(ctx)));
  }

  private void changeAgreement(RoutingContext ctx) {
    UUID groupId = groupId(ctx);
    String text = Input.text(Bodies.json(ctx), "text", 1, MAX_AGREEMENT, false, null);
    Respond.json(ctx, 200, groups.changeAgreement(Authenticated.principal(ctx), groupId, text));
  }

  private void acceptAgreement(RoutingContext ctx) {
    UUID groupId = groupId(ctx);
    int version = Input.integer(Bodies.json(ctx), "version", 1, Integer.MAX_VALUE, null);
    Respond.noContent(ctx, groups.acceptAgreement(Authenticated.principal(ctx), groupId, version));
  }

  private void leave(RoutingContext ctx) {
    Respond.noContent(ctx, groups.leave(Authenticated.principal(ctx), groupId(ctx)));
  }

  private void removeMember(RoutingContext ctx) {
    UUID groupId = groupId(ctx);
    UUID memberId = Input.pathUuid(ctx, "memberId");
    String reason = Input.text(Input.optionalJson(ctx), "reason", 0, MAX_REASON, false, "");
    Respond.noContent(ctx, groups.removeMember(Authenticated.principal(ctx), groupId, memberId,
        reason.isEmpty() ? null : reason));
  }

  private void messages(RoutingContext ctx) {
    UUID groupId = groupId(ctx);
    Long after = Input.wholeQuery(ctx, "after");
    Long before = Input.wholeQuery(ctx, "before");
    if (after != null && before != null) throw ApiError.invalid("Use either after or before, not both.");
    int limit = Input.limitQuery(ctx, HistoryPage.DEFAULT_LIMIT, HistoryPage.MAX_LIMIT);
    HistoryPage page = new HistoryPage(after, before, limit);
    Respond.json(ctx, 200, groups.history(Authenticated.principal(ctx), groupId, page));
  }

  private void audit(RoutingContext ctx) {
    UUID groupId = groupId(ctx);
    Long after = Input.wholeQuery(ctx, "after");
    int limit = Input.limitQuery(ctx, DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT);
    Respond.json(ctx, 200, groups.audit(Authenticated.principal(ctx), groupId, after == null ? 0 : after, limit));
  }

  // ---- paths and queries ----

  private static UUID groupId(RoutingContext ctx) {
    return Input.pathUuid(ctx, "groupId");
  }
}
