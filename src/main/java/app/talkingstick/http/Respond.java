package app.talkingstick.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Completes a request from a future: the JSON on success, the failure handler otherwise. */
public final class Respond {
  private Respond() {}

  public static void json(RoutingContext ctx, int status, Future<JsonObject> result) {
    result.onComplete(r -> {
      if (r.succeeded()) Bodies.send(ctx, status, r.result());
      else ctx.fail(r.cause());
    });
  }

  public static void noContent(RoutingContext ctx, Future<?> result) {
    result.onComplete(r -> {
      if (r.succeeded()) ctx.response().setStatusCode(204).end();
      else ctx.fail(r.cause());
    });
  }
}
