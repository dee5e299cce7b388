package app.talkingstick.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/** {@code GET /health}: 200 while the database answers, 503 while it does not. */
public final class HealthRoutes {

  private final Pool pool;

  public HealthRoutes(Pool pool) {
    this.pool = pool;
  }

  public void mount(Router router) {
    router.get("/health").handler(this::health);
  }

  private void health(RoutingContext ctx) {
    pool.query("SELECT 1").execute()
        .timeout(2, TimeUnit.SECONDS)
        .onComplete(r -> Bodies.send(ctx, r.succeeded() ? 200 : 503, new JsonObject()
            .put("status", r.succeeded() ? "up" : "degraded")
            .put("database", r.succeeded() ? "up" : "down")));
  }
}
