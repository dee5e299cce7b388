package app.talkingstick.bench;

import java.util.BitSet;

/**
 * Who received what in one room: for every (receiver, sender) pair, the set of the sender's
 * sequence numbers seen and the highest one. Sequence numbers start at 1 for every sender of a
 * run and increase by one per message, so loss is a gap, a duplicate is a number seen twice, and
 * a reordering is a number that arrives after a higher one from the same sender. Not thread safe:
 * owned by the room's event loop.
 */
public final class DeliveryLedger {

  /** What one receipt was. */
  public enum Outcome { IN_ORDER, REORDERED, DUPLICATE }

  private final int members;
  private final BitSet[] seen;
  private final long[] highest;

  public DeliveryLedger(int members) {
    this.members = members;
    this.seen = new BitSet[members * members];
    this.highest = new long[members * members];
    for (int i = 0; i < seen.length; i++) seen[i] = new BitSet();
  }

  public int members() {
    return members;
  }

  /** Records that {@code receiver} got message {@code seq} of {@code sender} (member indexes in the room). */
  public Outcome record(int receiver, int sender, long seq) {
    if (seq < 1 || seq > Integer.MAX_VALUE) throw new IllegalArgumentException("seq out of range: " + seq);
    int k = receiver * members + sender;
    BitSet set = seen[k];
    if (set.get((int) seq)) return Outcome.DUPLICATE;
    set.set((int) seq);
    if (seq < highest[k]) return Outcome.REORDERED;
    highest[k] = seq;
    return Outcome.IN_ORDER;
  }

  /** How many of the sender's messages {@code from..to} (inclusive) the receiver has not got. */
  public long missing(int receiver, int sender, long from, long to) {
    if (to < from) return 0;
    BitSet set = seen[receiver * members + sender];
    long got = set.get((int) from, (int) to + 1).cardinality();
    return (to - from + 1) - got;
  }

  /** How many distinct messages of the sender {@code from..to} the receiver has got. */
  public long received(int receiver, int sender, long from, long to) {
    if (to < from) return 0;
    return (to - from + 1) - missing(receiver, sender, from, to);
  }
}
