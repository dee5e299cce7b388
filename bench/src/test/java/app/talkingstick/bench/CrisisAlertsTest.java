package app.talkingstick.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** CRISIS_EVERY: which messages are crisis texts, and how replies and alerts are matched and counted. */
class CrisisAlertsTest {

  private static final long S = 1_000_000_000L;

  @Test
  void everyNthMessageOfEachClientIsACrisisSpreadOverClients() {
    int every = 50;
    int rooms = 200;
    int members = 10;
    long crises = 0;
    long messages = 0;
    int[] byPhase = new int[every];
    for (int room = 0; room < rooms; room++) {
      for (int sender = 1; sender < members; sender++) {
        long last = -1;
        for (long seq = 1; seq <= 500; seq++) {
          messages++;
          if (!CrisisLines.isCrisis(every, room, members, sender, seq)) continue;
          crises++;
          if (last > 0) assertEquals(every, seq - last, "every Nth message of a client");
          last = seq;
          byPhase[(int) (seq % every)]++;
        }
      }
    }
    assertEquals(messages / every, crises);
    // clients are offset: every phase of the cycle is used about equally, so crises do not come in a burst
    for (int n : byPhase) assertTrue(n >= crises / every - 20 && n <= crises / every + 20, "phase count " + n);
    assertFalse(CrisisLines.isCrisis(0, 3, 10, 1, 50), "0 is off");
    assertTrue(CrisisLines.isCrisis(1, 3, 10, 1, 7), "1 is every message");
  }

  @Test
  void linesAreVariedAndSafeToSendAsTheyAre() {
    Set<String> seen = new HashSet<>();
    for (int n = -3; n < CrisisLines.LINES.length * 2; n++) seen.add(CrisisLines.line(n));
    assertEquals(CrisisLines.LINES.length, seen.size());
    for (String line : CrisisLines.LINES) {
      assertFalse(line.matches(".*[0-9\"\\\\~].*"), "no digits (masked as phone numbers), quotes, backslashes or markers: " + line);
      assertTrue(line.length() >= 20 && line.length() <= 2000, line);
    }
  }

  @Test
  void alertsAreMatchedBySeqWhicheverComesFirst() {
    AlertLedger ledger = new AlertLedger();
    long t = 100 * S;
    ledger.sent(1, 5, t);            // reply first, then the alert
    ledger.sent(2, 3, t + S);        // the alert first, then the reply
    ledger.sent(3, 9, t + 2 * S);    // kept for the therapists, alerted
    ledger.sent(4, 2, t + 3 * S);    // answered, never alerted: missing
    ledger.sent(5, 4, t + 4 * S);    // alerted after 12 s: late, so missing
    ledger.sent(6, 8, t + 5 * S);    // never answered
    ledger.sent(7, 1, t + 6 * S);    // refused
    ledger.sent(8, 6, t - 5 * S);    // in the warm-up, alerted
    assertTrue(ledger.isCrisis(1, 5));
    assertFalse(ledger.isCrisis(1, 6));

    ledger.answered(1, 5, true, 41, true);
    ledger.alert(41, t + 30_000_000L);
    ledger.alert(42, t + S + 120_000_000L);
    ledger.answered(2, 3, true, 42, true);
    ledger.answered(3, 9, true, 43, false);
    ledger.alert(43, t + 2 * S + 5_000_000L);
    ledger.alert(43, t + 2 * S + 6_000_000L); // the same alert twice
    ledger.answered(4, 2, true, 44, true);
    ledger.answered(5, 4, true, 45, true);
    ledger.answered(7, 1, false, -1, true);
    ledger.answered(8, 6, true, 40, true);
    ledger.alert(40, t - 5 * S + 2_000_000L);
    ledger.alert(99, t);                      // an alert for no crisis text sent
    ledger.alert(-1, t);                      // an alert without a seq (the text was not stored)

    assertEquals(2, ledger.awaiting(t + 5 * S), "44 and 45 answered, not alerted, their 10 s not up");
    assertEquals(1, ledger.awaiting(t + 13 * S + 1), "44's 10 s are up");
    assertEquals(0, ledger.awaiting(t + 15 * S), "past the limit: missing, no longer awaited");
    ledger.alert(45, t + 16 * S);

    Histogram latency = new Histogram(Counters.MAX_MICROS, 3);
    AlertLedger.Tally w = ledger.tally(t, t + 60 * S, latency);
    assertEquals(7, w.sent);
    assertEquals(5, w.answeredOk);
    assertEquals(4, w.shared);
    assertEquals(1, w.kept);
    assertEquals(1, w.refused);
    assertEquals(1, w.unanswered);
    assertEquals(3, w.received);
    assertEquals(1, w.late);
    assertEquals(2, w.missing);
    assertEquals(3, latency.getTotalCount());
    assertEquals(120_000, latency.getMaxValue(), 200);
    assertEquals(5_000, latency.getMinValue(), 10);

    AlertLedger.Tally all = ledger.tally(Long.MIN_VALUE, Long.MAX_VALUE, null);
    assertEquals(8, all.sent);
    assertEquals(4, all.received);
    assertEquals(2, all.missing);

    assertEquals(2, ledger.unmatchedAlerts(), "seq 99 and the one without a seq");
    assertEquals(1, ledger.duplicateAlerts());
    assertEquals(1, ledger.keptPrivately());
    assertEquals(1, ledger.keptPrivate().size());
    assertEquals(3, ledger.keptPrivate().get(0)[0]);
    assertEquals(9, ledger.keptPrivate().get(0)[1]);
  }
}
