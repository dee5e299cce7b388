package app.talkingstick.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** Private notices to one person, on every socket they have open. Not stored: durable state lives behind the HTTP API. */
public final class Inbox {

  private final Vertx vertx;

  public Inbox(Vertx vertx) {
    this.vertx = vertx;
  }

  public void deliver(UUID accountId, JsonObject event) {
    Broadcast.publish(vertx, UserAddresses.inbox(accountId), event);
  }
}
