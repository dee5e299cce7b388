package app.talkingstick.group;

import app.talkingstick.store.ConversationLog;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The {@code say} action shared by group rooms and private channels: its validation, and the
 * answer to a retried {@code clientMsgId}. One place, so the two cannot drift apart.
 */
public record SayAction(String text, String clientMsgId) {

  public static final int MAX_TEXT = 2000;
  private static final int MAX_CLIENT_MSG_ID = 64;

  /** The parsed action, or empty once the sender has been answered with INVALID or TOO_LONG. */
  public static Optional<SayAction> parse(JsonObject body, Message<?> msg) {
    if (!(body.getValue("text") instanceof String rawText) || !(body.getValue("clientMsgId") instanceof String clientMsgId)) {
      return refuse(msg, RoomReply.invalid("text and clientMsgId are required and must be strings"));
    }
    String text = rawText.strip();
    if (text.isEmpty()) return refuse(msg, RoomReply.invalid("text must not be empty"));
    if (text.length() > MAX_TEXT) {
      return refuse(msg, RoomReply.refused("TOO_LONG", "Messages can be at most " + MAX_TEXT + " characters."));
    }
    if (!validClientMsgId(clientMsgId)) {
      return refuse(msg, RoomReply.invalid("clientMsgId must be 1 to 64 letters, digits or . _ : ~ -"));
    }
    return Optional.of(new SayAction(text, clientMsgId));
  }

  /** 1 to 64 of {@code [A-Za-z0-9._:~-]}; checked on every message, so without a regular expression. */
  static boolean validClientMsgId(String id) {
    if (id.isEmpty() || id.length() > MAX_CLIENT_MSG_ID) return false;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == ':' || c == '~' || c == '-';
      if (!ok) return false;
    }
    return true;
  }

  /** Answers a retry with the seq its first copy has (committed or still being written); true when it did. */
  public static boolean answeredAsRetry(ConversationLog<?> log, String key, Message<?> msg) {
    Optional<io.vertx.core.Future<ConversationLog.Stored>> earlier = log.earlier(key);
    earlier.ifPresent(f -> f.onComplete(r -> msg.reply(r.succeeded() ? acknowledgement(r.result()) : RoomReply.unavailable())));
    return earlier.isPresent();
  }

  public static JsonObject acknowledgement(ConversationLog.Stored stored) {
    return RoomReply.ok().put("seq", stored.seq()).put("duplicate", stored.duplicate());
  }

  private static Optional<SayAction> refuse(Message<?> msg, JsonObject reply) {
    msg.reply(reply);
    return Optional.empty();
  }
}
