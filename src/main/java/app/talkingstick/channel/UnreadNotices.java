package app.talkingstick.channel;

import app.talkingstick.bridge.Inbox;
import io.vertx.sqlclient.Pool;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a party their channel's unread count on their inbox after messages for them are committed.
 * One count query per party at a time: messages committed while one runs are covered by one more
 * query when it finishes, so a burst costs two queries, and the last notice is always current.
 * Used only on its channel verticle's event loop.
 */
final class UnreadNotices {

  private static final Logger LOG = LoggerFactory.getLogger(UnreadNotices.class);

  private final UUID channelId;
  private final Pool pool;
  private final Inbox inbox;
  private final ChannelStore channels = new ChannelStore();
  private final Set<UUID> counting = new HashSet<>();
  private final Set<UUID> again = new HashSet<>();

  UnreadNotices(UUID channelId, Pool pool, Inbox inbox) {
    this.channelId = channelId;
    this.pool = pool;
    this.inbox = inbox;
  }

  /** A message for {@code readerId} was committed. */
  void changed(UUID readerId) {
    if (!counting.add(readerId)) {
      again.add(readerId);
      return;
    }
    count(readerId);
  }

  boolean idle() {
    return counting.isEmpty();
  }

  private void count(UUID readerId) {
    channels.unread(pool, channelId, readerId).onComplete(r -> {
      if (r.succeeded()) {
        inbox.deliver(readerId, ChannelNotices.unread(channelId, r.result()));
      } else {
        LOG.warn("Channel {}: unread count not sent: {}", channelId, r.cause().getClass().getSimpleName());
      }
      if (again.remove(readerId)) count(readerId);
      else counting.remove(readerId);
    });
  }
}
