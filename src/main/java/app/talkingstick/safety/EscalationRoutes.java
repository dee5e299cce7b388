package app.talkingstick.safety;

import app.talkingstick.Services;
import app.talkingstick.audit.AuditLog;
import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import app.talkingstick.http.ApiError;
import app.talkingstick.http.Authenticated;
import app.talkingstick.http.Bodies;
import app.talkingstick.http.Respond;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * {@code /api/escalations}: a therapist's crisis escalations (their groups and channels),
 * acknowledged and resolved with a note; an admin, who gets the reminders nobody answered, sees
 * every one without its words or names and may acknowledge it. Every step is audited, and the
 * people who were alerted are told at once ({@code escalation-updated}) so their screens agree.
 */
public final class EscalationRoutes {

  private final Services services;
  private final Authenticated authenticated;
  private final EscalationStore escalations;

  public EscalationRoutes(Services services, Authenticated authenticated) {
    this.services = services;
    this.authenticated = authenticated;
    this.escalations = new EscalationStore(services.pool(), services.channelCipher());
  }

  public void mount(Router router) {
    router.get("/api/escalations").handler(authenticated).handler(this::list);
    router.post("/api/escalations/:id/acknowledge").handler(authenticated).handler(this::acknowledge);
    router.post("/api/escalations/:id/resolve").handler(authenticated).handler(this::resolve);
  }

  private void list(RoutingContext ctx) {
    Principal reader = therapistOrAdmin(ctx);
    boolean all = "true".equals(ctx.request().getParam("all"));
    Respond.json(ctx, 200, escalations.visibleTo(reader.accountId(), reader.is(Role.ADMIN), all)
        .map(list -> new JsonObject().put("escalations", list)));
  }

  private void acknowledge(RoutingContext ctx) {
    Principal reader = therapistOrAdmin(ctx);
    UUID id = idOf(ctx);
    Respond.json(ctx, 200, visible(reader, id)
        .compose(e -> escalations.acknowledge(id, reader.accountId())
            .compose(changed -> changed ? audited(e, reader, "escalation-acknowledged", null) : Future.succeededFuture())
            .compose(v -> visible(reader, id))
            .onSuccess(this::tellEveryone)));
  }

  private void resolve(RoutingContext ctx) {
    Principal therapist = Authenticated.requireRole(ctx, Role.THERAPIST);
    UUID id = idOf(ctx);
    String note = Bodies.string(Bodies.json(ctx), "note");
    if (note == null || note.isBlank() || note.length() > 2000) throw ApiError.invalid("note must be 1 to 2000 characters");
    Respond.json(ctx, 200, visible(therapist, id)
        .compose(e -> escalations.resolve(id, therapist.accountId(), note.strip())
            .compose(changed -> {
              if (!changed) return Future.failedFuture(ApiError.conflict("ALREADY_RESOLVED", "This escalation is already resolved."));
              return audited(e, therapist, "escalation-resolved", null);
            })
            .compose(v -> visible(therapist, id))
            .onSuccess(this::tellEveryone)));
  }

  private static Principal therapistOrAdmin(RoutingContext ctx) {
    return Authenticated.requireRole(ctx, Role.THERAPIST, Role.ADMIN);
  }

  /** Everyone who was (or would be) alerted of it hears that it moved on. */
  private void tellEveryone(JsonObject escalation) {
    UUID groupId = escalation.getString("groupId") == null ? null : UUID.fromString(escalation.getString("groupId"));
    UUID channelId = escalation.getString("channelId") == null ? null : UUID.fromString(escalation.getString("channelId"));
    JsonObject event = AlertEvents.updated(escalation);
    escalations.recipients(groupId, channelId, true)
        .onSuccess(people -> people.forEach(p -> services.inbox().deliver(p.accountId(), event)));
  }

  private Future<JsonObject> visible(Principal reader, UUID id) {
    return escalations.find(reader.accountId(), reader.is(Role.ADMIN), id).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(ApiError.notFound("No such escalation.")));
  }

  /** Escalations of a group go to its audit log; the note itself is kept on the escalation only. */
  private Future<Void> audited(JsonObject escalation, Principal therapist, String action, String reason) {
    String groupId = escalation.getString("groupId");
    AuditLog.Entry entry = AuditLog.Entry.of(groupId == null ? null : UUID.fromString(groupId), therapist.accountId(), action)
        .because(reason).with("escalationId", escalation.getString("id"));
    if (escalation.getString("memberId") != null) entry = entry.about(UUID.fromString(escalation.getString("memberId")));
    if (escalation.getString("channelId") != null) entry = entry.with("channelId", escalation.getString("channelId"));
    return AuditLog.record(services.pool(), entry);
  }

  private static UUID idOf(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiError.notFound("No such escalation.");
    }
  }
}
