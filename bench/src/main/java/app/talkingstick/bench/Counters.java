package app.talkingstick.bench;

import org.HdrHistogram.Histogram;

/** What one shard counted in one run; merged across shards afterwards. */
final class Counters {
  static final long MAX_MICROS = 3_600_000_000L;

  /** Delivery latency: intended send time to receipt, microseconds, messages intended in the window. */
  final Histogram latency = new Histogram(MAX_MICROS, 3);
  /** Acknowledgement latency: intended send time to the sender's ack, microseconds (acknowledging peers). */
  final Histogram ackLatency = new Histogram(MAX_MICROS, 3);
  /** How late the generator actually wrote each message behind its schedule, microseconds. */
  final Histogram scheduleLag = new Histogram(MAX_MICROS, 3);
  /** Crisis alert latency (CRISIS_EVERY): intended send time of a crisis text to its alert on the therapist's inbox, microseconds. */
  final Histogram alertLatency = new Histogram(MAX_MICROS, 3);

  /** Per second of the window (by intended send time): deliveries, those over {@link #SLOW_MICROS}, the slowest. */
  static final int TIMELINE_SECONDS = 3_600;
  static final long SLOW_MICROS = 50_000;
  final long[] deliveriesBySecond = new long[TIMELINE_SECONDS];
  final long[] slowBySecond = new long[TIMELINE_SECONDS];
  final long[] maxMicrosBySecond = new long[TIMELINE_SECONDS];

  long sent;                 // every message written in the run (warm-up included)
  long sentWindowIntended;   // messages whose intended time fell in the window
  long sentWindowActual;     // messages actually written during the window
  long uniqueDeliveries;     // distinct (receiver, message) receipts, whole run
  long windowDeliveries;     // distinct receipts of messages intended in the window
  long windowExpected;       // computed at the end: window messages x room members
  long expected;             // computed at the end: all messages x room members
  long lost;                 // computed at the end: expected - uniqueDeliveries
  long duplicates;
  long reordered;
  long misrouted;            // a payload from another room
  long badPayloads;
  long acked;
  long nacked;
  long errors;
  long unexpectedCloses;
  long sendFailures;
  String firstError;
  // crisis texts (CRISIS_EVERY), computed at the end; all but the *Total ones for texts intended in the window
  long crisisSentTotal;
  long crisisSent;
  long crisisShared;
  long crisisKept;           // answered {ok, shared: false}: stored for the therapists only, delivered to nobody
  long crisisRefused;
  long crisisUnanswered;
  long alertsReceived;       // within AlertLedger.MISSING_AFTER_NANOS of the intended send time
  long alertsLate;           // after it (counted as missing too)
  long alertsMissing;
  long alertsMissingTotal;   // the whole run, warm-up included
  long alertsUnmatched;      // alerts for no crisis text answered ok
  long alertsDuplicate;
  long checkIns;             // quiet check-in notices on the inbox (not alerts)
  long keptButDelivered;     // receipts of a kept-private crisis text: must be 0

  static void record(Histogram h, long micros) {
    h.recordValue(Math.max(0, Math.min(MAX_MICROS, micros)));
  }

  void recordDelivery(long secondOfWindow, long micros) {
    record(latency, micros);
    if (secondOfWindow < 0 || secondOfWindow >= TIMELINE_SECONDS) return;
    int i = (int) secondOfWindow;
    deliveriesBySecond[i]++;
    if (micros > SLOW_MICROS) slowBySecond[i]++;
    maxMicrosBySecond[i] = Math.max(maxMicrosBySecond[i], micros);
  }

  void add(Counters o) {
    for (int i = 0; i < TIMELINE_SECONDS; i++) {
      deliveriesBySecond[i] += o.deliveriesBySecond[i];
      slowBySecond[i] += o.slowBySecond[i];
      maxMicrosBySecond[i] = Math.max(maxMicrosBySecond[i], o.maxMicrosBySecond[i]);
    }
    latency.add(o.latency);
    ackLatency.add(o.ackLatency);
    scheduleLag.add(o.scheduleLag);
    alertLatency.add(o.alertLatency);
    crisisSentTotal += o.crisisSentTotal;
    crisisSent += o.crisisSent;
    crisisShared += o.crisisShared;
    crisisKept += o.crisisKept;
    crisisRefused += o.crisisRefused;
    crisisUnanswered += o.crisisUnanswered;
    alertsReceived += o.alertsReceived;
    alertsLate += o.alertsLate;
    alertsMissing += o.alertsMissing;
    alertsMissingTotal += o.alertsMissingTotal;
    alertsUnmatched += o.alertsUnmatched;
    alertsDuplicate += o.alertsDuplicate;
    checkIns += o.checkIns;
    keptButDelivered += o.keptButDelivered;
    sent += o.sent;
    sentWindowIntended += o.sentWindowIntended;
    sentWindowActual += o.sentWindowActual;
    uniqueDeliveries += o.uniqueDeliveries;
    windowDeliveries += o.windowDeliveries;
    windowExpected += o.windowExpected;
    expected += o.expected;
    lost += o.lost;
    duplicates += o.duplicates;
    reordered += o.reordered;
    misrouted += o.misrouted;
    badPayloads += o.badPayloads;
    acked += o.acked;
    nacked += o.nacked;
    errors += o.errors;
    unexpectedCloses += o.unexpectedCloses;
    sendFailures += o.sendFailures;
    if (firstError == null) firstError = o.firstError;
  }
}
