package app.talkingstick.safety;

import static app.talkingstick.support.RoomFixture.nextEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.bridge.UserAddresses;
import app.talkingstick.group.GroupAddresses;
import app.talkingstick.support.Api;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.RoomFixture;
import app.talkingstick.support.RoomFixture.Person;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Screen first, decide after, over real sockets: a crisis text that the room would refuse (out of turn,
 * between sessions, paused, muted, over the flood limit, abusive, too long, agreement outdated) is never
 * answered with a refusal. It reaches every therapist of the group on their inbox within a second, with
 * an escalation committed before the author's reply, and the author is told it reached their therapist,
 * with the support card. The other members see nothing of it.
 */
@ExtendWith(VertxExtension.class)
class CrisisScreeningRoomTest {

  private static final String CRISIS = "I want to kill myself tonight";
  /**
   * A crisis only the encoders see, in a text the glance settles up to its crisis reading (the rules find
   * nothing, the word features are sure it is not abuse): a room that would share it shares it before the
   * reading comes ({@code GlanceTest} checks it is such a text).
   */
  private static final String READ_AFTER = "on the roof of the car park now. it's quiet up here";

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

  /** A room in {@code mode} with two clients, everyone's inbox live; the session started when {@code inSession}. */
  private static RoomFixture room(String mode, boolean inSession) {
    RoomFixture room = RoomFixture.create(server, api, vertx, mode, 2);
    room.connectAll();
    room.everyone().forEach(p -> p.socket.registerLive(UserAddresses.inbox(p.session.id()),
        probe -> server.server().services().inbox().deliver(p.session.id(), probe)));
    if (inSession) room.startSession();
    return room;
  }

  private static long count(String sql) {
    return server.sql(sql).iterator().next().getLong(0);
  }

  private static JsonObject body(JsonObject frame) {
    return frame.getJsonObject("body") == null ? new JsonObject() : frame.getJsonObject("body");
  }

  /**
   * Sends {@code text} from the room's first client in the state {@code setUp} left the room in, and checks
   * everything the issue promises for a crisis the room would refuse.
   */
  private static void reachesTheTherapistsInstead(String mode, boolean inSession, Consumer<RoomFixture> setUp, String text) {
    try (RoomFixture room = room(mode, inSession)) {
      setUp.accept(room);
      Person author = room.clients.get(0);
      Person other = room.clients.get(1);
      room.everyone().forEach(p -> p.socket.drain());
      long sent = System.nanoTime();
      JsonObject reply = room.say(author, text);
      assertTrue(reply.getBoolean("ok"), "never a refusal: " + reply.encode());
      assertFalse(reply.getBoolean("shared"), reply.encode());
      assertTrue(reply.getString("message").contains("therapist"), reply.encode());
      assertFalse(reply.getJsonObject("support").getString("text").isBlank());
      assertFalse(reply.getJsonObject("support").getJsonArray("links").isEmpty());

      JsonObject alert = room.therapist.socket.nextMatching(f -> "crisis".equals(body(f).getString("type"))
          && UserAddresses.inbox(room.therapist.session.id()).equals(f.getString("address")), Duration.ofSeconds(5))
          .getJsonObject("body");
      long millis = (System.nanoTime() - sent) / 1_000_000;
      assertTrue(millis < 1_000, "the alert took " + millis + " ms");
      assertEquals(text, alert.getString("text"));
      assertFalse(alert.getBoolean("shared"));
      assertEquals(reply.getLong("seq"), alert.getLong("seq"));
      assertEquals(author.pseudonym, alert.getString("pseudonym"));
      String escalationId = alert.getString("escalationId");
      assertNotNull(escalationId);
      assertEquals(1, count("SELECT count(*) FROM escalations WHERE id = '" + escalationId + "' AND status = 'open'"
          + " AND NOT shared"), "committed before the reply");
      assertNotNull(nextEvent(author, "crisis-resources"));

      other.socket.expectNo(f -> {
        String type = body(f).getString("type");
        return "message".equals(type) || "crisis".equals(type) || "crisis-resources".equals(type);
      }, Duration.ofMillis(300));
      assertEquals("private", server.sql("SELECT status FROM group_messages WHERE group_id = '" + room.groupId
          + "' AND seq = " + reply.getLong("seq")).iterator().next().getString(0));
      assertSeenOnlyByTheAuthorAndTheTherapists(room, reply.getLong("seq"));
    }
  }

