package app.talkingstick.channel;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** The bodies the channel feature publishes: on {@code channel.{id}.out} and on a party's inbox. */
public final class ChannelNotices {
  private ChannelNotices() {}

  /** {@code channel.{id}.out}: a committed message. */
  public static JsonObject message(long seq, Party from, String text, Instant at) {
    return new JsonObject().put("type", "message").put("seq", seq).put("from", from.asAuthor())
        .put("text", text).put("at", at.toString());
  }

  /** Inbox: how many of the other party's messages in the channel the person has not read yet. */
  public static JsonObject unread(UUID channelId, long count) {
    return new JsonObject().put("type", "unread").put("channelId", channelId.toString()).put("count", count);
  }

  /** Inbox: a therapist invites the client into their private channel (opened, or pulled aside from a group). */
  public static JsonObject channelInvite(UUID channelId, Party from) {
    return new JsonObject().put("type", "channel-invite").put("channelId", channelId.toString())
        .put("from", from.asAuthor());
  }
}
