package app.talkingstick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pure pieces of log hygiene: escaping, cutting, path redaction. */
class LogSafeTest {

  @Test
  void plainValuesPassUnchanged() {
    String plain = "GET /api/me Rōbin émoji 😀 ok";
    assertSame(plain, LogSafe.of(plain));
    assertEquals("null", LogSafe.of(null));
    assertEquals("42", LogSafe.of(42));
  }

  @Test
  void lineBreaksTabsAndOtherControlsAreEscaped() {
    assertEquals("a\\nb\\rc\\td", LogSafe.of("a\nb\rc\td"));
    assertEquals("\\u0000\\u001B[31m\\u007F\\u0085", LogSafe.of("\u0000\u001b[31m\u007f\u0085"));
    assertEquals("x\\u2028y\\u2029z", LogSafe.of("x\u2028y\u2029z"), "Unicode line and paragraph separators");
    assertEquals("\\u202Eevil\\u200B\\u2066", LogSafe.of("\u202eevil\u200b\u2066"), "bidi overrides and zero-width");
  }

  @Test
  void aBackslashIsDoubledSoAnEscapeCannotBeFaked() {
    assertEquals("a\\\\nb", LogSafe.of("a\\nb"));
    assertFalse(LogSafe.of("a\\nb").equals(LogSafe.of("a\nb")));
  }

  @Test
  void longValuesAreCutWithTheirLengthNoted() {
    String cut = LogSafe.of("x".repeat(10_000));
    assertEquals("x".repeat(LogSafe.MAX_VALUE_CHARS) + "...[10000 chars]", cut);
    assertEquals("abc...[6 chars]", LogSafe.of("abcdef", 3));
    assertEquals("a...[3 chars]", LogSafe.of("a😀", 2), "a surrogate pair is never split");
  }

  @Test
  void loneSurrogatesAreEscapedPairsKept() {
    assertEquals("\\uD83D!", LogSafe.of("\ud83d!"));
    assertEquals("😀", LogSafe.of("😀"));
  }

  @Test
  void aWholeLineKeepsBackslashesAndIsCutLater() {
    assertEquals("Invalid type: x\\n12:00 ERROR forged \\u2028", LogSafe.line("Invalid type: x\n12:00 ERROR forged \u2028"));
    assertEquals("already \\\\n escaped", LogSafe.line("already \\\\n escaped"));
    assertTrue(LogSafe.line("y".repeat(50_000)).length() < LogSafe.MAX_LINE_CHARS + 30);
  }

  @Test
  void requestPathsLoseSecretsQueriesAndControls() {
    assertEquals("/api/groups/6bf2/invites/[redacted]", RequestLog.loggablePath("/api/groups/6bf2/invites/T5TKTSVAXD"));
    assertEquals("/api/groups/6bf2/invites", RequestLog.loggablePath("/api/groups/6bf2/invites"));
    assertEquals("/api/clients/invites", RequestLog.loggablePath("/api/clients/invites"));
    assertEquals("/api/groups/6bf2/INVITES/[redacted]/x", RequestLog.loggablePath("/api/groups/6bf2/INVITES/abc/x"));
    assertEquals("/eventbus/[redacted]/[redacted]/websocket", RequestLog.loggablePath("/eventbus/123/sessionid/websocket"));
    assertEquals("/eventbus/websocket", RequestLog.loggablePath("/eventbus/websocket?ticket=abc"));
    assertEquals("/health", RequestLog.loggablePath("/health#x"));
    assertEquals("/api/a\\nb", RequestLog.loggablePath("/api/a\nb"));
    assertTrue(RequestLog.loggablePath("/" + "p".repeat(5_000)).length() < 240);
  }
}
