package app.talkingstick.http;

import io.vertx.core.json.JsonObject;

/**
 * A refusal a caller can act on: HTTP status, a stable UPPER_SNAKE code and a human sentence.
 * The same codes are used in event bus replies.
 */
public final class ApiError extends RuntimeException {

  private final int status;
  private final String code;
  private final Integer retryAfterSeconds;

  public ApiError(int status, String code, String message) {
    this(status, code, message, null);
  }

  private ApiError(int status, String code, String message, Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiError invalid(String message) {
    return new ApiError(400, "INVALID", message);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, "UNAUTHORIZED", message);
  }

  public static ApiError forbidden(String message) {
    return new ApiError(403, "FORBIDDEN", message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "NOT_FOUND", message);
  }

  public static ApiError conflict(String code, String message) {
    return new ApiError(409, code, message);
  }

  public static ApiError rateLimited(String message, int retryAfterSeconds) {
    return new ApiError(429, "RATE_LIMITED", message, Math.max(1, retryAfterSeconds));
  }

  public static ApiError unavailable() {
    return new ApiError(503, "UNAVAILABLE", "The service is temporarily unavailable; nothing was saved. Please try again.");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public JsonObject toJson() {
    JsonObject error = new JsonObject().put("code", code).put("message", getMessage());
    if (retryAfterSeconds != null) error.put("retryAfter", retryAfterSeconds);
    return new JsonObject().put("error", error);
  }
}
