package app.talkingstick.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = PasswordHasher.standard();

  @Test
  void hashesAreArgon2idPhcStringsWithAFreshSalt() {
    String a = hasher.hash("correct horse battery");
    String b = hasher.hash("correct horse battery");
    assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
    assertNotEquals(a, b);
    assertFalse(a.contains("correct horse"));
  }

  @Test
  void verifiesTheRightPasswordOnly() {
    String hash = hasher.hash("correct horse battery");
    assertTrue(hasher.verify("correct horse battery", hash));
    assertFalse(hasher.verify("correct horse batterY", hash));
    assertFalse(hasher.verify("", hash));
  }

  @Test
  void oldParametersStillVerifyAfterTheyAreRaised() {
    String weak = new PasswordHasher(1024, 1, 1).hash("an older password");
    assertTrue(hasher.verify("an older password", weak));
  }

  @Test
  void unreadableHashesNeverVerify() {
    for (String junk : new String[] {"", "plain", "$argon2i$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=x$a$b",
        "$argon2id$v=19$m=1024,t=1,p=1$!!!$!!!"}) {
      assertFalse(hasher.verify("anything", junk), junk);
    }
  }
}
