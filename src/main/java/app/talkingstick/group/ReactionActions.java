package app.talkingstick.group;

import app.talkingstick.conversation.Reply;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Reactions to a visible message, from a short set of kind ones; none to a message that showed signs of a crisis. */
final class ReactionActions implements RoomAction.Family {

  static final Set<String> REACTIONS = Set.of("❤️", "👍", "🙏", "🤗", "💪", "👏", "🌱", "😊");

  private final LiveRoom room;
  private final GroupMessageStore messages;

  ReactionActions(LiveRoom room, GroupMessageStore messages) {
    this.room = room;
    this.messages = messages;
  }

  @Override
  public void register(Map<String, RoomAction> actions) {
    actions.put("react", this::react);
  }

  private void react(Message<Object> msg, Membership member, JsonObject body, Instant now) {
    long seq = RoomAction.longArg(body, "seq");
    String emoji = RoomAction.stringArg(body, "emoji");
    if (!REACTIONS.contains(emoji)) throw new RoomAction.BadAction("emoji must be one of " + String.join(" ", REACTIONS));
    messages.react(room.groupId, seq, member.memberId(), emoji).onComplete(r -> {
      if (r.failed()) {
        msg.reply(Reply.unavailable());
      } else if (r.result() == GroupMessageStore.NO_REACTIONS) {
        msg.reply(Reply.refused("REACTIONS_OFF", "Reactions are turned off for this message."));
      } else if (r.result() < 0) {
        msg.reply(Reply.invalid("There is no message " + seq + " to react to."));
      } else {
        msg.reply(Reply.ok().put("count", r.result()));
        room.publishOut(RoomEvents.reaction(seq, emoji, r.result()));
      }
    });
  }
}