  private static void assertSeenOnlyByTheAuthorAndTheTherapists(RoomFixture room, long seq) {
    String path = "/api/groups/" + room.groupId + "/messages?after=0";
    JsonArray others = api.get(path, room.clients.get(1).session.accessToken()).json().getJsonArray("messages");
    assertTrue(others.stream().noneMatch(m -> ((JsonObject) m).getLong("seq") == seq), "not in another member's history");
    JsonArray own = api.get(path, room.clients.get(0).session.accessToken()).json().getJsonArray("messages");
    assertTrue(own.stream().anyMatch(m -> ((JsonObject) m).getLong("seq") == seq
        && "private".equals(((JsonObject) m).getString("status"))), "the author sees their own, marked private");
    JsonArray staff = api.get(path, room.therapist.session.accessToken()).json().getJsonArray("messages");
    assertTrue(staff.stream().anyMatch(m -> ((JsonObject) m).getLong("seq") == seq), "the therapist sees it in context");
  }

  @Test
  void outOfTurn() {
    reachesTheTherapistsInstead("raise-hand", true, room -> {}, CRISIS);
  }

  @Test
  void betweenSessions() {
    reachesTheTherapistsInstead("open", false, room -> {}, "I have the pills in my hand right now");
  }

  @Test
  void whilePaused() {
    reachesTheTherapistsInstead("open", true, room -> assertTrue(room.act(room.therapist,
        new JsonObject().put("type", "set-mode").put("mode", "paused")).getBoolean("ok")), CRISIS);
  }

  @Test
  void whileMuted() {
    reachesTheTherapistsInstead("open", true, room -> assertTrue(room.act(room.therapist, new JsonObject()
        .put("type", "mute").put("memberId", room.clients.get(0).memberId.toString()).put("seconds", 600))
        .getBoolean("ok")), CRISIS);
  }

  @Test
  void overTheFloodLimit() {
    reachesTheTherapistsInstead("open", true, room -> {
      String[] hurried = {"good evening everyone", "the bus was late again", "my cat knocked over a plant",
          "anyone watch the match", "tea or coffee tonight", "work was long", "I made soup", "it rained all day",
          "my sister called", "the shop was shut", "new shoes hurt", "quiet week really"};
      String code = null;
      for (int i = 0; i < hurried.length && code == null; i++) {
        JsonObject reply = room.say(room.clients.get(0), hurried[i]);
        if (!reply.getBoolean("ok", false)) code = reply.getJsonObject("error").getString("code");
      }
      assertEquals("RATE_LIMITED", code, "the sixth message in a burst of five");
    }, CRISIS);
  }

  @Test
  void withAnAbusiveWordAndNoStrike() {
    reachesTheTherapistsInstead("open", true, room -> {}, "you're all pathetic and I'm going to kill myself tonight");
    assertEquals(0, count("SELECT count(*) FROM audit_log WHERE action IN ('message-blocked', 'auto-warned')"
        + " AND at > now() - interval '1 minute'"), "no strike for a cry for help");
  }

  @Test
  void tooLong() {
    reachesTheTherapistsInstead("open", true, room -> {}, "I can't go on. ".repeat(150) + CRISIS);
  }

  @Test
  void beforeAcceptingANewAgreement() {
    reachesTheTherapistsInstead("open", true, room -> {
      Api.Response changed = api.request(io.vertx.core.http.HttpMethod.PUT, "/api/groups/" + room.groupId + "/agreement",
          io.vertx.core.buffer.Buffer.buffer(new JsonObject().put("text", "Be kind, always.").encode()),
          room.therapist.session.accessToken());
      assertEquals(200, changed.status(), changed.body().toString());
      // the room hears of the new version a moment after the change is committed
      String code = null;
      for (int i = 0; i < 50 && !"AGREEMENT_REQUIRED".equals(code); i++) {
        if (i > 0) pause(50);
        JsonObject reply = room.act(room.clients.get(1), new JsonObject().put("type", "raise-hand"));
        code = reply.getBoolean("ok", false) ? null : reply.getJsonObject("error").getString("code");
      }
      assertEquals("AGREEMENT_REQUIRED", code);
    }, CRISIS);
  }

