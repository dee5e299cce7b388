package app.talkingstick.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure rules of names shown to others: characters, TS #39 look-alikes, staff words, display names. */
class NameSafetyTest {

  @Test
  void aCyrillicLetterInsideALatinNameLooksAlike() {
    assertTrue(NameSafety.looksAlike("Robin", "R\u043Ebin")); // Cyrillic о
    assertTrue(NameSafety.looksAlike("robin", "ROBIN"));
    assertTrue(NameSafety.looksAlike("Robin", "\uFF32\uFF4F\uFF42\uFF49\uFF4E")); // full-width
    assertTrue(NameSafety.looksAlike("Sam", "Sarn")); // rn and m
    assertEquals(NameSafety.skeleton("Robin"), NameSafety.skeleton("R\u043Ebin"));
  }

  /**
   * TS #39's confusables map DIGIT ZERO to LATIN CAPITAL LETTER O; names are compared in any
   * letter case, so the key folds case after the skeleton too, and "R0bin" looks like "Robin".
   */
  @Test
  void aZeroForAnOLooksAlikeBecauseNamesAreComparedInAnyCase() {
    assertTrue(NameSafety.looksAlike("Robin", "R0bin"));
    assertTrue(NameSafety.looksAlike("Robin", "ROBIN"));
    assertTrue(NameSafety.looksAlike("Sam1", "Saml"));
  }

  @Test
  void differentNamesAndAccentedOnesDoNotLookAlike() {
    assertFalse(NameSafety.looksAlike("Robin", "Robyn"));
    assertFalse(NameSafety.looksAlike("Zoë", "Zoe"));
    assertFalse(NameSafety.looksAlike("José", "Jose"));
    assertFalse(NameSafety.looksAlike("Ольга", "Olga"));
  }

  @Test
  void namesAreNormalisedToNfcWithSingleSpaces() {
    assertEquals("Zo\u00EB", NameSafety.normalise("Zoe\u0308")); // e + combining diaeresis
    assertEquals("Jos\u00E9", NameSafety.normalise("  Jose\u0301 "));
    assertEquals("Blue Jay", NameSafety.normalise("Blue   Jay"));
    assertEquals("", NameSafety.normalise(null));
    assertTrue(NameSafety.looksAlike("Zoe\u0308", "Zo\u00EB"));
  }

