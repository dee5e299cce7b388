package app.talkingstick.bridge;

import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Who sent a frame, written into the message headers by the server. Whatever headers the client
 * wrote are discarded first, so the receiving verticle can trust these.
 */
public final class SenderStamp {
  private SenderStamp() {}

  public static final String ACCOUNT = "ts-account";
  public static final String ROLE = "ts-role";

  public static JsonObject headersFor(Principal principal) {
    return new JsonObject().put(ACCOUNT, principal.accountId().toString()).put(ROLE, principal.role().wire());
  }

  public record Sender(UUID accountId, Role role) {}

  /** The stamped sender, or null for a message that did not come through the guard. */
  public static Sender read(MultiMap headers) {
    String account = headers.get(ACCOUNT);
    String role = headers.get(ROLE);
    if (account == null || role == null) return null;
    return new Sender(UUID.fromString(account), Role.fromWire(role));
  }
}