  @Test
  void aCrisisTheRoomSharesAlertsEveryTherapistHasNoReactionsAndShowsTheAuthorTheCard() {
    try (RoomFixture room = room("open", true)) {
      Person author = room.clients.get(0);
      Person other = room.clients.get(1);
      Api.Session second = api.newTherapist("second");
      server.sql("INSERT INTO group_members (group_id, account_id, role, pseudonym) VALUES ('" + room.groupId + "', '"
          + second.id() + "', 'therapist', 'Dr Second')");
      try (BusSocket elsewhere = BusSocket.open(vertx, server.port(), api.ticket(second), server.origin())) {
        elsewhere.registerLive(UserAddresses.inbox(second.id()),
            probe -> server.server().services().inbox().deliver(second.id(), probe));
        // a therapist added straight in the database: the room is told as the group routes would tell it
        server.server().vertx().eventBus().send(GroupAddresses.control(room.groupId),
            new JsonObject().put("type", "member-joined").put("memberId", memberIdOf(room, second)));
        pause(300);
        JsonObject reply = room.say(author, "I don't want to be here anymore");
        assertTrue(reply.getBoolean("ok"), reply.encode());
        assertTrue(reply.getBoolean("shared"));
        assertNotNull(reply.getJsonObject("support"));
        JsonObject shared = nextEvent(other, "message");
        assertNull(shared.getValue("reactable"), "shared before its reading: the rules' find may yet be an idiom");
        assertEquals(reply.getLong("seq"), nextEvent(other, "no-reactions").getLong("seq"), "nobody reacts to a cry for help");
        JsonObject alert = elsewhere.nextMatching(f -> "crisis".equals(body(f).getString("type")), Duration.ofSeconds(5))
            .getJsonObject("body");
        assertTrue(alert.getBoolean("shared"));
        assertEquals("REACTIONS_OFF", room.act(other, new JsonObject().put("type", "react").put("seq", reply.getLong("seq"))
            .put("emoji", "🤗")).getJsonObject("error").getString("code"));
        JsonObject history = api.get("/api/groups/" + room.groupId + "/messages?after=0", other.session.accessToken()).json();
        assertEquals(false, history.getJsonArray("messages").getJsonObject(0).getBoolean("reactable"));
      }
    }
  }

  @Test
  void outOfTurnWhereOnlyTheEncodersSeeTheCrisis() {
    reachesTheTherapistsInstead("raise-hand", true, r -> { }, READ_AFTER);
  }

  @Test
  void aSharedTextWhoseCrisisReadingComesAfterItStillRaisesTheAlert() {
    try (RoomFixture room = room("open", true)) {
      Person author = room.clients.get(0);
      Person other = room.clients.get(1);
      room.everyone().forEach(p -> p.socket.drain());
      long sent = System.nanoTime();
      JsonObject reply = room.say(author, READ_AFTER);
      assertTrue(reply.getBoolean("ok"), reply.encode());
      assertTrue(reply.getBoolean("shared"), "the author's reply waits for the reading: " + reply.encode());
      assertNotNull(reply.getJsonObject("support"));
      long seq = reply.getLong("seq");
      JsonObject shared = nextEvent(other, "message");
      assertEquals(seq, shared.getLong("seq"));
      assertNull(shared.getValue("reactable"), "shared before its crisis reading came");
      JsonObject closed = nextEvent(other, "no-reactions");
      assertEquals(seq, closed.getLong("seq"), "then reactions to it are turned off");
      JsonObject alert = room.therapist.socket.nextMatching(f -> "crisis".equals(body(f).getString("type"))
          && UserAddresses.inbox(room.therapist.session.id()).equals(f.getString("address")), Duration.ofSeconds(5))
          .getJsonObject("body");
      long millis = (System.nanoTime() - sent) / 1_000_000;
      assertTrue(millis < 1_000, "the alert took " + millis + " ms");
      assertTrue(alert.getBoolean("shared"));
      assertEquals(seq, alert.getLong("seq"));
      assertEquals(1, count("SELECT count(*) FROM escalations WHERE id = '" + alert.getString("escalationId") + "'"),
          "committed before the reply");
      assertNotNull(nextEvent(author, "crisis-resources"));
      assertEquals("REACTIONS_OFF", room.act(other, new JsonObject().put("type", "react").put("seq", seq)
          .put("emoji", "🤗")).getJsonObject("error").getString("code"));
      JsonArray history = api.get("/api/groups/" + room.groupId + "/messages?after=0", other.session.accessToken()).json()
          .getJsonArray("messages");
      assertEquals(false, history.getJsonObject(history.size() - 1).getBoolean("reactable"));
    }
  }

