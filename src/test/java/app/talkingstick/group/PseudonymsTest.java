package app.talkingstick.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.auth.NameSafety;
import app.talkingstick.group.Pseudonyms.Clash;
import app.talkingstick.group.Pseudonyms.StoredName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pure rules of a pseudonym and how it stands to the names already in a group. */
class PseudonymsTest {

  @Test
  void aLookAlikeOfSomeoneInTheGroupClashes() {
    List<String> inUse = List.of("Robin", "Dr Ada");
    assertEquals(Clash.LOOKS_ALIKE, Pseudonyms.clash("R\u043Ebin", inUse));
    assertEquals(Clash.LOOKS_ALIKE, Pseudonyms.clash("R0bin", inUse));
    assertEquals(Clash.LOOKS_ALIKE, Pseudonyms.clash("Dr Ada", List.of("Dr \u0410da"))); // Cyrillic А
    assertEquals(Clash.TAKEN, Pseudonyms.clash("ROBIN", inUse));
    assertEquals(Clash.TAKEN, Pseudonyms.clash("dr ada", inUse));
    assertEquals(Clash.NONE, Pseudonyms.clash("Robyn", inUse));
    assertEquals(Clash.NONE, Pseudonyms.clash("Zoë", List.of("Zoe")));
  }

  @Test
  void staffWordsInvisibleCharactersAndDirectionControlsAreRefused() {
    assertRefused("Therapist", "\"therapist\"");
    assertRefused("Facilitator", "\"facilitator\"");
    assertRefused("The Moderator", "\"moderator\"");
    assertRefused("Dr", "\"dr\"");
    assertRefused("Eve\u202Elyn", "letters"); // already outside the letters allowed
    assertRefused("Eve\u200Blyn", "letters");
    assertRefused("Eve\uFE0Flyn", "invisible"); // a variation selector is a mark: allowed by the pattern
    assertRefused("Eve\u3164lyn", "invisible"); // Hangul filler: a letter that shows nothing
    assertRefused("Z\u0301\u0302\u0303\u0304oe", "accents");
  }

  @Test
  void aPseudonymMayNotLookLikeTheirOwnNames() {
    assertRefused("R\u043Ebin Hood", "reveal", "robinhood", "Robin Hood");
    assertRefused("r0bin", "reveal", "r0bin", "Someone Else");
    assertRefused("R0BIN", "reveal", "robin", "Someone Else");
  }

  @Test
  void ordinaryNamesOfAnyScriptAreAccepted() {
    for (String name : List.of("Zoë", "José", "Ástríður", "花子", "Ольга_2", "j.d-x", "Quiet Owl", "Dr dupes")) {
      assertEquals(Optional.empty(), Pseudonyms.problem(Pseudonyms.normalise(name), "someone", "Some One"), name);
    }
    assertEquals("Zo\u00EB", Pseudonyms.normalise("Zoe\u0308"));
  }

  @Test
  void storedSkeletonsAreFilledInAndLookAlikesAdmittedEarlierKeepOnlyTheFirstOne() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    UUID third = UUID.randomUUID();
    UUID fresh = UUID.randomUUID();
    List<StoredName> rows = List.of(
        new StoredName(first, "Robin", null),
        new StoredName(second, "R\u043Ebin", null),
        new StoredName(third, "Magpie", "stale"),
        new StoredName(fresh, "Wren", NameSafety.skeleton("Wren")));
    Map<UUID, String> changes = Pseudonyms.skeletonChanges(rows);
    assertEquals(NameSafety.skeleton("Robin"), changes.get(first));
    assertTrue(changes.containsKey(third));
    assertEquals(NameSafety.skeleton("Magpie"), changes.get(third));
    assertTrue(!changes.containsKey(second), "the later look-alike keeps none, and has none");
    assertTrue(!changes.containsKey(fresh), "an up-to-date row is left as it is");

    Map<UUID, String> clearing = Pseudonyms.skeletonChanges(List.of(
        new StoredName(first, "Robin", NameSafety.skeleton("Robin")),
        new StoredName(second, "R\u043Ebin", "something")));
    assertTrue(clearing.containsKey(second));
    assertEquals(null, clearing.get(second));
  }

  private static void assertRefused(String pseudonym, String fragment) {
    assertRefused(pseudonym, fragment, "someone", "Some One");
  }

  private static void assertRefused(String pseudonym, String fragment, String username, String displayName) {
    Optional<String> problem = Pseudonyms.problem(Pseudonyms.normalise(pseudonym), username, displayName);
    assertTrue(problem.isPresent(), pseudonym);
    assertTrue(problem.get().contains(fragment), problem.get());
    assertTrue(problem.get().startsWith("pseudonym"), problem.get());
  }
}
