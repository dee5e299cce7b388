package app.talkingstick.channel;

import app.talkingstick.Services;
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
 * {@code /api/clients/*}: a therapist's clients, client invites, and the therapist's goals and
 * notes for a client. Parses only; {@link CareService} and {@link ClientRecordService} decide.
 */
public final class CareRoutes {

  public static final int MAX_GOAL = 500;
  public static final int MAX_NOTE = 2000;
  public static final int DEFAULT_NOTES = 50;
  public static final int MAX_NOTES = 200;

  private final Authenticated authenticated;
  private final CareService care;
  private final ClientRecordService records;

  public CareRoutes(Services services, Authenticated authenticated) {
    this.authenticated = authenticated;
    this.care = new CareService(services);
    this.records = new ClientRecordService(services);
  }

  public void mount(Router router) {
    router.get("/api/clients").handler(authenticated).handler(this::clients);
    router.post("/api/clients/invites").handler(authenticated).handler(this::createInvite);
    router.post("/api/clients/join").handler(authenticated).handler(this::join);
    router.get("/api/clients/:clientId/goals").handler(authenticated).handler(this::goals);
    router.post("/api/clients/:clientId/goals").handler(authenticated).handler(this::addGoal);
    router.patch("/api/clients/:clientId/goals/:goalId").handler(authenticated).handler(this::changeGoal);
    router.get("/api/clients/:clientId/notes").handler(authenticated).handler(this::notes);
    router.post("/api/clients/:clientId/notes").handler(authenticated).handler(this::addNote);
  }

  private void clients(RoutingContext ctx) {
    Respond.json(ctx, 200, care.clients(Authenticated.principal(ctx)));
  }

  private void createInvite(RoutingContext ctx) {
    int hours = Input.integer(Input.optionalJson(ctx), "expiresInHours", 1, 720, 72);
    Respond.json(ctx, 201, care.createInvite(Authenticated.principal(ctx), hours));
  }

  private void join(RoutingContext ctx) {
    String code = Bodies.string(Bodies.json(ctx), "code");
    Respond.json(ctx, 201, care.join(Authenticated.principal(ctx), code));
  }

  private void goals(RoutingContext ctx) {
    Respond.json(ctx, 200, records.goals(Authenticated.principal(ctx), clientId(ctx)));
  }

  private void addGoal(RoutingContext ctx) {
    UUID clientId = clientId(ctx);
    JsonObject body = Bodies.json(ctx);
    String text = Input.text(body, "text", 1, MAX_GOAL, false, null);
    String status = Input.choice(body, "status", ClientRecordService.GOAL_STATUSES, "active");
    Respond.json(ctx, 201, records.addGoal(Authenticated.principal(ctx), clientId, text, status));
  }

  private void changeGoal(RoutingContext ctx) {
    UUID clientId = clientId(ctx);
    UUID goalId = Input.pathUuid(ctx, "goalId");
    JsonObject body = Bodies.json(ctx);
    String text = body.getValue("text") == null ? null : Input.text(body, "text", 1, MAX_GOAL, false, null);
    String status = body.getValue("status") == null ? null
        : Input.choice(body, "status", ClientRecordService.GOAL_STATUSES, null);
    if (text == null && status == null) throw ApiError.invalid("Send text, status or both.");
    Respond.json(ctx, 200, records.changeGoal(Authenticated.principal(ctx), clientId, goalId,
        new ClientRecordService.GoalChange(text, status)));
  }

  private void notes(RoutingContext ctx) {
    UUID clientId = clientId(ctx);
    UUID before = Input.uuidQuery(ctx, "before");
    int limit = Input.limitQuery(ctx, DEFAULT_NOTES, MAX_NOTES);
    Respond.json(ctx, 200, records.notes(Authenticated.principal(ctx), clientId, before, limit));
  }

  private void addNote(RoutingContext ctx) {
    UUID clientId = clientId(ctx);
    String text = Input.text(Bodies.json(ctx), "text", 1, MAX_NOTE, false, null);
    Respond.json(ctx, 201, records.addNote(Authenticated.principal(ctx), clientId, text));
  }

  private static UUID clientId(RoutingContext ctx) {
    return Input.pathUuid(ctx, "clientId");
  }
}
