package app.talkingstick.group;

import static app.talkingstick.support.RoomFixture.nextEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.bridge.UserAddresses;
import app.talkingstick.support.Api;
import app.talkingstick.support.RoomFixture;
import app.talkingstick.support.RoomFixture.Person;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A therapist pulls a member aside into their private channel; the room is told only that they stepped away. */
@ExtendWith(VertxExtension.class)
class PullAsideTest {

  private static TestServer server;
  private static Api api;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start();
    api = new Api(vertx, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject body(JsonObject frame) {
    return frame.getJsonObject("body") == null ? new JsonObject() : frame.getJsonObject("body");
  }

  @Test
  void aPulledAsideMemberTalksPrivatelyWhileTheRoomPausesThenResumes(Vertx vertx) {
    try (RoomFixture room = RoomFixture.create(server, api, vertx, "open", 2)) {
      room.connectAll();
      room.startSession();
      Person aside = room.clients.get(0);
      Person other = room.clients.get(1);
      for (Person p : List.of(aside, other)) {
        p.socket.registerLive(UserAddresses.inbox(p.session.id()),
            probe -> server.server().services().inbox().deliver(p.session.id(), probe));
      }
      room.say(room.therapist, "let's begin");
      nextEvent(aside, "message");

      assertEquals("FORBIDDEN", room.act(other, new JsonObject().put("type", "pull-aside")
          .put("memberId", aside.memberId.toString())).getJsonObject("error").getString("code"));
      JsonObject pulled = room.act(room.therapist, new JsonObject().put("type", "pull-aside").put("memberId", aside.memberId.toString()));
      assertTrue(pulled.getBoolean("ok"), pulled.encode());
      String channelId = pulled.getString("channelId");

      JsonObject invite = nextEvent(aside, "channel-invite");
      assertEquals(channelId, invite.getString("channelId"));
      JsonObject steppedAway = other.socket.nextMatching(f -> "facilitator".equals(body(f).getString("type"))
          && body(f).getString("text").contains("stepped away"), Duration.ofSeconds(5)).getJsonObject("body");
      assertFalse(steppedAway.encode().contains(aside.pseudonym), "the room is not told who was pulled aside");
      other.socket.expectNo(f -> "channel-invite".equals(body(f).getString("type")), Duration.ofMillis(300));
      assertEquals("NOT_YOUR_TURN", room.say(other, "hello?").getJsonObject("error").getString("code"), "the room pauses");

      String privateOut = "channel." + channelId + ".out";
      aside.socket.registerLive(privateOut, probe -> server.server().vertx().eventBus().publish(privateOut, probe));
      room.therapist.socket.registerLive(privateOut, probe -> server.server().vertx().eventBus().publish(privateOut, probe));
      JsonObject privately = aside.socket.request("channel." + channelId + ".in",
          new JsonObject().put("type", "say").put("text", "thank you for checking in").put("clientMsgId", "aside-1"));
      long deadline = System.currentTimeMillis() + 5_000;
      while (!body(privately).getBoolean("ok", false) && System.currentTimeMillis() < deadline) {
        privately = aside.socket.request("channel." + channelId + ".in",
            new JsonObject().put("type", "say").put("text", "thank you for checking in").put("clientMsgId", "aside-1"));
      }
      assertTrue(body(privately).getBoolean("ok"), privately.encode());
      assertEquals("thank you for checking in", room.therapist.socket.nextMatching(f -> ("channel." + channelId + ".out")
          .equals(f.getString("address")), Duration.ofSeconds(5)).getJsonObject("body").getString("text"));
      other.socket.expectNo(f -> "thank you for checking in".equals(body(f).getString("text")), Duration.ofMillis(300));

      assertTrue(room.act(room.therapist, new JsonObject().put("type", "return")).getBoolean("ok"));
      assertTrue(room.say(other, "good to have you back").getBoolean("ok"));
    }
  }
}
