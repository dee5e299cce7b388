package app.talkingstick.conversation;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The {@code say} action shared by group rooms and private channels: its validation, and the
 * answer to a retried {@code clientMsgId}. One place, so the two cannot drift apart.
 *
 * <p>Parsing refuses only what is not a message at all (no text, no usable clientMsgId). Everything
 * a conversation may refuse for (length, turn, flood, conduct) comes after {@link Screening}, so that
 * a cry for help is never answered with a refusal.
 */
public record SayAction(String text, String clientMsgId) {

  public static final int MAX_TEXT = 2000;
  private static final int MAX_CLIENT_MSG_ID = 64;

  /** The parsed action, or empty once the sender has been answered with INVALID. */
  public static Optional<SayAction> parse(JsonObject body, Message<?> msg) {
    if (!(body.getValue("text") instanceof String rawText) || !(body.getValue("clientMsgId") instanceof String clientMsgId)) {
      return refuse(msg, Reply.invalid("text and clientMsgId are required and must be strings"));
    }
    if (!validClientMsgId(clientMsgId)) {
      return refuse(msg, Reply.invalid("clientMsgId must be 1 to 64 letters, digits or . _ : ~ -"));
    }
    String text = storable(rawText).strip();
    if (text.isEmpty()) return refuse(msg, Reply.invalid("text must not be empty"));
    return Optional.of(new SayAction(text, clientMsgId));
  }

  public boolean tooLong() {
    return text.length() > MAX_TEXT;
  }

  public static JsonObject tooLongRefusal() {
    return Reply.refused("TOO_LONG", "Messages can be at most " + MAX_TEXT + " characters. Please split it into shorter messages.");
  }

  /**
   * The text without what PostgreSQL cannot store or a person cannot see: U+0000 (which makes
   * PostgreSQL refuse the whole statement) and the other C0 controls and DEL, keeping tab and line
   * breaks; an unpaired surrogate becomes U+FFFD. Returns the same string when there is nothing to drop.
   */
  public static String storable(String text) {
    int i = 0;
    while (i < text.length() && ordinary(text, i)) i++;
    if (i == text.length()) return text;
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (ordinary(text, i)) out.append(c);
      else if (Character.isSurrogate(c)) out.append('\uFFFD');
      // a control character is dropped
    }
    return out.toString();
  }

  private static boolean ordinary(String text, int i) {
    char c = text.charAt(i);
    if (c < 0x20) return c == '\n' || c == '\t' || c == '\r';
    if (c == 0x7F) return false;
    if (Character.isHighSurrogate(c)) return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    if (Character.isLowSurrogate(c)) return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    return true;
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

  /**
   * Answers a retry with the seq its first copy has (committed or still being written), and with what the
   * first reply said of a crisis in it (the support card again); true when it did.
   */
  public static boolean answeredAsRetry(ConversationLog<?> log, String key, Message<?> msg, CrisisReplies crisisReplies) {
    Optional<Future<ConversationLog.Stored>> earlier = log.earlier(key);
    earlier.ifPresent(f -> f.onComplete(r -> msg.reply(r.succeeded()
        ? crisisReplies.onto(key, Reply.acknowledgement(r.result())) : Reply.unavailable())));
    return earlier.isPresent();
  }

  private static Optional<SayAction> refuse(Message<?> msg, JsonObject reply) {
    msg.reply(reply);
    return Optional.empty();
  }
}
