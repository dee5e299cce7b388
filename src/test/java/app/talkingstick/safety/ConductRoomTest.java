package app.talkingstick.safety;

import static app.talkingstick.support.RoomFixture.nextEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Conduct and crisis safety in a live room, over real sockets: blocked, masked, held, muted, redacted, alerted. */
@ExtendWith(VertxExtension.class)
class ConductRoomTest {

  private static TestServer server;
  private static Api api;
  private static Vertx vertx;

  @BeforeAll
  static void start(Vertx v) {
    vertx = v;
    server = TestServer.start();
    api = new Api(v, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RoomFixture room() {
    RoomFixture room = RoomFixture.create(server, api, vertx, "open", 2);
    room.connectAll();
    room.everyone().forEach(p -> p.socket.register(UserAddresses.inbox(p.session.id())));
    room.startSession();
    return room;
  }

  private static long count(String sql) {
    return server.sql(sql).iterator().next().getLong(0);
  }

  /** Audit entries are written just after the reply: the count once it reaches {@code atLeast}, or after two seconds. */
  private static long eventually(String sql, long atLeast) {
    long deadline = System.currentTimeMillis() + 2_000;
    long n = count(sql);
    while (n < atLeast && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      n = count(sql);
    }
    return n;
  }

  private static String code(JsonObject reply) {
    assertFalse(reply.getBoolean("ok", true), reply.encode());
    return reply.getJsonObject("error").getString("code");
  }

  private static JsonObject body(JsonObject frame) {
    return frame.getJsonObject("body") == null ? new JsonObject() : frame.getJsonObject("body");
  }

  @Test
  void anInsultAtSomeoneIsBlockedWithAReasonTheStaffAreToldAndTheLadderWarns() {
    try (RoomFixture room = room()) {
      Person rude = room.clients.get(0);
      Person other = room.clients.get(1);
      JsonObject refused = room.say(rude, "you are pathetic");
      assertEquals("CONTENT_BLOCKED", code(refused));
      assertFalse(refused.getJsonObject("error").getString("message").isBlank(), "a specific, kind reason");
      assertEquals(0, count("SELECT count(*) FROM group_messages WHERE group_id = '" + room.groupId + "'"));
      other.socket.expectNo(f -> "message".equals(body(f).getString("type")), Duration.ofMillis(300));
      JsonObject flag = nextEvent(room.therapist, "flag");
      assertEquals(rude.memberId.toString(), flag.getString("memberId"));
      assertEquals("warning", nextEvent(rude, "warning").getString("type"), "the first strike warns privately");
      assertTrue(eventually("SELECT count(*) FROM audit_log WHERE group_id = '" + room.groupId + "' AND action = 'message-blocked'", 1) >= 1);
    }
  }

  @Test
  void personalDetailsAreMaskedBeforeAnyoneSeesThem() {
    try (RoomFixture room = room()) {
      JsonObject reply = room.say(room.clients.get(0), "call me on 07700 900123");
      assertTrue(reply.getBoolean("ok"), reply.encode());
      assertTrue(reply.getBoolean("masked"));
      assertEquals("call me on [phone removed]", nextEvent(room.clients.get(1), "message").getString("text"));
      var stored = api.get("/api/groups/" + room.groupId + "/messages?after=0", room.therapist.session.accessToken()).json();
      assertEquals("call me on [phone removed]", stored.getJsonArray("messages").getJsonObject(0).getString("text"),
          "not stored either (rows are sealed: read back through the history)");
      assertNotNull(nextEvent(room.therapist, "flag"));
    }
  }

  @Test
  void aCrisisMessageReachesTheRoomAlertsTheTherapistAtOnceAndOpensAnEscalation() {
    try (RoomFixture room = room()) {
      Person author = room.clients.get(0);
      JsonObject reply = room.say(author, "I don't want to be here anymore");
      assertTrue(reply.getBoolean("ok"), "never silenced: " + reply.encode());
      assertEquals("I don't want to be here anymore", nextEvent(room.clients.get(1), "message").getString("text"));
      JsonObject crisis = nextEvent(room.therapist, "crisis");
      assertEquals(reply.getLong("seq"), crisis.getLong("seq"));
      assertEquals(author.memberId.toString(), crisis.getString("memberId"));
      assertEquals("suicide", crisis.getString("category"));
      String escalationId = crisis.getString("escalationId");
      assertNotNull(escalationId);
      JsonObject resources = nextEvent(author, "crisis-resources");
      assertFalse(resources.getString("text").isBlank());
      room.clients.get(1).socket.expectNo(f -> "crisis".equals(body(f).getString("type")), Duration.ofMillis(200));

      String token = room.therapist.session.accessToken();
      var open = api.get("/api/escalations", token).json().getJsonArray("escalations");
      assertTrue(open.stream().anyMatch(e -> escalationId.equals(((JsonObject) e).getString("id"))));
      assertEquals(403, api.get("/api/escalations", author.session.accessToken()).status());
      assertEquals("acknowledged", api.post("/api/escalations/" + escalationId + "/acknowledge", null, token).json().getString("status"));
      assertEquals(400, api.post("/api/escalations/" + escalationId + "/resolve", new JsonObject(), token).status());
      JsonObject resolved = api.post("/api/escalations/" + escalationId + "/resolve",
          new JsonObject().put("note", "Spoke with them after the session; safety plan in place."), token).json();
      assertEquals("resolved", resolved.getString("status"));
      assertEquals(409, api.post("/api/escalations/" + escalationId + "/resolve", new JsonObject().put("note", "again"), token).status());
      assertEquals(404, api.post("/api/escalations/" + escalationId + "/acknowledge", null, api.newTherapist("other").accessToken()).status());
      assertTrue(eventually("SELECT count(*) FROM audit_log WHERE group_id = '" + room.groupId
          + "' AND action IN ('crisis-detected', 'escalation-acknowledged', 'escalation-resolved')", 3) >= 3);
    }
  }

  @Test
  void aBorderlineMessageIsHeldForTheTherapistWhoApprovesOrRejectsIt() {
    try (RoomFixture room = room()) {
      Person author = room.clients.get(0);
      Person other = room.clients.get(1);
      JsonObject held = room.say(author, "what an idiot");
      assertEquals("HELD_FOR_REVIEW", code(held));
      long seq = held.getLong("seq");
      JsonObject staffView = nextEvent(room.therapist, "held");
      assertEquals(seq, staffView.getLong("seq"));
      assertEquals("what an idiot", staffView.getString("text"));
      other.socket.expectNo(f -> "message".equals(body(f).getString("type")), Duration.ofMillis(300));
      var clientHistory = api.get("/api/groups/" + room.groupId + "/messages?after=0", other.session.accessToken()).json();
      assertTrue(clientHistory.getJsonArray("messages").isEmpty(), "held messages are not in clients' history");

      assertEquals("FORBIDDEN", code(room.act(other, new JsonObject().put("type", "approve").put("seq", seq))));
      assertTrue(room.act(room.therapist, new JsonObject().put("type", "approve").put("seq", seq)).getBoolean("ok"));
      assertEquals(seq, nextEvent(other, "message").getLong("seq"));
      assertEquals("INVALID", code(room.act(room.therapist, new JsonObject().put("type", "reject").put("seq", seq))), "no longer held");

      long second = room.say(author, "such a moron").getLong("seq");
      assertTrue(room.act(room.therapist, new JsonObject().put("type", "reject").put("seq", second)).getBoolean("ok"));
      assertEquals(1, count("SELECT count(*) FROM group_messages WHERE group_id = '" + room.groupId + "' AND status = 'rejected'"));
    }
  }

  @Test
  void theTherapistWarnsMutesUnmutesAndRedacts() {
    try (RoomFixture room = room()) {
      Person c = room.clients.get(0);
      Person other = room.clients.get(1);
      assertTrue(room.act(room.therapist, new JsonObject().put("type", "warn").put("memberId", c.memberId.toString())
          .put("reason", "Please keep to your own experience.")).getBoolean("ok"));
      assertEquals("Please keep to your own experience.", nextEvent(c, "warning").getString("reason"));

      assertEquals("FORBIDDEN", code(room.act(other, new JsonObject().put("type", "mute").put("memberId", c.memberId.toString()).put("seconds", 60))));
      assertTrue(room.act(room.therapist, new JsonObject().put("type", "mute").put("memberId", c.memberId.toString())
          .put("seconds", 600)).getBoolean("ok"));
      assertNotNull(nextEvent(c, "muted").getString("until"));
      assertEquals("MUTED", code(room.say(c, "can I talk?")));
      assertEquals(1, count("SELECT count(*) FROM member_mutes WHERE member_id = '" + c.memberId + "'"), "a mute survives a restart");
      assertTrue(room.act(room.therapist, new JsonObject().put("type", "unmute").put("memberId", c.memberId.toString())).getBoolean("ok"));
      JsonObject said = room.say(c, "thank you for listening");
      assertTrue(said.getBoolean("ok"), said.encode());

      long seq = said.getLong("seq");
      assertTrue(room.act(room.therapist, new JsonObject().put("type", "redact").put("seq", seq).put("reason", "shared too much")).getBoolean("ok"));
      assertEquals(seq, nextEvent(other, "redacted").getLong("seq"));
      var history = api.get("/api/groups/" + room.groupId + "/messages?after=0", other.session.accessToken()).json();
      assertTrue(history.getJsonArray("messages").stream().noneMatch(m -> ((JsonObject) m).getLong("seq") == seq));
      assertTrue(eventually("SELECT count(*) FROM audit_log WHERE group_id = '" + room.groupId
          + "' AND action IN ('warned', 'muted', 'unmuted', 'message-redacted')", 4) >= 4);
    }
  }

  @Test
  void inAPrivateChannelACrisisAlertsThatTherapistAndNothingIsFiltered() {
    try (RoomFixture room = room()) {
      Person client = room.clients.get(0);
      String channelId = api.post("/api/channels", new JsonObject().put("clientId", client.session.id().toString()),
          room.therapist.session.accessToken()).json().getString("id");
      String in = "channel." + channelId + ".in";
      JsonObject insult = body(client.socket.request(in, new JsonObject().put("type", "say")
          .put("text", "you are pathetic and my number is 07700 900123").put("clientMsgId", "p-1")));
      assertTrue(insult.getBoolean("ok"), "the therapist decides in a therapy channel: " + insult.encode());
      JsonObject reply = body(client.socket.request(in, new JsonObject().put("type", "say")
          .put("text", "I've been saving up my pills").put("clientMsgId", "p-2")));
      assertTrue(reply.getBoolean("ok"), reply.encode());
      JsonObject alert = nextEvent(room.therapist, "crisis");
      assertEquals(channelId, alert.getString("channelId"));
      assertEquals(reply.getLong("seq"), alert.getLong("seq"));
      assertNotNull(alert.getString("escalationId"));
      assertNotNull(nextEvent(client, "crisis-resources"));
      room.clients.get(1).socket.expectNo(f -> "crisis".equals(body(f).getString("type")), Duration.ofMillis(200));
      assertEquals(1, count("SELECT count(*) FROM escalations WHERE channel_id = '" + channelId + "' AND status = 'open'"));
      assertTrue(api.get("/api/escalations", room.therapist.session.accessToken()).json().getJsonArray("escalations")
          .stream().anyMatch(e -> channelId.equals(((JsonObject) e).getString("channelId"))));
    }
  }

  @Test
  void aFloodIsSlowedDown() {
    try (RoomFixture room = room()) {
      Person c = room.clients.get(0);
      String code = null;
      for (int i = 0; i < 12 && code == null; i++) {
        JsonObject reply = room.say(c, "message number " + i + " in a hurry");
        if (!reply.getBoolean("ok", false)) code = reply.getJsonObject("error").getString("code");
      }
      assertEquals("RATE_LIMITED", code);
    }
  }
}
