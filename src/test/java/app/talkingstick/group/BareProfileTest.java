package app.talkingstick.group;

import static app.talkingstick.support.RoomFixture.nextEvent;
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

/**
 * The benchmark's TS_PROFILE=bare: a room still numbers, acknowledges and delivers, but screens nothing and stores
 * nothing, which is what the benchmark compares the product against.
 */
@ExtendWith(VertxExtension.class)
class BareProfileTest {

  private static TestServer server;
  private static Api api;
  private static Vertx vertx;

  @BeforeAll
  static void start(Vertx v) {
    vertx = v;
    server = TestServer.start(Map.of("TS_PROFILE", "bare"));
    api = new Api(v, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void messagesAreDeliveredButNeitherScreenedNorStored() {
    try (RoomFixture room = RoomFixture.create(server, api, vertx, "open", 2)) {
      room.connectAll();
      room.startSession();
      Person alice = room.clients.get(0);
      Person bob = room.clients.get(1);
      long first = 0;
      for (int i = 0; i < 8; i++) { // beyond the product's burst of 5 and its repeat limit
        JsonObject reply = room.say(alice, "you are pathetic");
        assertTrue(reply.getBoolean("ok"), reply.encode());
        if (i == 0) first = reply.getLong("seq");
      }
      for (int i = 0; i < 8; i++) {
        JsonObject message = nextEvent(bob, "message");
        assertEquals(first + i, message.getLong("seq"));
        assertEquals("you are pathetic", message.getString("text"));
      }
      assertEquals(0L, server.sql("SELECT count(*) FROM group_messages WHERE group_id = '" + room.groupId + "'")
          .iterator().next().getLong(0));
    }
  }
}
