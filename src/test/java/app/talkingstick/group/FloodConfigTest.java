package app.talkingstick.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.RoomFixture;
import app.talkingstick.support.RoomFixture.Person;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** FLOOD_BURST and FLOOD_REFILL_MS set a room's flood limit. */
@ExtendWith(VertxExtension.class)
class FloodConfigTest {

  private static TestServer server;
  private static Api api;
  private static Vertx vertx;

  @BeforeAll
  static void start(Vertx v) {
    vertx = v;
    server = TestServer.start(Map.of("FLOOD_BURST", "2", "FLOOD_REFILL_MS", "600000"));
    api = new Api(v, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theConfiguredBurstIsWhatAClientMaySend() {
    try (RoomFixture room = RoomFixture.create(server, api, vertx, "open", 1)) {
      room.connectAll();
      room.startSession();
      Person client = room.clients.get(0);
      assertTrue(room.say(client, "first thing I wanted to say").getBoolean("ok"));
      assertTrue(room.say(client, "and a second, different one").getBoolean("ok"));
      JsonObject third = room.say(client, "and then a third remark about my week");
      assertTrue(third.containsKey("error"), third.encode());
      assertEquals("RATE_LIMITED", third.getJsonObject("error").getString("code"), third.encode());
      for (int i = 0; i < 4; i++) {
        assertTrue(room.say(room.therapist, "the therapist is not limited " + i).getBoolean("ok"));
      }
    }
  }
}
