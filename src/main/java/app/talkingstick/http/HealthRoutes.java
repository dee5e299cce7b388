package app.talkingstick.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /health}: 200 while the database answers, 503 while it does not, always within 2 s. The
 * whole database check (waiting for a pooled connection, connecting, {@code SELECT 1}) is bounded by
 * {@link #CHECK_TIMEOUT_MS}, well under 2 s so that the answer leaves in time on a busy machine too;
 * concurrent requests share the check in flight, so a hung database costs one pending query, not one
 * per probe.
 */
public final class HealthRoutes {

  /** The bound on the whole check; a health answer is promised within 2 s. */
  public static final long CHECK_TIMEOUT_MS = 1_500;

  private final Pool pool;
  /** The check in flight, shared by the requests that arrive meanwhile; touched on this verticle's event loop only. */
  private Future<Void> inFlight;

  public HealthRoutes(Pool pool) {
    this.pool = pool;
  }

  public void mount(Router router) {
    router.get("/health").handler(this::health);
  }

  private void health(RoutingContext ctx) {
    check().onComplete(r -> Bodies.send(ctx, r.succeeded() ? 200 : 503, new JsonObject()
        .put("status", r.succeeded() ? "up" : "degraded")
        .put("database", r.succeeded() ? "up" : "down")));
  }

  private Future<Void> check() {
    if (inFlight == null) {
      Future<Void> started = pool.query("SELECT 1").execute()
          .<Void>mapEmpty()
          .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      inFlight = started;
      started.onComplete(r -> inFlight = null);
      return started;
    }
    return inFlight;
  }
}
