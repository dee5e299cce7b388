package app.talkingstick.group;

import app.talkingstick.conversation.Reply;
import app.talkingstick.turns.Refusal;
import io.vertx.core.json.JsonObject;

/** A refusal of the turn-taking rules, in the wire contract's shape and codes. */
final class RoomReply {
  private RoomReply() {}

  static JsonObject refused(Refusal refusal) {
    JsonObject reply = Reply.refused(wireCode(refusal.reason()), refusal.message());
    if (refusal.retryAt() != null) reply.getJsonObject("error").put("retryAfter", refusal.retryAfterSeconds());
    return reply;
  }

  private static String wireCode(Refusal.Reason reason) {
    return switch (reason) {
      case ROOM_PAUSED -> "NOT_YOUR_TURN";
      default -> reason.name();
    };
  }
}
