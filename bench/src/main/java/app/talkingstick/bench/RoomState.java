package app.talkingstick.bench;

/** One room of a run: its clients, its schedule and its delivery ledger. Owned by one shard. */
final class RoomState {
  final int room;
  final int members;
  final Target.Client[] clients;
  final DeliveryLedger ledger;
  /** Per member as sender: the last seq sent, and the first and last seq whose intended time fell in the window. */
  final long[] lastSeq;
  final long[] windowFirst;
  final long[] windowLast;
  /** Per member as sender, only for peers that acknowledge: intended time (relative to the epoch) by seq. */
  final LongList[] intendedBySeq;
  final LongList ackedServerSeqs = new LongList(64);
  /** Crisis texts sent (CRISIS_EVERY) and the therapist's alerts. */
  final AlertLedger alerts = new AlertLedger();
  /** How many crisis texts this room has sent: picks the next line. */
  long crisisLines;
  long next;
  long period;
  int rotation;

  RoomState(int room, int members, boolean acks) {
    this.room = room;
    this.members = members;
    this.clients = new Target.Client[members];
    this.ledger = new DeliveryLedger(members);
    this.lastSeq = new long[members];
    this.windowFirst = new long[members];
    this.windowLast = new long[members];
    this.intendedBySeq = acks ? new LongList[members] : null;
    if (acks) for (int i = 0; i < members; i++) intendedBySeq[i] = new LongList(64);
  }

  /** The member whose turn it is to send: members 1..M-1 in rotation (member 0 hosts and listens), or 0 when alone. */
  int nextSender() {
    if (members == 1) return 0;
    int s = 1 + (rotation % (members - 1));
    rotation++;
    return s;
  }
}
