package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressedWeightsTest {

  @Test
  void aLineSpokenToSomeoneIsToldFromOneSpokenToNobody() {
    for (String spoken : List.of("you're so wise Nadia", "u ok hun?", "ur voice matters", "@Sam well done",
        "proud of yourself?", "y'all are great", "You’re up next")) {
      assertTrue(AddressedWeights.spokenTo(spoken), spoken);
    }
    for (String nobody : List.of("I'm tired tonight", "youth club at six", "the menu was long", "yourselfish is not a word",
        "bus was late again", "email me at sam@")) {
      assertFalse(AddressedWeights.spokenTo(nobody), nobody);
    }
  }

  @Test
  void benignLinesSpokenToSomeoneWeighAsMuchAsTheAbuseSpokenToSomeone() {
    List<LabelledLine> lines = List.of(
        new LabelledLine("abuse/insult", "you are a waste of space", "a"),
        new LabelledLine("abuse/insult", "ur pathetic", "a"),
        new LabelledLine("benign/chat", "you're a star", "a"),
        new LabelledLine("benign/chat", "lovely weather", "a"),
        new LabelledLine("distress", "you know what, I'm exhausted", "a"));
    assertArrayEquals(new double[] {1, 1, 2, 1, 1}, AddressedWeights.of(lines, List.of(0, 1, 2, 3, 4)));
    assertArrayEquals(new double[] {1, 1}, AddressedWeights.of(lines, List.of(2, 3)), "no abuse: nothing to balance");
  }
}
