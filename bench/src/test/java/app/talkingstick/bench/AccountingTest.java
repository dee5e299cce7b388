package app.talkingstick.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The generator must notice a dropped, a duplicated and a reordered delivery, whatever wraps the payload. */
class AccountingTest {

  @Test
  void ledgerTellsLossDuplicatesAndReordering() {
    DeliveryLedger ledger = new DeliveryLedger(2);
    assertEquals(DeliveryLedger.Outcome.IN_ORDER, ledger.record(0, 1, 1));
    assertEquals(DeliveryLedger.Outcome.IN_ORDER, ledger.record(0, 1, 2));
    assertEquals(DeliveryLedger.Outcome.IN_ORDER, ledger.record(0, 1, 4)); // 3 not (yet) there
    assertEquals(DeliveryLedger.Outcome.DUPLICATE, ledger.record(0, 1, 2));
    assertEquals(1, ledger.missing(0, 1, 1, 4));
    assertEquals(DeliveryLedger.Outcome.REORDERED, ledger.record(0, 1, 3)); // late, after 4
    assertEquals(0, ledger.missing(0, 1, 1, 4));
    assertEquals(DeliveryLedger.Outcome.DUPLICATE, ledger.record(0, 1, 3));
    // another receiver and another sender are tracked separately
    assertEquals(4, ledger.missing(1, 1, 1, 4));
    assertEquals(DeliveryLedger.Outcome.IN_ORDER, ledger.record(1, 0, 1));
    assertEquals(0, ledger.received(0, 0, 1, 1));
  }

  @Test
  void slowSecondsSayWhenDeliveriesWereLate() {
    Counters shard1 = new Counters();
    Counters shard2 = new Counters();
    shard1.recordDelivery(0, 2_000);
    shard1.recordDelivery(3, 861_000);
    shard2.recordDelivery(3, 40_000);
    shard2.recordDelivery(3, 51_000);
    shard2.recordDelivery(Counters.TIMELINE_SECONDS, 99_000); // outside the timeline: only the histogram
    Counters total = new Counters();
    total.add(shard1);
    total.add(shard2);
    io.vertx.core.json.JsonArray slow = Report.slowSeconds(total, 10);
    assertEquals(1, slow.size());
    assertEquals(3, slow.getJsonObject(0).getInteger("second"));
    assertEquals(3, slow.getJsonObject(0).getLong("deliveries"));
    assertEquals(2, slow.getJsonObject(0).getLong("over50ms"));
    assertEquals(861.0, slow.getJsonObject(0).getDouble("maxMs"));
    assertEquals(5, total.latency.getTotalCount());
  }

  @Test
  void payloadRoundTripsInsideAnyWrapping() {
    String text = Payload.encode(12, 3, 456, 7_890_123_456L, 100);
    assertTrue(text.length() >= 100);
    for (String frame : new String[] {
        text,
        "42[\"msg\",\"" + text + "\"]",
        "{\"type\":\"rec\",\"address\":\"group.x.out\",\"body\":{\"type\":\"message\",\"seq\":9,\"text\":\"" + text + "\"}}"}) {
      Buffer buf = Buffer.buffer(frame);
      int at = Payload.indexOf(buf);
      assertTrue(at >= 0, frame);
      Payload.Parsed p = new Payload.Parsed();
      assertTrue(Payload.parse(buf, at, p));
      assertEquals(12, p.room);
      assertEquals(3, p.sender);
      assertEquals(456, p.seq);
      assertEquals(7_890_123_456L, p.intended);
    }
    assertEquals(-1, Payload.indexOf(Buffer.buffer("{\"type\":\"presence\",\"online\":[]}")));
    Payload.Parsed p = new Payload.Parsed();
    assertFalse(Payload.parse(Buffer.buffer("~B~1~2~x~"), 0, p));
    assertFalse(Payload.parse(Buffer.buffer("~B~1~2~3"), 0, p));
  }

  /** The engine's own accounting, fed frames as the adapters would: one dropped, one duplicated, one reordered. */
  @Test
  void engineCountsADroppedADuplicatedAndAReorderedDelivery() {
    Shard shard = new Shard(0, null, null);
    RoomState room = new RoomState(5, 3, false);
    shard.rooms.add(room);
    room.lastSeq[1] = 5; // member 1 sent 1..5
    int[][] receipts = {
        {1, 2, 3, 4, 5},    // member 0: everything
        {1, 2, 4, 5},       // member 1: 3 dropped
        {1, 2, 3, 3, 5, 4}, // member 2: 3 duplicated, 4 after 5
    };
    for (int receiver = 0; receiver < receipts.length; receiver++) {
      for (int seq : receipts[receiver]) {
        Buffer frame = Buffer.buffer("42[\"msg\",\"" + Payload.encode(5, 1, seq, 1_000L * seq, 64) + "\"]");
        shard.received(room, receiver, frame, Payload.indexOf(frame), 2_000_000L);
      }
    }
    // a payload from another room, and a mangled one
    Buffer foreign = Buffer.buffer(Payload.encode(6, 1, 1, 1_000L, 64));
    shard.received(room, 0, foreign, Payload.indexOf(foreign), 2_000_000L);
    Buffer mangled = Buffer.buffer("~B~5~1~oops~");
    shard.received(room, 0, mangled, 0, 2_000_000L);

    Counters k = shard.onFinish().result();
    assertEquals(15, k.expected);
    assertEquals(14, k.uniqueDeliveries);
    assertEquals(1, k.lost);
    assertEquals(1, k.duplicates);
    assertEquals(1, k.reordered);
    assertEquals(1, k.misrouted);
    assertEquals(1, k.badPayloads);
  }

  @Test
  void slopeIsBytesPerClient() {
    io.vertx.core.json.JsonArray points = new io.vertx.core.json.JsonArray();
    for (int n : new int[] {0, 1000, 2000, 4000}) {
      points.add(new io.vertx.core.json.JsonObject().put("clients", n).put("rssBytes", 50_000_000L + 10_000L * n));
    }
    assertEquals(10_000.0, Bench.slope(points, "rssBytes"), 1e-6);
  }
}
