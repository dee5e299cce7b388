package app.talkingstick.http;

import app.talkingstick.store.DatabaseErrors;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into the JSON error shape; never a stack trace or an HTML page. */
public final class ErrorHandling {
  private ErrorHandling() {}

  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

  public static void onFailure(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().closed()) return;
    ApiError error = toApiError(ctx);
    if (error.retryAfterSeconds() != null) {
      ctx.response().putHeader("Retry-After", String.valueOf(error.retryAfterSeconds()));
    }
    if (error.status() == 401) ctx.response().putHeader("WWW-Authenticate", "Bearer");
    Bodies.send(ctx, error.status(), error.toJson());
  }

  public static void notFound(RoutingContext ctx) {
    Bodies.send(ctx, 404, ApiError.notFound("No such resource: " + ctx.request().method() + " " + ctx.request().path()).toJson());
  }

  private static ApiError toApiError(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiError api) return api;
    if (failure != null && DatabaseErrors.isUnavailable(failure)) return ApiError.unavailable();
    int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
    return switch (status) {
      case 400 -> ApiError.invalid("The request is malformed.");
      case 401 -> ApiError.unauthorized("Sign in first.");
      case 403 -> ApiError.forbidden("You may not do that.");
      case 404 -> ApiError.notFound("No such resource.");
      case 405 -> new ApiError(405, "METHOD_NOT_ALLOWED", "That method is not allowed here.");
      case 413 -> new ApiError(413, "TOO_LARGE", "The request body is too large.");
      default -> {
        LOG.error("Unhandled failure on {} {}", ctx.request().method(), RequestLog.loggablePath(ctx.request().path()), failure);
        yield new ApiError(500, "INTERNAL", "Something went wrong on our side. Please try again.");
      }
    };
  }
}
