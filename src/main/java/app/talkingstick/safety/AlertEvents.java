package app.talkingstick.safety;

import io.vertx.core.json.JsonObject;

/** The inbox events of the alert path that are built from a stored escalation. */
final class AlertEvents {
  private AlertEvents() {}

  /**
   * The {@code crisis} alert again, marked as a reminder. {@code bare} (for admins): only that one is
   * waiting, where and how urgent: no words, no names.
   */
  static JsonObject reminder(JsonObject escalation, boolean bare) {
    JsonObject event = new JsonObject().put("type", "crisis").put("reminder", true)
        .put("escalationId", escalation.getString("id"))
        .put("groupId", escalation.getString("groupId"))
        .put("groupName", escalation.getString("groupName"))
        .put("channelId", escalation.getString("channelId"))
        .put("seq", escalation.getLong("seq"))
        .put("category", escalation.getString("category"))
        .put("severity", escalation.getString("severity"))
        .put("shared", escalation.getBoolean("shared"))
        .put("openedAt", escalation.getString("openedAt"));
    if (bare) return event;
    event.put("memberId", escalation.getString("memberId")).put("pseudonym", escalation.getString("pseudonym"))
        .put("text", escalation.getString("text"));
    if (escalation.getString("clientName") != null) {
      event.put("from", new JsonObject().put("displayName", escalation.getString("clientName")));
    }
    return event;
  }

  /** Someone acknowledged or resolved it: every screen that shows it can update. */
  static JsonObject updated(JsonObject escalation) {
    return new JsonObject().put("type", "escalation-updated").put("escalationId", escalation.getString("id"))
        .put("status", escalation.getString("status"));
  }
}
