package app.talkingstick.group;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Tells the live parts of the server that a group changed in the database: its facilitator (if
 * running) and every socket guard (which caches memberships). Called after the commit.
 */
public final class RoomNotifier {

  public enum Change { MEMBER_JOINED, MEMBER_LEFT, MEMBER_REMOVED, AGREEMENT_CHANGED, AGREEMENT_ACCEPTED }

  private final Vertx vertx;

  public RoomNotifier(Vertx vertx) {
    this.vertx = vertx;
  }

  public void membershipChanged(UUID groupId, UUID accountId, UUID memberId, Change change) {
    JsonObject event = new JsonObject()
        .put("type", change.name().toLowerCase().replace('_', '-'))
        .put("groupId", groupId.toString())
        .put("accountId", accountId == null ? null : accountId.toString())
        .put("memberId", memberId == null ? null : memberId.toString());
    vertx.eventBus().publish(GroupAddresses.MEMBERSHIP_CHANGED, event);
    vertx.eventBus().publish(GroupAddresses.control(groupId), event);
  }

  public void agreementChanged(UUID groupId, int version) {
    vertx.eventBus().publish(GroupAddresses.control(groupId), new JsonObject()
        .put("type", "agreement-changed").put("groupId", groupId.toString()).put("version", version));
  }
}
