package app.talkingstick.conversation;

import io.vertx.core.json.JsonObject;

/**
 * Replies to actions on a conversation's {@code .in} address (a group room or a private channel):
 * {@code {ok:true, ...}} or {@code {ok:false, error:{code, message}}} with a code of the wire contract.
 */
public final class Reply {
  private Reply() {}

  public static JsonObject ok() {
    return new JsonObject().put("ok", true);
  }

  public static JsonObject refused(String code, String message) {
    return new JsonObject().put("ok", false).put("error", new JsonObject().put("code", code).put("message", message));
  }

  public static JsonObject invalid(String message) {
    return refused("INVALID", message);
  }

  public static JsonObject unavailable() {
    return refused("UNAVAILABLE", "The message could not be saved; nothing was stored. Please try again.");
  }

  /** A stored message: its seq, and whether an earlier copy under the same clientMsgId had it already. */
  public static JsonObject acknowledgement(ConversationLog.Stored stored) {
    return ok().put("seq", stored.seq()).put("duplicate", stored.duplicate());
  }
}
