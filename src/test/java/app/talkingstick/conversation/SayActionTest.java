package app.talkingstick.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SayActionTest {

  /** The rule as docs/protocol.md states it. */
  private static final Pattern DOCUMENTED = Pattern.compile("[A-Za-z0-9._:~-]{1,64}");

  @Test
  void aClientMsgIdIsCheckedCharacterByCharacterExactlyAsTheDocumentedPattern() {
    for (char c = 0; c < 0x3000; c++) {
      String one = String.valueOf(c);
      assertEquals(DOCUMENTED.matcher(one).matches(), SayAction.validClientMsgId(one), "U+" + Integer.toHexString(c));
      String inside = "ab" + c + "9";
      assertEquals(DOCUMENTED.matcher(inside).matches(), SayAction.validClientMsgId(inside), inside);
    }
  }

  @Test
  void aClientMsgIdHasOneToSixtyFourCharacters() {
    assertFalse(SayAction.validClientMsgId(""));
    assertTrue(SayAction.validClientMsgId("x".repeat(64)));
    assertFalse(SayAction.validClientMsgId("x".repeat(65)));
    assertTrue(SayAction.validClientMsgId("~B~12~3~456~1700000000~"));
    assertFalse(SayAction.validClientMsgId("a b"));
    assertFalse(SayAction.validClientMsgId("é"));
  }
}
