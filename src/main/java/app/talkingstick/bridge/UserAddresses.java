package app.talkingstick.bridge;

import java.util.UUID;

/** Event bus addresses that belong to one account. */
public final class UserAddresses {
  private UserAddresses() {}

  public static final String UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  public static final String INBOX_RE = "user\\.(" + UUID_RE + ")\\.inbox";

  public static String inbox(UUID accountId) {
    return "user." + accountId + ".inbox";
  }
}
