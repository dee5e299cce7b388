package app.talkingstick.group;

import app.talkingstick.bridge.UserAddresses;
import java.util.UUID;

/** Event bus addresses of one group room. Only {@code in}, {@code out} and {@code staff} are reachable from browsers. */
public final class GroupAddresses {
  private GroupAddresses() {}

  public static final String IN_RE = "group\\.(" + UserAddresses.UUID_RE + ")\\.in";
  public static final String OUT_RE = "group\\.(" + UserAddresses.UUID_RE + ")\\.out";
  public static final String STAFF_RE = "group\\.(" + UserAddresses.UUID_RE + ")\\.staff";

  /** Published with {groupId, accountId} whenever someone's membership of a group changes. */
  public static final String MEMBERSHIP_CHANGED = "internal.group.membership-changed";

  /** Actions from members, with reply. */
  public static String in(UUID groupId) {
    return "group." + groupId + ".in";
  }

  /** Room events, published to every member. */
  public static String out(UUID groupId) {
    return "group." + groupId + ".out";
  }

  /** Flags, crisis alerts and held messages, published to the group's therapists. */
  public static String staff(UUID groupId) {
    return "group." + groupId + ".staff";
  }

  /** Server-internal: membership changes, presence and live-state queries for the facilitator. */
  public static String control(UUID groupId) {
    return "internal.group." + groupId + ".control";
  }
}
