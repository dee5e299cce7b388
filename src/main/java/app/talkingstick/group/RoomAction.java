package app.talkingstick.group;

import app.talkingstick.conversation.Reply;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One action a member sends to a room ({@code say}, {@code grant}, {@code mute}, ...): it answers
 * {@code msg} itself. Each family of actions registers its own under their wire names.
 */
@FunctionalInterface
interface RoomAction {

  void run(Message<Object> msg, Membership actor, JsonObject body, Instant now);

  /** A family of actions: floor, moderation, session, pull-aside, reactions, saying. */
  interface Family {
    void register(Map<String, RoomAction> actions);
  }

  /** Bad input in an action: answered with INVALID, nothing changes. */
  final class BadAction extends RuntimeException {
    BadAction(String message) {
      super(message, null, false, false);
    }
  }

  // ---------------------------------------------------------------- reading arguments

  static String stringArg(JsonObject body, String field) {
    if (body.getValue(field) instanceof String s) return s;
    throw new BadAction(field + " is required and must be a string");
  }

  static String optionalString(JsonObject body, String field) {
    return body.getValue(field) instanceof String s ? s : null;
  }

  static long longArg(JsonObject body, String field) {
    if (body.getValue(field) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
    throw new BadAction(field + " is required and must be a whole number");
  }

  static <T> T wireArg(JsonObject body, String field, Function<String, T> parse) {
    String raw = stringArg(body, field);
    try {
      return parse.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new BadAction(field + " '" + raw + "' is not one of the allowed values");
    }
  }

  /** The member named by {@code memberId}. */
  static UUID memberArg(LiveRoom room, JsonObject body) {
    String raw = stringArg(body, "memberId");
    try {
      UUID id = UUID.fromString(raw);
      if (!room.members.containsKey(id)) throw new BadAction("memberId is not a member of this group");
      return id;
    } catch (IllegalArgumentException e) {
      throw new BadAction("memberId must be a member id");
    }
  }

  /** The client named by {@code memberId}. */
  static Membership clientArg(LiveRoom room, JsonObject body) {
    Membership target = room.members.get(memberArg(room, body));
    if (target.isStaff()) throw new BadAction("memberId must be a client of this group");
    return target;
  }

  /** True for the group's therapists; anyone else is answered FORBIDDEN with "Only the group's therapist can {what}." */
  static boolean staffOnly(Message<Object> msg, Membership actor, String what) {
    if (actor.isStaff()) return true;
    msg.reply(Reply.refused("FORBIDDEN", "Only the group's therapist can " + what + "."));
    return false;
  }
}
