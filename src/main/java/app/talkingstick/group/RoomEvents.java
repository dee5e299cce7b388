package app.talkingstick.group;

import app.talkingstick.turns.SpeakingTime;
import app.talkingstick.turns.TurnSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The JSON of the events a room publishes on {@code .out} and {@code .staff}. */
final class RoomEvents {
  private RoomEvents() {}

  static JsonObject message(long seq, Membership from, String text, Instant at) {
    return new JsonObject().put("type", "message").put("seq", seq).put("from", from.publicView())
        .put("text", text).put("at", at.toString());
  }

  static JsonObject turn(TurnSnapshot s, Function<String, JsonObject> who) {
    return new JsonObject()
        .put("type", "turn")
        .put("mode", s.mode().wireName())
        .put("chosenMode", s.chosenMode().wireName())
        .put("speaker", s.speaker() == null ? null : who.apply(s.speaker()))
        .put("queue", people(s.queue(), who))
        .put("round", people(s.round(), who))
        .put("endsAt", s.endsAt() == null ? null : s.endsAt().toString());
  }

  private static JsonArray people(List<String> ids, Function<String, JsonObject> who) {
    JsonArray array = new JsonArray();
    ids.forEach(id -> array.add(who.apply(id)));
    return array;
  }

  static JsonObject presence(Collection<Membership> online) {
    JsonArray people = new JsonArray();
    online.forEach(m -> people.add(m.publicView()));
    return new JsonObject().put("type", "presence").put("online", people);
  }

  static JsonObject session(String state, RoomStore.OpenSession session) {
    JsonObject event = new JsonObject().put("type", "session").put("state", state);
    if (session != null) {
      event.put("topic", session.topic()).put("startedAt", session.startedAt().toString())
          .put("endsAt", session.endsAt().toString());
    }
    return event;
  }

  static JsonObject facilitator(String text) {
    return new JsonObject().put("type", "facilitator").put("text", text);
  }

  static JsonObject reaction(long seq, String emoji, long count) {
    return new JsonObject().put("type", "reaction").put("seq", seq).put("emoji", emoji).put("count", count);
  }

  /** A shared message found to show signs of a crisis after it was shared: reactions to it are off. */
  static JsonObject noReactions(long seq) {
    return new JsonObject().put("type", "no-reactions").put("seq", seq);
  }

  static JsonObject moderation(String action, UUID memberId, String reason) {
    return new JsonObject().put("type", "moderation").put("action", action)
        .put("memberId", memberId == null ? null : memberId.toString()).put("reason", reason);
  }

  static JsonObject stats(Map<String, SpeakingTime> times, Function<String, JsonObject> who) {
    JsonArray rows = new JsonArray();
    times.forEach((id, t) -> rows.add(who.apply(id).copy()
        .put("floorSeconds", t.floorMillis() / 1000).put("messages", t.messages())));
    return new JsonObject().put("type", "stats").put("speakingTime", rows);
  }
}
