package app.talkingstick.conversation;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a conversation told the author of each recent crisis text beyond the acknowledgement (whether
 * the group saw it, the kind words, the support card), by sender and {@code clientMsgId}: a retry of
 * that text (its socket dropped before the reply came, and the client sent it again) is answered the
 * same way, support card included, not with a bare acknowledgement. Keeps the most recent
 * {@link #KEPT}; used on the conversation's own context only.
 */
public final class CrisisReplies {

  static final int KEPT = 1_000;
  private static final List<String> FIELDS = List.of("shared", "message", "support");

  private final Map<String, JsonObject> byKey = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, JsonObject> eldest) {
      return size() > KEPT;
    }
  };

  /** Keeps what {@code reply} says beyond an acknowledgement; returns {@code reply}. */
  public JsonObject remember(String key, JsonObject reply) {
    JsonObject kept = new JsonObject();
    FIELDS.forEach(f -> {
      if (reply.containsKey(f)) kept.put(f, reply.getValue(f));
    });
    if (!kept.isEmpty()) byKey.put(key, kept);
    return reply;
  }

  /** {@code ack}, with what the first reply to {@code key} said beyond it when that was a crisis text's. */
  public JsonObject onto(String key, JsonObject ack) {
    JsonObject kept = byKey.get(key);
    return kept == null ? ack : ack.mergeIn(kept.copy());
  }
}
