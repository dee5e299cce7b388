package app.talkingstick.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The password rules of NIST SP 800-63B and the shape of a sign-in, without a server. */
class AccountRulesTest {

  private static Optional<String> password(String password) {
    return AccountRules.passwordProblem(password, "robin");
  }

  private static void refused(String password, String reasonFragment) {
    Optional<String> problem = password(password);
    assertTrue(problem.isPresent(), "accepted: '" + password + "'");
    assertTrue(problem.get().contains(reasonFragment), problem.get());
  }

  @Test
  void tenCharactersAreEnoughAndNothingElseIsRequired() {
    assertEquals(Optional.empty(), password("plainwords"));           // no digits, capitals or symbols asked for
    assertEquals(Optional.empty(), password("correct horse battery"));
    assertEquals(Optional.empty(), password("ÄÖÜ ßéèçñø"));            // any printing characters, counted as characters
    assertEquals(Optional.empty(), password("  leading and trailing  ")); // nothing is trimmed
    assertEquals(Optional.empty(), password("x".repeat(9) + "y"));
    refused("ninechars", "at least 10");
    refused("😀😀😀😀😀", "at least 10");                                 // ten UTF-16 units, five characters
    refused(null, "at least 10");
    refused("x".repeat(AccountRules.MAX_PASSWORD) + "y", "at most 256");
    assertEquals(Optional.empty(), password("ab".repeat(AccountRules.MAX_PASSWORD / 2)));
  }

  @Test
  void onlySpacesOneRepeatedCharacterAndTheUsernameAreRefused() {
    refused(" ".repeat(10), "only spaces");
    refused("\u3000".repeat(12), "only spaces");
    refused("zzzzzzzzzzzz", "one character repeated");
    refused("Robin-is-my-name", "must not contain the username");
  }

  @Test
  void commonPasswordsAreRefusedInAnyLetterCase() {
    refused("password123", "most common passwords");
    refused("Password123", "most common passwords");
    refused("QWERTYUIOP", "most common passwords");
    refused("iloveyou12", "most common passwords");
    refused("1q2w3e4r5t", "most common passwords");
    refused(" password123 ", "most common passwords");
    refused("talkingstick123", "most common passwords");
    assertEquals(Optional.empty(), password("password123 and more words"));
    assertTrue(CommonPasswords.bundled().size() > 300, "entries: " + CommonPasswords.bundled().size());
    assertEquals(64, CommonPasswords.bundled().digest().length());
  }

  @Test
  void theProjectsOwnExamplePasswordsPass() {
    for (String p : new String[] {"a long enough password", "therapist password 1", "root-secret-password",
        "bench password 2024", "a long admin password", "another good password"}) {
      assertEquals(Optional.empty(), AccountRules.passwordProblem(p, "someone"), p);
    }
  }

  @Test
  void controlCharactersAreRefused() {
    refused("good password\u0000", "control characters");
    refused("good\tpassword", "control characters");
  }

  @Test
  void aSignInWithControlCharactersOrOversizeFieldsIsBadInput() {
    assertEquals(Optional.empty(), AccountRules.loginProblem("robin", "anything at all"));
    assertEquals(Optional.empty(), AccountRules.loginProblem("  Robin ", "short"));
    assertTrue(AccountRules.loginProblem("rob\u0000in", "anything at all").get().contains("username must not contain control"));
    assertTrue(AccountRules.loginProblem("robin", "any\u0000thing").get().contains("password must not contain control"));
    assertTrue(AccountRules.loginProblem("robin\n", "anything").get().contains("control"));
    assertTrue(AccountRules.loginProblem("robin", "anything\u007f").get().contains("control"));
    assertTrue(AccountRules.loginProblem("r".repeat(33), "anything").get().contains("at most 32"));
    assertTrue(AccountRules.loginProblem("robin", "p".repeat(257)).get().contains("at most 256"));
    assertTrue(AccountRules.loginProblem(null, "x").get().contains("required"));
    assertTrue(AccountRules.loginProblem("robin", "").get().contains("required"));
    assertTrue(AccountRules.loginProblem(" ", "x").get().contains("required"));
  }
}
