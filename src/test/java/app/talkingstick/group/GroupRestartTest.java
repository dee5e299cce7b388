package app.talkingstick.group;

import static app.talkingstick.support.RoomFixture.nextEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.RoomFixture;
import app.talkingstick.support.RoomFixture.Person;
import app.talkingstick.support.TestDatabase;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server stops mid-session while messages are being sent; nothing acknowledged is lost. */
@ExtendWith(VertxExtension.class)
class GroupRestartTest {

  @Test
  void aRestartMidSessionLosesNothingAcknowledgedAndTheRoomCarriesOn(Vertx vertx) throws Exception {
    Map<String, String> env = Map.of(
        "DATABASE_URL", TestDatabase.freshDatabaseUrl().toString(),
        "DATA_DIR", TestServer.tempDir().toString());
    TestServer first = TestServer.start(env);
    Api api = new Api(vertx, first.port());
    RoomFixture room = RoomFixture.create(first, api, vertx, "open", 2);
    room.connectAll();
    room.startSession();

    List<Long> acknowledged = new ArrayList<>();
    Person talker = room.therapist; // therapists are not slowed by the conduct policy's flood limit
    CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < 500; i++) {
        JsonObject reply;
        try {
          reply = room.say(talker, "message " + i);
        } catch (AssertionError socketGone) {
          return;
        }
        if (reply.getBoolean("ok", false)) {
          synchronized (acknowledged) {
            acknowledged.add(reply.getLong("seq"));
          }
        }
      }
    });
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      synchronized (acknowledged) {
        if (acknowledged.size() >= 20) break;
      }
      Thread.sleep(5);
    }
    first.close();
    sending.get();
    assertTrue(acknowledged.size() >= 20);

    try (TestServer second = TestServer.start(env)) {
      for (long seq : acknowledged) {
        assertEquals(1, second.sql("SELECT count(*) FROM group_messages WHERE group_id = '" + room.groupId
            + "' AND seq = " + seq).iterator().next().getLong(0), "acknowledged seq " + seq + " survived");
      }
      long lastBefore = second.sql("SELECT max(seq) FROM group_messages WHERE group_id = '" + room.groupId + "'")
          .iterator().next().getLong(0);
      RoomFixture again = RoomFixture.reattach(room, second, new Api(vertx, second.port()), vertx);
      again.connectAll();
      assertEquals("open", new Api(vertx, second.port()).get("/api/groups/" + room.groupId, again.therapist.session.accessToken())
          .json().getJsonObject("live", new JsonObject()).getJsonObject("session", new JsonObject()).getString("state", "open"));
      JsonObject after = again.say(again.clients.get(1), "after the restart");
      assertTrue(after.getBoolean("ok"), after.encode());
      assertTrue(after.getLong("seq") > lastBefore, "the sequence continues after the restart");
      assertEquals("after the restart", nextEvent(again.clients.get(0), "message").getString("text"));
      again.close();
    }
  }
}
