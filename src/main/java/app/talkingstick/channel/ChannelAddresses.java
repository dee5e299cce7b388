package app.talkingstick.channel;

import app.talkingstick.bridge.UserAddresses;
import java.util.UUID;

/** Event bus addresses of one private channel; both are reachable from browsers, by its two parties only. */
public final class ChannelAddresses {
  private ChannelAddresses() {}

  public static final String IN_RE = "channel\\.(" + UserAddresses.UUID_RE + ")\\.in";
  public static final String OUT_RE = "channel\\.(" + UserAddresses.UUID_RE + ")\\.out";

  /** Actions from the two parties, with reply. */
  public static String in(UUID channelId) {
    return "channel." + channelId + ".in";
  }

  /** Messages, published to both parties. */
  public static String out(UUID channelId) {
    return "channel." + channelId + ".out";
  }
}