  @Test
  void aRetriedCrisisTextIsAnsweredAsBeforeWithTheSupportCard() {
    try (RoomFixture room = room("raise-hand", true)) {
      Person author = room.clients.get(0);
      JsonObject say = new JsonObject().put("type", "say").put("text", CRISIS).put("clientMsgId", "retried-crisis-1");
      JsonObject first = room.act(author, say.copy());
      assertFalse(first.getBoolean("shared"), first.encode());
      // the socket dropped before that reply arrived, so the client sends it again with the same clientMsgId
      JsonObject again = room.act(author, say.copy());
      assertTrue(again.getBoolean("ok"), again.encode());
      assertTrue(again.getBoolean("duplicate"), again.encode());
      assertEquals(first.getLong("seq"), again.getLong("seq"));
      assertFalse(again.getBoolean("shared"), "still told it went only to the therapists: " + again.encode());
      assertEquals(first.getString("message"), again.getString("message"));
      assertEquals(first.getJsonObject("support"), again.getJsonObject("support"), "the support card again");
      assertEquals(1, count("SELECT count(*) FROM group_messages WHERE group_id = '" + room.groupId + "'"), "stored once");
    }
  }

  @Test
  void inAPrivateChannelACrisisIsNeitherTooLongNorTooFast() {
    try (RoomFixture room = room("open", true)) {
      Person client = room.clients.get(0);
      String channelId = api.post("/api/channels", new JsonObject().put("clientId", client.session.id().toString()),
          room.therapist.session.accessToken()).json().getString("id");
      String in = "channel." + channelId + ".in";
      JsonObject refused = null;
      for (int i = 0; i < 40 && refused == null; i++) {
        JsonObject reply = body(client.socket.request(in, new JsonObject().put("type", "say").put("text", "thanks " + i)
            .put("clientMsgId", "fast-" + i)));
        if (!reply.getBoolean("ok", false)) refused = reply;
      }
      assertEquals("RATE_LIMITED", refused.getJsonObject("error").getString("code"));
      String text = "I can't do this. ".repeat(130) + CRISIS;
      JsonObject reply = body(client.socket.request(in, new JsonObject().put("type", "say").put("text", text)
          .put("clientMsgId", "crisis-1")));
      assertTrue(reply.getBoolean("ok"), "too long and too fast, and still never refused: " + reply.encode());
      assertNotNull(reply.getJsonObject("support"));
      JsonObject alert = room.therapist.socket.nextMatching(f -> "crisis".equals(body(f).getString("type"))
          && channelId.equals(body(f).getString("channelId")), Duration.ofSeconds(5)).getJsonObject("body");
      assertEquals(text, alert.getString("text"));
      assertEquals(reply.getLong("seq"), alert.getLong("seq"));
    }
  }

  @Test
  void aNulCharacterInOneRoomFailsNobodyElsesMessages() {
    try (RoomFixture a = room("open", true); RoomFixture b = room("open", true)) {
      Person bad = a.clients.get(0);
      List<Person> writers = List.of(b.clients.get(0), b.clients.get(1), b.therapist);
      // four rounds: within every member's flood allowance, so only the NUL could make anything fail
      for (int i = 0; i < 4; i++) {
        for (Person p : writers) {
          String id = p.nextClientMsgId();
          p.socket.send(GroupAddresses.in(b.groupId), new JsonObject().put("type", "say")
              .put("text", "round " + i).put("clientMsgId", id), null);
        }
        bad.socket.send(GroupAddresses.in(a.groupId), new JsonObject().put("type", "say")
            .put("text", "hello\u0000there " + i).put("clientMsgId", bad.nextClientMsgId()), null);
      }
      long deadline = System.currentTimeMillis() + 10_000;
      while ((count("SELECT count(*) FROM group_messages WHERE group_id = '" + b.groupId + "'") < 12
          || count("SELECT count(*) FROM group_messages WHERE group_id = '" + a.groupId + "'") < 4)
          && System.currentTimeMillis() < deadline) {
        pause(50);
      }
      assertEquals(12, count("SELECT count(*) FROM group_messages WHERE group_id = '" + b.groupId + "'"));
      assertEquals(4, count("SELECT count(*) FROM group_messages WHERE group_id = '" + a.groupId + "'"));
      var stored4 = api.get("/api/groups/" + a.groupId + "/messages?after=0", a.therapist.session.accessToken()).json()
          .getJsonArray("messages");
      assertTrue(stored4.stream().allMatch(m -> ((JsonObject) m).getString("text").startsWith("hellothere")),
          "the NUL is dropped before anything is batched: " + stored4.encode());
      JsonObject stored = a.say(bad, "one\u0000more");
      assertTrue(stored.getBoolean("ok"), stored.encode());
      assertNull(stored.getJsonObject("error"));
    }
  }

  private static String memberIdOf(RoomFixture room, Api.Session account) {
    return server.sql("SELECT id FROM group_members WHERE group_id = '" + room.groupId + "' AND account_id = '"
        + account.id() + "'").iterator().next().getUUID(0).toString();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
