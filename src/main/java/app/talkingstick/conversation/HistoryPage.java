package app.talkingstick.conversation;

/** Which page of a conversation's history: after a seq, before a seq, or (both null) the latest. */
public record HistoryPage(Long after, Long before, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public static HistoryPage latest(int limit) {
    return new HistoryPage(null, null, limit);
  }
}
