package app.talkingstick.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of request paths, queries and body fields, with one set of rules and messages for every route. */
public final class Input {
  private Input() {}

  private static final Pattern UUID_PATTERN =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,18}");

  /** A path id; anything that is not a UUID names nothing, so it is a 404 like an unknown id. */
  public static UUID pathUuid(RoutingContext ctx, String name) {
    String value = ctx.pathParam(name);
    if (value == null || !UUID_PATTERN.matcher(value).matches()) throw ApiError.notFound("No such resource.");
    return UUID.fromString(value);
  }

  /** A whole number of 0 or more from the query, or null when absent. */
  public static Long wholeQuery(RoutingContext ctx, String name) {
    String value = firstQuery(ctx, name);
    if (value == null) return null;
    if (!WHOLE.matcher(value).matches()) throw ApiError.invalid(name + " must be a whole number, 0 or more");
    return Long.parseLong(value);
  }

  public static int limitQuery(RoutingContext ctx, int fallback, int max) {
    String value = firstQuery(ctx, "limit");
    if (value == null) return fallback;
    if (!WHOLE.matcher(value).matches() || Long.parseLong(value) < 1 || Long.parseLong(value) > max) {
      throw ApiError.invalid("limit must be a whole number from 1 to " + max);
    }
    return Integer.parseInt(value);
  }

  /** A UUID from the query, or null when absent. */
  public static UUID uuidQuery(RoutingContext ctx, String name) {
    String value = firstQuery(ctx, name);
    if (value == null) return null;
    if (!UUID_PATTERN.matcher(value).matches()) throw ApiError.invalid(name + " must be an id");
    return UUID.fromString(value);
  }

  private static String firstQuery(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The body as a JSON object; an empty body counts as {}. */
  public static JsonObject optionalJson(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    return text == null || text.isBlank() ? new JsonObject() : Bodies.json(ctx);
  }

  /** A required id field. */
  public static UUID uuid(JsonObject body, String field) {
    String value = Bodies.string(body, field);
    if (value == null) throw ApiError.invalid(field + " is required");
    if (!UUID_PATTERN.matcher(value).matches()) throw ApiError.invalid(field + " must be an account id");
    return UUID.fromString(value);
  }

  /**
   * A text field, stripped; absent (or null) gives the fallback, and a null fallback makes it
   * required. Single-line fields allow no control characters; others allow line breaks and tabs.
   */
  public static String text(JsonObject body, String field, int min, int max, boolean singleLine, String fallback) {
    String value = Bodies.string(body, field);
    if (value == null) {
      if (fallback == null) throw ApiError.invalid(field + " is required");
      return fallback;
    }
    String stripped = value.strip();
    int length = stripped.codePointCount(0, stripped.length());
    if (length < min || length > max) throw ApiError.invalid(field + " must be " + min + " to " + max + " characters");
    if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c) && (singleLine || !isLineBreakOrTab(c)))) {
      throw ApiError.invalid(field + " must not contain control characters");
    }
    return stripped;
  }

  private static boolean isLineBreakOrTab(int c) {
    return c == '\n' || c == '\r' || c == '\t';
  }

  /** A whole number in range; absent (or null) gives the fallback, and a null fallback makes it required. */
  public static long whole(JsonObject body, String field, long min, long max, Long fallback) {
    Object value = body.getValue(field);
    if (value == null) {
      if (fallback == null) throw ApiError.invalid(field + " is required");
      return fallback;
    }
    boolean whole = value instanceof Integer || value instanceof Long;
    if (!whole || ((Number) value).longValue() < min || ((Number) value).longValue() > max) {
      throw ApiError.invalid(field + " must be a whole number from " + min + " to " + max);
    }
    return ((Number) value).longValue();
  }

  /** {@link #whole} for fields that fit an int. */
  public static int integer(JsonObject body, String field, int min, int max, Integer fallback) {
    return (int) whole(body, field, min, max, fallback == null ? null : fallback.longValue());
  }

  public static String choice(JsonObject body, String field, Set<String> allowed, String fallback) {
    String value = Bodies.string(body, field);
    if (value == null) {
      if (fallback == null) throw ApiError.invalid(field + " is required");
      return fallback;
    }
    if (!allowed.contains(value)) {
      throw ApiError.invalid(field + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }
}
