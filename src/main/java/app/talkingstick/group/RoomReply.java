package app.talkingstick.group;

import app.talkingstick.turns.Refusal;
import io.vertx.core.json.JsonObject;

/**
 * Replies to actions on {@code group.{id}.in}: {@code {ok:true, ...}} or
 * {@code {ok:false, error:{code, message}}} with a code of the wire contract.
 */
public final class RoomReply {
  private RoomReply() {}

  public static JsonObject ok() {
    return new JsonObject().put("ok", true);
  }

  public static JsonObject refused(String code, String message) {
    return new JsonObject().put("ok", false).put("error", new JsonObject().put("code", code).put("message", message));
  }

  public static JsonObject refused(Refusal refusal) {
    JsonObject reply = refused(wireCode(refusal.reason()), refusal.message());
    if (refusal.retryAt() != null) reply.getJsonObject("error").put("retryAfter", refusal.retryAfterSeconds());
    return reply;
  }

  private static String wireCode(Refusal.Reason reason) {
    return switch (reason) {
      case ROOM_PAUSED -> "NOT_YOUR_TURN";
      default -> reason.name();
    };
  }

  public static JsonObject invalid(String message) {
    return refused("INVALID", message);
  }

  public static JsonObject unavailable() {
    return refused("UNAVAILABLE", "The message could not be saved; nothing was stored. Please try again.");
  }
}
