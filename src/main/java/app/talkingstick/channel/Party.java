package app.talkingstick.channel;

import app.talkingstick.auth.Role;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * One of the two people in a channel. Inside their channel the two know each other by display
 * name (it is their therapy relationship), never by username.
 */
public record Party(UUID accountId, Role role, String displayName) {

  /** How a message's author is shown: {@code {accountId, role, displayName}}. */
  public JsonObject asAuthor() {
    return new JsonObject().put("accountId", accountId.toString()).put("role", role.wire()).put("displayName", displayName);
  }

  /** How the channel list shows a party: {@code {id, displayName}}. */
  public JsonObject asPerson() {
    return new JsonObject().put("id", accountId.toString()).put("displayName", displayName);
  }
}
