package app.talkingstick.auth;

import java.time.Instant;
import java.util.UUID;

/** Who is acting, as proven by a verified access token and the current account row. */
public record Principal(UUID accountId, String username, Role role, int tokenGeneration, Instant tokenExpiresAt) {

  public boolean is(Role wanted) {
    return role == wanted;
  }
}
