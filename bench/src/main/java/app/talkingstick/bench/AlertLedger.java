package app.talkingstick.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One room's crisis texts and the therapist's alerts, matched by the server's {@code seq}: the
 * author's reply ({@code {ok, seq, shared}}) names the seq of each crisis text, and every
 * {@code crisis} alert on the therapist's inbox carries the same seq. Reply and alert travel on two
 * sockets and either may come first, so both are kept and joined in {@link #tally}. A crisis text
 * answered {@code ok} with no alert within {@link #MISSING_AFTER_NANOS} of its intended send time
 * is a missing alert. Also says which crisis texts the room kept private ({@code shared: false}):
 * those reach no member, so the delivery accounting must not expect them. Not thread safe: owned by
 * the room's event loop. Times are {@link System#nanoTime()} values.
 */
public final class AlertLedger {

  public static final long MISSING_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** One crisis text sent. */
  static final class Crisis {
    final int sender;
    final long seq;
    final long intended;
    /** 0 no answer yet, 1 ok, 2 refused. */
    int answer;
    long serverSeq = -1;
    boolean shared = true;

    Crisis(int sender, long seq, long intended) {
      this.sender = sender;
      this.seq = seq;
      this.intended = intended;
    }
  }

  /** What {@link #tally} found, for the messages it was asked about. */
  public static final class Tally {
    public long sent;
    public long answeredOk;
    public long shared;
    public long kept;          // shared: false, stored privately
    public long refused;
    public long unanswered;
    public long received;      // an alert within the limit
    public long late;          // an alert, but after the limit
    public long missing;       // answered ok, no alert within the limit (late included)
  }

  private final Map<Long, Crisis> bySenderSeq = new HashMap<>();
  private final List<Crisis> inOrder = new ArrayList<>();
  /** The first arrival of each seq's alert. */
  private final Map<Long, Long> alertAt = new HashMap<>();
  private long duplicateAlerts;
  private long alertsWithoutSeq;
  private long keptPrivately;

  private static long key(int sender, long seq) {
    return ((long) sender << 40) | seq;
  }

  /** A crisis text {@code seq} of {@code sender}, scheduled for {@code intended}. */
  public void sent(int sender, long seq, long intended) {
    Crisis c = new Crisis(sender, seq, intended);
    bySenderSeq.put(key(sender, seq), c);
    inOrder.add(c);
  }

  public boolean isCrisis(int sender, long seq) {
    return bySenderSeq.containsKey(key(sender, seq));
  }

  public int count() {
    return inOrder.size();
  }

  /** The author's reply to crisis text {@code seq}; {@code shared} false when the room kept it for the therapists. */
  public void answered(int sender, long seq, boolean ok, long serverSeq, boolean shared) {
    Crisis c = bySenderSeq.get(key(sender, seq));
    if (c == null || c.answer != 0) return;
    c.answer = ok ? 1 : 2;
    c.serverSeq = ok ? serverSeq : -1;
    c.shared = shared;
    if (ok && !shared) keptPrivately++;
  }

  /** An alert ({@code crisis}, not a reminder) for server seq {@code serverSeq} (-1: the alert had none) arrived at {@code now}. */
  public void alert(long serverSeq, long now) {
    if (serverSeq < 0) {
      alertsWithoutSeq++;
      return;
    }
    if (alertAt.putIfAbsent(serverSeq, now) != null) duplicateAlerts++;
  }

  /** Crisis texts answered ok but kept private (delivered to nobody). */
  public long keptPrivately() {
    return keptPrivately;
  }

  /** The kept-private crisis texts as {sender, seq} pairs. */
  public List<long[]> keptPrivate() {
    List<long[]> out = new ArrayList<>();
    for (Crisis c : inOrder) if (c.answer == 1 && !c.shared) out.add(new long[] {c.sender, c.seq});
    return out;
  }

  /** Answered-ok crisis texts still waiting for their alert at {@code now}, not yet past the limit. */
  public long awaiting(long now) {
    long n = 0;
    for (Crisis c : inOrder) {
      if (c.answer == 1 && !alertAt.containsKey(c.serverSeq) && now - c.intended < MISSING_AFTER_NANOS) n++;
    }
    return n;
  }

  /** Alerts whose seq is not that of any crisis text answered ok (an ordinary text alerted, or an unanswered crisis). */
  public long unmatchedAlerts() {
    java.util.Set<Long> mine = new java.util.HashSet<>();
    for (Crisis c : inOrder) if (c.answer == 1) mine.add(c.serverSeq);
    long n = alertsWithoutSeq;
    for (Long s : alertAt.keySet()) if (!mine.contains(s)) n++;
    return n;
  }

  public long duplicateAlerts() {
    return duplicateAlerts;
  }

  /**
   * Counts the crisis texts intended in {@code [from, to)} and records, into {@code latencyMicros},
   * alert arrival minus intended send time for each one alerted within the limit.
   */
  public Tally tally(long from, long to, Histogram latencyMicros) {
    Tally t = new Tally();
    for (Crisis c : inOrder) {
      if (c.intended < from || c.intended >= to) continue;
      t.sent++;
      if (c.answer == 0) {
        t.unanswered++;
        continue;
      }
      if (c.answer == 2) {
        t.refused++;
        continue;
      }
      t.answeredOk++;
      if (c.shared) t.shared++;
      else t.kept++;
      Long at = alertAt.get(c.serverSeq);
      if (at == null) {
        t.missing++;
      } else if (at - c.intended > MISSING_AFTER_NANOS) {
        t.late++;
        t.missing++;
      } else {
        t.received++;
        if (latencyMicros != null) Counters.record(latencyMicros, (at - c.intended) / 1000);
      }
    }
    return t;
  }
}