  @Test
  void directionControlsInvisibleAndControlCharactersAreRefused() {
    for (int cp : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C}) {
      assertProblem("Eve" + Character.toString(cp) + "lyn", "direction");
    }
    for (int cp : new int[] {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0xFE0F, 0xFE00, 0x034F, 0x3164,
        0x115F, 0xFFA0, 0x180E, 0xE0041, 0x2800}) {
      assertProblem("Eve" + Character.toString(cp) + "lyn", "invisible");
    }
    assertProblem("Eve\u0000lyn", "control");
    assertProblem("Eve\u0007lyn", "control");
    assertProblem("Eve\u0085lyn", "control");
    assertProblem("Eve\u00A0lyn", "ordinary spaces");
    assertProblem("Eve\u3000lyn", "ordinary spaces");
    assertProblem("Eve\u2028lyn", "ordinary spaces");
    assertProblem("Eve\uE000lyn", "private-use");
    assertProblem("Eve\uD800lyn", "private-use");
    assertProblem("Z\u0301\u0302\u0303\u0304algo", "accents");
  }

  @Test
  void aNameOfOnlySymbolsOrSpacesIsRefused() {
    for (String name : List.of("...", "★★★", "- _ -", "\uD83D\uDE00\uD83D\uDE00", "  ")) {
      assertProblem(name, "letter or digit");
    }
  }

  @Test
  void ordinaryNamesOfAnyScriptPass() {
    for (String name : List.of("Zoë", "José", "Ástríður", "花子", "Ольга_2", "Nguyễn Thị Minh", "O'Brien", "Jean-Luc",
        "Dr Ada", "Anna ❤")) {
      assertEquals(Optional.empty(), NameSafety.characterProblem(NameSafety.normalise(name), "name"), name);
    }
  }

  @Test
  void wordsForTheStaffAreFoundHoweverTheyAreSpelled() {
    assertEquals(Optional.of("therapist"), NameSafety.reservedWord("Therapist"));
    assertEquals(Optional.of("facilitator"), NameSafety.reservedWord("Facilitator"));
    assertEquals(Optional.of("therapist"), NameSafety.reservedWord("THERAPIST"));
    assertEquals(Optional.of("therapist"), NameSafety.reservedWord("\u03A4herapist")); // Greek capital tau
    assertEquals(Optional.of("therapist"), NameSafety.reservedWord("Th\u0435rapist")); // Cyrillic е
    assertEquals(Optional.of("therapist"), NameSafety.reservedWord("Anna the therapist"));
    assertEquals(Optional.of("therapist"), NameSafety.reservedWord("T h e r a p i s t"));
    assertEquals(Optional.of("therapist"), NameSafety.reservedWord("therapists"));
    assertEquals(Optional.of("admin"), NameSafety.reservedWord("Admin2"));
    assertEquals(Optional.of("admin"), NameSafety.reservedWord("Adrnin"));
    assertEquals(Optional.of("administrator"), NameSafety.reservedWord("Administrator"));
    assertEquals(Optional.of("talkingstick"), NameSafety.reservedWord("Talking Stick"));
    assertEquals(Optional.of("support"), NameSafety.reservedWord("Support team"));
    assertEquals(Optional.of("counsellor"), NameSafety.reservedWord("Counsellor"));
    assertEquals(Optional.of("counselor"), NameSafety.reservedWord("counselor"));
    for (String word : List.of("moderator", "staff", "system", "doctor")) {
      assertEquals(Optional.of(word), NameSafety.reservedWord(word.toUpperCase()), word);
    }
  }

  @Test
  void drIsRefusedOnlyAloneAndOrdinaryWordsPass() {
    assertEquals(Optional.of("dr"), NameSafety.reservedWord("Dr"));
    assertEquals(Optional.of("dr"), NameSafety.reservedWord("D.r."));
    assertEquals(Optional.of("dr"), NameSafety.reservedWord("DR"));
    for (String name : List.of("Dr Ada", "Andrew", "Sandra", "Staffordshire", "Supporter", "Systematic", "Robin", "Adam")) {
      assertEquals(Optional.empty(), NameSafety.reservedWord(name), name);
    }
  }

  @Test
  void displayNamesFollowTheCharacterRulesAndClientsMayNotUseStaffWords() {
    assertTrue(AccountRules.displayNameProblem("Eve\u202Elyn").orElseThrow().contains("direction"));
    assertTrue(AccountRules.displayNameProblem("Eve\u200Blyn").orElseThrow().contains("invisible"));
    assertTrue(AccountRules.displayNameProblem("\u200B").isPresent());
    assertTrue(AccountRules.displayNameProblem("!!!").orElseThrow().contains("letter or digit"));
    assertTrue(AccountRules.displayNameProblem("a\tb").orElseThrow().contains("control"));
    assertTrue(AccountRules.displayNameProblem("x".repeat(65)).orElseThrow().contains("1 to 64"));
    assertEquals(Optional.empty(), AccountRules.displayNameProblem("Zoë"));
    assertEquals(Optional.empty(), AccountRules.displayNameProblem("José"));
    assertEquals("Zo\u00EB", AccountRules.normaliseDisplayName(" Zoe\u0308 "));

    assertTrue(AccountRules.displayNameProblem("Therapist", Role.CLIENT).orElseThrow().contains("\"therapist\""));
    assertTrue(AccountRules.displayNameProblem("Facilitator", Role.CLIENT).orElseThrow().contains("\"facilitator\""));
    assertTrue(AccountRules.displayNameProblem("Dr", Role.CLIENT).isPresent());
    assertEquals(Optional.empty(), AccountRules.displayNameProblem("Dr Ada", Role.THERAPIST));
    assertEquals(Optional.empty(), AccountRules.displayNameProblem("Administrator", Role.ADMIN));
    assertEquals(Optional.empty(), AccountRules.displayNameProblem("José", Role.CLIENT));
    assertTrue(AccountRules.displayNameProblem("Eve\u202Elyn", Role.THERAPIST).isPresent());
  }

  private static void assertProblem(String name, String fragment) {
    Optional<String> problem = NameSafety.characterProblem(NameSafety.normalise(name), "name");
    assertTrue(problem.isPresent(), () -> "accepted: " + name.codePoints().mapToObj(Integer::toHexString).toList());
    assertTrue(problem.get().contains(fragment), problem.get());
  }
}
