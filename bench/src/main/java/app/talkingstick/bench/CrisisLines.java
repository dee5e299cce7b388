package app.talkingstick.bench;

/**
 * The crisis texts of {@code CRISIS_EVERY}: a few lines written for this benchmark (not taken from
 * any corpus or from the server's training data), each one a clear case for the server's screening,
 * and which of a client's messages carry one. No digits (the room masks digit runs as phone
 * numbers), no quotes or backslashes.
 */
public final class CrisisLines {
  private CrisisLines() {}

  static final String[] LINES = {
      // a plain wish to die
      "I honestly want to die, I am so tired of waking up to another day of this",
      "I don't want to be alive any more and I keep thinking about killing myself",
      "Everyone would be fine without me, I want to end my life",
      // a plan with a time
      "I have decided to kill myself tonight once everyone in the house is asleep",
      "On Saturday I am going to hang myself in the shed, I already bought the rope",
      "Tomorrow morning I am going to jump off the bridge on my way to work",
      // an overdose under way
      "I just swallowed the whole bottle of my sleeping pills and my hands feel numb",
      "I took an overdose of my antidepressants an hour ago and I have not told anyone",
  };

  /**
   * Whether the {@code seq}-th message (from 1) of {@code sender} in room {@code room} is a crisis
   * text: every {@code every}-th message of each client, each client offset by its place among all
   * senders, so that one message in {@code every} is a crisis and the crises are spread evenly over
   * time instead of arriving in a burst from every room at once. {@code every} 0 means never.
   */
  public static boolean isCrisis(int every, int room, int members, int sender, long seq) {
    if (every <= 0 || seq < 1) return false;
    long offset = ((long) room * Math.max(1, members - 1) + sender) % every;
    return (seq + offset) % every == 0;
  }

  /** The {@code n}-th crisis line of a room (any n, negative included), cycling through all of them. */
  public static String line(long n) {
    return LINES[(int) Math.floorMod(n, (long) LINES.length)];
  }
}
