package app.talkingstick.group;

/** What the facilitator itself says in the room. Kept warm, short and plain. */
final class Prompts {
  private Prompts() {}

  static String opening(String topic) {
    String about = topic == null || topic.isBlank() ? "" : " Today's topic: " + topic + ".";
    return "Welcome, everyone. The session has started." + about
        + " Please keep what is shared here confidential, speak from your own experience and be kind to each other.";
  }

  static String minutesLeft(long minutes) {
    return "About " + minutes + " minutes left in today's session.";
  }

  static String timeIsUp() {
    return "We have reached the end of our planned time. Let's start bringing things to a close.";
  }

  static String closing() {
    return "The session has ended. Thank you all for being here and for what you shared today.";
  }

  static String turnReminder(String pseudonym, long secondsLeft) {
    return pseudonym + ", about " + secondsLeft + " seconds left in your turn.";
  }

  static String turnOver(String pseudonym) {
    return "Thank you, " + pseudonym + ". The floor moves on.";
  }

  static String roundComplete() {
    return "That completes the round. Thank you, everyone, for sharing.";
  }

  static String steppedAway(String therapist) {
    return therapist + " has stepped away for a moment.";
  }

  static String isBack(String therapist) {
    return therapist + " is back.";
  }

  static String slowMode(String pseudonym, int seconds) {
    if (seconds == 0) return pseudonym == null ? "Slow mode is off." : "Slow mode is off for " + pseudonym + ".";
    String who = pseudonym == null ? "everyone" : pseudonym;
    return "Slow mode is on for " + who + ": one message every " + seconds + " seconds.";
  }
}
