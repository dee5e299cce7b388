package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The glance before the encoders, with the bundled layers: what it settles, what it leaves only the crisis
 * reading to, and what waits for the encoders; and that a reading after the glance never undoes what a
 * conversation decided on it.
 */
class GlanceTest {

  private static final SemanticLayer LAYER = SemanticLayer.bundled();
  /** Learned-only: the rules find nothing in it, the word features are sure it is not abuse and unsure of a crisis. */
  private static final String ON_THE_ROOF = "on the roof of the car park now. it's quiet up here";

  @Test
  void ordinaryChatIsSettledByTheGlanceAlone() {
    Glance glance = LAYER.glance("see you all on thursday, I'll bring biscuits");
    assertEquals(Glance.Stage.SETTLED, glance.stage());
    assertEquals(Optional.empty(), glance.known().crisis());
    assertEquals(glance.known(), LAYER.read(List.of(glance)).get(0));
  }

  @Test
  void aTextSureToBeNoAbuseIsDecidedOnAndOnlyItsCrisisIsStillToRead() {
    Glance glance = LAYER.glance(ON_THE_ROOF);
    assertEquals(Glance.Stage.CRISIS_TO_READ, glance.stage());
    assertEquals(Optional.empty(), glance.known().crisis(), "nothing is said of a crisis before the reading");
    assertTrue(glance.known().surelyNotAbuse());
    Screened read = LAYER.read(List.of(glance)).get(0);
    assertEquals(CrisisSignal.Tier.URGENT, read.urgent().orElseThrow().tier(), "the reading finds what the rules missed");
    assertEquals(Optional.empty(), read.learnedAbuse(), "and changes nothing of the abuse the glance settled");
    assertTrue(read.surelyNotAbuse());
  }

  @Test
  void aCrisisTheRulesFindIsSharedBeforeItsReadingWhenTheWordsAreSureOfNoAbuse() {
    Glance glance = LAYER.glance("I want to kill myself tonight");
    assertEquals(Glance.Stage.CRISIS_TO_READ, glance.stage());
    assertTrue(glance.byRules().isPresent());
    assertEquals(Optional.empty(), glance.known().crisis(), "the encoders may yet let it go as an idiom");
    assertEquals(CrisisSignal.Tier.URGENT, LAYER.read(List.of(glance)).get(0).urgent().orElseThrow().tier());
  }

  @Test
  void abuseTheWordsAreUnsureOfWaitsForTheEncoders() {
    assertEquals(Glance.Stage.TO_READ, LAYER.glance("you are such a worthless waste of space").stage());
    assertEquals(Glance.Stage.TO_READ, LAYER.glance("you're all useless and I'm done, taking everything tonight").stage());
  }

  @Test
  void screeningIsTheGlanceThenTheReading() {
    List<String> texts = List.of("see you all on thursday, I'll bring biscuits", ON_THE_ROOF, "I want to kill myself tonight",
        "you are such a worthless waste of space");
    assertEquals(LAYER.read(texts.stream().map(LAYER::glance).toList()), LAYER.screenAll(texts));
    assertFalse(LAYER.screenAll(texts).get(2).urgent().isEmpty());
  }
}
