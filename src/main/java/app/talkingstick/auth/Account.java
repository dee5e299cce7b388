package app.talkingstick.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.UUID;

public record Account(UUID id, String username, String displayName, Role role, int tokenGeneration,
                      String passwordHash) {

  static Account fromRow(Row row) {
    return new Account(
        row.getUUID("id"),
        row.getString("username"),
        row.getString("display_name"),
        Role.fromWire(row.getString("role")),
        row.getInteger("token_generation"),
        row.getString("password_hash"));
  }

  /** The public view: never the hash. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("username", username)
        .put("displayName", displayName)
        .put("role", role.wire());
  }

  @Override
  public String toString() {
    return "Account[" + id + ", " + role.wire() + "]";
  }
}
