package app.talkingstick.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading request bodies and writing JSON answers, with one error shape for bad input. */
public final class Bodies {
  private Bodies() {}

  public static JsonObject json(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) throw ApiError.invalid("The request body must be a JSON object.");
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(text);
      if (parsed instanceof JsonObject object) return object;
    } catch (DecodeException e) {
      throw ApiError.invalid("The request body is not valid JSON.");
    }
    throw ApiError.invalid("The request body must be a JSON object.");
  }

  /** A string field of the body, or null; a present field of another type is bad input. */
  public static String string(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null || value instanceof String) return (String) value;
    throw ApiError.invalid(field + " must be a string");
  }

  public static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  public static void ok(RoutingContext ctx, JsonObject body) {
    send(ctx, 200, body);
  }
}
