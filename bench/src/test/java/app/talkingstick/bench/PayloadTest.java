package app.talkingstick.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A member's sentences near each other differ enough that the room's repeat check never refuses one. */
class PayloadTest {

  @Test
  void sentencesFewerThan49ApartDifferInAtLeastFourOfTheirSixParts() {
    for (long n = 0; n < 20_000; n++) {
      int[] a = Payload.sentenceParts(n);
      for (long d = 1; d <= 48; d++) {
        int[] b = Payload.sentenceParts(n + d);
        int same = 0;
        for (int k = 0; k < 6; k++) {
          if (a[k] == b[k]) same++;
        }
        assertTrue(same <= 2, "sentences " + n + " and " + (n + d) + " share " + same + " parts");
      }
    }
  }

  @Test
  void membersStartAtSentencesSpreadOverAllOfThemSoThatNoneIsSaidByEveryoneAtOnce() {
    java.util.Map<Long, Integer> starts = new java.util.HashMap<>();
    for (int room = 0; room < 200; room++) {
      for (int member = 0; member < 10; member++) starts.merge(Payload.firstSentence(room, member), 1, Integer::sum);
    }
    assertTrue(starts.size() == 256, "every sentence is someone's first: " + starts.size());
    assertTrue(java.util.Collections.max(starts.values()) <= 10, "no first sentence shared by more than 10 of 2,000 members");
  }
}
