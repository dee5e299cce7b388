package app.talkingstick.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The pure pieces behind the bridge and its bounds: reading a frame, the frame rate and the write budget. */
class SocketBoundsTest {

  @Test
  void theFrameRateAllowsItsBurstThenItsRate() {
    FrameRate rate = new FrameRate(50, 100, 0);
    for (int i = 0; i < 100; i++) assertTrue(rate.tryTake(0), "frame " + i + " of the burst");
    assertFalse(rate.tryTake(0));
    assertTrue(rate.tryTake(20_000_000), "one frame more after 20 ms at 50 a second");
    assertFalse(rate.tryTake(20_000_000));
    for (int i = 0; i < 100; i++) assertTrue(rate.tryTake(60_000_000_000L), "a full burst again after a quiet minute");
    assertFalse(rate.tryTake(60_000_000_000L));
  }

  @Test
  void theWriteBudgetBoundsEachSocketAndAllTogether() {
    WriteBudget budget = new WriteBudget(10_000, 20_000);
    assertEquals(WriteBudget.Verdict.ADMITTED, budget.admits(0, 9_000));
    assertEquals(WriteBudget.Verdict.SOCKET_FULL, budget.admits(9_000, 2_000), "past the socket's share");
    budget.charge(19_500);
    assertEquals(WriteBudget.Verdict.ADMITTED, budget.admits(0, 1_000), "a socket that keeps up still gets its frame");
    assertEquals(WriteBudget.Verdict.TOTAL_FULL, budget.admits(500, 1_000), "one with a backlog does not");
    budget.release(19_500);
    assertEquals(WriteBudget.Verdict.ADMITTED, budget.admits(500, 1_000));
    assertEquals(0, budget.queued());
    assertEquals(1 + WriteBudget.OVERHEAD, WriteBudget.cost(1), "a 1-byte frame is not free");
  }

  @Test
  void framesAreReadAsTheVertxBridgeReadThem() {
    assertEquals("invalid_json", parse("x").error());
    assertEquals("invalid_json", parse("[1,2]").error());
    assertEquals("missing_type", parse("{}").error());
    assertEquals("missing_type", parse("{\"type\":3,\"address\":\"a\"}").error());
    assertEquals("missing_address", parse("{\"type\":\"send\"}").error());
    assertEquals("invalid_type", parse("{\"type\":\"shout\",\"address\":\"a\"}").error());
    assertEquals("shout", parse("{\"type\":\"shout\",\"address\":\"a\"}").type(), "kept for the log line");
    BridgeFrame ping = parse("{\"type\":\"ping\"}");
    assertFalse(ping.failed());
    assertEquals(BridgeFrame.PING, ping.type());
    BridgeFrame send = parse(new JsonObject().put("type", "send").put("address", "group.x.in")
        .put("body", new JsonObject().put("a", 1)).put("replyAddress", "r1")
        .put("headers", new JsonObject().put("ts-account", "forged")).encode());
    assertEquals("group.x.in", send.address());
    assertEquals(new JsonObject().put("a", 1), send.body());
    assertEquals("r1", send.replyAddress());
    assertNull(send.error());
  }

  private static BridgeFrame parse(String text) {
    return BridgeFrame.parse(Buffer.buffer(text));
  }
}
