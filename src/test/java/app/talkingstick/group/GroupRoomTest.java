package app.talkingstick.group;

import static app.talkingstick.support.RoomFixture.nextEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.RoomFixture;
import app.talkingstick.support.RoomFixture.Person;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several real sockets in a real room: ordering, exactly-once, turn-taking and refusals over the wire. */
@ExtendWith(VertxExtension.class)
class GroupRoomTest {

  private static final String[] SENTENCES = {"I slept better this week", "my sister called on Sunday",
      "walking helped a little", "work was calmer than I feared", "I cooked a proper dinner"};

  private static TestServer server;
  private static Api api;
  private static Vertx vertx;

  @BeforeAll
  static void start(Vertx v) {
    vertx = v;
    server = TestServer.start(Map.of("ROOM_IDLE_SECONDS", "2"));
    api = new Api(v, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RoomFixture room(String mode, int clients) {
    RoomFixture room = RoomFixture.create(server, api, vertx, mode, clients);
    room.connectAll();
    return room;
  }

  private static long count(String sql) {
    return server.sql(sql).iterator().next().getLong(0);
  }

  /** The count once it is non-zero, or zero after two seconds. */
  private static long eventually(String sql) {
    long deadline = System.currentTimeMillis() + 2_000;
    long n = count(sql);
    while (n == 0 && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      n = count(sql);
    }
    return n;
  }

  @Test
  void concurrentMessagesAreAcknowledgedAfterCommitAndSeenInTheSameOrderByEveryone() throws Exception {
    try (RoomFixture room = room("open", 3)) {
      room.startSession();
      int perClient = 5; // the conduct policy's flood limit allows a burst of 5 per client
      ExecutorService pool = Executors.newFixedThreadPool(3);
      List<CompletableFuture<List<Long>>> acks = new ArrayList<>();
      for (Person c : room.clients) {
        acks.add(CompletableFuture.supplyAsync(() -> {
          List<Long> seqs = new ArrayList<>();
          for (int i = 0; i < perClient; i++) {
            JsonObject reply = room.say(c, SENTENCES[i] + " (" + c.pseudonym + ")");
            assertTrue(reply.getBoolean("ok"), reply.encode());
            seqs.add(reply.getLong("seq"));
            assertEquals(1, count("SELECT count(*) FROM group_messages WHERE group_id = '" + room.groupId
                + "' AND seq = " + reply.getLong("seq")), "acknowledged means committed");
          }
          return seqs;
        }, pool));
      }
      for (CompletableFuture<List<Long>> f : acks) {
        List<Long> seqs = f.get();
        for (int i = 1; i < seqs.size(); i++) assertTrue(seqs.get(i) > seqs.get(i - 1), "a sender's seqs increase");
      }
      pool.shutdown();
      int total = perClient * room.clients.size();
      List<Long> reference = null;
      for (Person p : room.everyone()) {
        List<Long> seen = new ArrayList<>();
        while (seen.size() < total) seen.add(nextEvent(p, "message").getLong("seq"));
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) > seen.get(i - 1), "strictly increasing for " + p.pseudonym);
        if (reference == null) reference = seen;
        assertEquals(reference, seen, "everyone sees the same order");
      }
      assertEquals(total, count("SELECT count(*) FROM group_messages WHERE group_id = '" + room.groupId + "'"));
    }
  }

  @Test
  void aMessageShowsItsAuthorByPseudonymOnly() {
    try (RoomFixture room = room("open", 2)) {
      room.startSession();
      Person alice = room.clients.get(0);
      room.say(alice, "hello everyone");
      JsonObject message = nextEvent(room.clients.get(1), "message");
      assertEquals("hello everyone", message.getString("text"));
      assertEquals(new JsonObject().put("memberId", alice.memberId.toString()).put("pseudonym", alice.pseudonym)
          .put("role", "client"), message.getJsonObject("from"));
      assertFalse(message.encode().contains(alice.session.username()));
      assertFalse(message.encode().contains(alice.session.id().toString()));
    }
  }

  @Test
  void aRetriedClientMsgIdIsStoredOnceAndGetsTheOriginalSeq() {
    try (RoomFixture room = room("open", 2)) {
      room.startSession();
      Person c = room.clients.get(0);
      JsonObject say = new JsonObject().put("type", "say").put("text", "only once").put("clientMsgId", "retry-1");
      JsonObject first = room.act(c, say);
      JsonObject second = room.act(c, say);
      assertEquals(first.getLong("seq"), second.getLong("seq"));
      assertTrue(second.getBoolean("duplicate"));
      assertEquals(1, count("SELECT count(*) FROM group_messages WHERE group_id = '" + room.groupId + "' AND client_msg_id = 'retry-1'"));
      Person other = room.clients.get(1);
      assertEquals("only once", nextEvent(other, "message").getString("text"));
      other.socket.expectNo(f -> "message".equals(body(f).getString("type")), Duration.ofMillis(300));
    }
  }

  @Test
  void badActionsGetClearCodesAndChangeNothing() {
    try (RoomFixture room = room("open", 1)) {
      Person c = room.clients.get(0);
      assertEquals("SESSION_CLOSED", code(room.say(c, "too early")));
      room.startSession();
      assertEquals("TOO_LONG", code(room.say(c, "x".repeat(2001))));
      assertEquals("INVALID", code(room.act(c, new JsonObject().put("type", "say").put("text", "hi").put("clientMsgId", "bad id!"))));
      assertEquals("INVALID", code(room.act(c, new JsonObject().put("type", "say").put("text", "  ").put("clientMsgId", "blank"))));
      assertEquals("INVALID", code(room.act(c, new JsonObject().put("type", "say").put("text", 42).put("clientMsgId", "num"))));
      assertEquals("INVALID", code(room.act(c, new JsonObject().put("type", "dance"))));
      assertEquals("INVALID", code(room.act(c, new JsonObject().put("kind", "say"))));
      assertEquals("FORBIDDEN", code(room.act(c, new JsonObject().put("type", "set-mode").put("mode", "paused"))));
      assertEquals("FORBIDDEN", code(room.act(c, new JsonObject().put("type", "end"))));
      assertEquals("INVALID", code(room.act(room.therapist, new JsonObject().put("type", "set-mode").put("mode", "chaos"))));
      assertEquals(0, count("SELECT count(*) FROM group_messages WHERE group_id = '" + room.groupId + "'"));
    }
  }

  private static String code(JsonObject reply) {
    assertFalse(reply.getBoolean("ok", true), reply.encode());
    return reply.getJsonObject("error").getString("code");
  }

  @Test
  void aChangedAgreementMustBeAcceptedBeforeSpeakingAgain() {
    try (RoomFixture room = room("open", 1)) {
      room.startSession();
      Person c = room.clients.get(0);
      server.sql("UPDATE groups SET agreement_version = 2, agreement_text = 'Be kind. Arrive on time.' WHERE id = '" + room.groupId + "'");
      server.server().services().rooms().agreementChanged(room.groupId, 2);
      long deadline = System.currentTimeMillis() + 5_000;
      JsonObject refused = room.say(c, "before accepting");
      while (refused.getBoolean("ok", false) && System.currentTimeMillis() < deadline) refused = room.say(c, "before accepting");
      assertEquals("AGREEMENT_REQUIRED", code(refused));
      assertEquals("AGREEMENT_REQUIRED", code(room.act(c, new JsonObject().put("type", "raise-hand"))));
      server.sql("INSERT INTO agreement_acceptances (member_id, version) VALUES ('" + c.memberId + "', 2)");
      server.server().services().rooms().membershipChanged(room.groupId, c.session.id(), c.memberId,
          RoomNotifier.Change.AGREEMENT_ACCEPTED);
      JsonObject accepted = room.say(c, "after accepting");
      while (!accepted.getBoolean("ok", false) && System.currentTimeMillis() < deadline) accepted = room.say(c, "after accepting");
      assertTrue(accepted.getBoolean("ok"), accepted.encode());
    }
  }

  @Test
  void slowModeLimitsClientsButNotTheTherapist() {
    try (RoomFixture room = room("open", 1)) {
      room.startSession();
      JsonObject slow = room.act(room.therapist, new JsonObject().put("type", "set-slow-mode").put("seconds", 30));
      assertTrue(slow.getBoolean("ok"), slow.encode());
      Person c = room.clients.get(0);
      assertTrue(room.say(c, "first").getBoolean("ok"));
      JsonObject second = room.say(c, "second");
      assertEquals("RATE_LIMITED", code(second));
      assertTrue(second.getJsonObject("error").getInteger("retryAfter") > 0);
      assertTrue(room.say(room.therapist, "therapists are never slowed").getBoolean("ok"));
      assertTrue(room.say(room.therapist, "really never").getBoolean("ok"));
    }
  }

  @Test
  void raiseHandModeGivesTheFloorInTurn() {
    try (RoomFixture room = room("open", 2)) {
      room.startSession();
      Person a = room.clients.get(0);
      Person b = room.clients.get(1);
      assertTrue(room.act(room.therapist, new JsonObject().put("type", "set-mode").put("mode", "raise-hand").put("turnSeconds", 60)).getBoolean("ok"));
      assertEquals("raise-hand", nextEvent(a, "turn").getString("mode"));
      assertEquals("NOT_YOUR_TURN", code(room.say(a, "may I?")));
      assertTrue(room.act(a, new JsonObject().put("type", "raise-hand")).getBoolean("ok"));
      JsonObject turn = nextTurnWithSpeaker(b, a);
      assertEquals(a.memberId.toString(), turn.getJsonObject("speaker").getString("memberId"), "the floor is free: auto-granted");
      assertNotNull(turn.getString("endsAt"));
      assertTrue(room.act(b, new JsonObject().put("type", "raise-hand")).getBoolean("ok"));
      assertEquals(b.memberId.toString(), a.socket.nextMatching(f -> isTurn(f) && !body(f).getJsonArray("queue").isEmpty(),
          Duration.ofSeconds(5)).getJsonObject("body").getJsonArray("queue").getJsonObject(0).getString("memberId"));
      assertTrue(room.say(a, "thank you for the floor").getBoolean("ok"));
      assertEquals("NOT_YOUR_TURN", code(room.say(b, "me too")));
      assertTrue(room.act(a, new JsonObject().put("type", "pass")).getBoolean("ok"));
      assertEquals(b.memberId.toString(), nextTurnWithSpeaker(a, b).getJsonObject("speaker").getString("memberId"));
      assertTrue(room.say(b, "my turn now").getBoolean("ok"));
      assertTrue(room.act(room.therapist, new JsonObject().put("type", "grant").put("memberId", a.memberId.toString())).getBoolean("ok"));
      assertEquals(a.memberId.toString(), b.socket.nextMatching(f -> isTurn(f) && body(f).getJsonObject("speaker") != null
          && a.memberId.toString().equals(body(f).getJsonObject("speaker").getString("memberId")), Duration.ofSeconds(5))
          .getJsonObject("body").getJsonObject("speaker").getString("memberId"));
      // the audit entries and the saved mode are written just after the reply
      assertTrue(eventually("SELECT count(*) FROM audit_log WHERE group_id = '" + room.groupId + "' AND action = 'floor-granted'") >= 1);
      assertTrue(eventually("SELECT count(*) FROM audit_log WHERE group_id = '" + room.groupId + "' AND action = 'mode-changed'") >= 1);
      assertEquals(1, eventually("SELECT count(*) FROM groups WHERE id = '" + room.groupId + "' AND mode = 'raise-hand'"));
    }
  }

  private static JsonObject body(JsonObject frame) {
    return frame.getJsonObject("body") == null ? new JsonObject() : frame.getJsonObject("body");
  }

  private static boolean isTurn(JsonObject frame) {
    return "turn".equals(body(frame).getString("type"));
  }

  private static JsonObject nextTurnWithSpeaker(Person watcher, Person speaker) {
    return body(watcher.socket.nextMatching(f -> isTurn(f) && body(f).getJsonObject("speaker") != null
        && speaker.memberId.toString().equals(body(f).getJsonObject("speaker").getString("memberId")), Duration.ofSeconds(5)));
  }

  @Test
  void theTalkingStickGoesRoundThePresentClientsAndTimedTurnsEnd() {
    try (RoomFixture room = room("open", 2)) {
      room.startSession();
      Person a = room.clients.get(0);
      Person b = room.clients.get(1);
      JsonObject roundRobin = room.act(room.therapist, new JsonObject().put("type", "set-mode").put("mode", "round-robin").put("turnSeconds", 4));
      assertTrue(roundRobin.getBoolean("ok"), roundRobin.encode());
      JsonObject first = nextTurnWithSpeaker(b, a);
      assertEquals(2, first.getJsonArray("round").size() + 1, "the other client waits in the round");
      assertEquals("NOT_YOUR_TURN", code(room.say(b, "me first?")));
      assertTrue(room.say(a, "checking in: a good week").getBoolean("ok"));
      assertTrue(b.socket.nextMatching(f -> "facilitator".equals(body(f).getString("type"))
          && body(f).getString("text").contains("seconds left"), Duration.ofSeconds(6)) != null, "a reminder before the turn ends");
      nextTurnWithSpeaker(a, b);
      assertTrue(b.socket.nextMatching(f -> "facilitator".equals(body(f).getString("type"))
          && body(f).getString("text").contains("round"), Duration.ofSeconds(8)) != null, "the round completes when the time is up");
    }
  }

  @Test
  void withoutATherapistPresentTheRoomPausesItself() {
    try (RoomFixture room = room("open", 1)) {
      room.startSession();
      Person c = room.clients.get(0);
      room.therapist.socket.close();
      assertEquals("paused", nextEvent(c, "turn").getString("mode"));
      assertEquals("NOT_YOUR_TURN", code(room.say(c, "anyone?")));
      room.connect(room.therapist);
      assertEquals("open", nextEvent(c, "turn").getString("mode"));
      assertTrue(room.say(c, "welcome back").getBoolean("ok"));
    }
  }

  @Test
  void aTherapistWhoStepsAwayLeavesTheRoomPausedUntilTheyReturn() {
    try (RoomFixture room = room("open", 1)) {
      room.startSession();
      Person c = room.clients.get(0);
      assertEquals("FORBIDDEN", code(room.act(c, new JsonObject().put("type", "step-away"))));
      assertTrue(room.act(room.therapist, new JsonObject().put("type", "step-away")).getBoolean("ok"));
      assertTrue(c.socket.nextMatching(f -> "facilitator".equals(body(f).getString("type"))
          && body(f).getString("text").contains("stepped away"), Duration.ofSeconds(5)) != null);
      assertEquals("paused", c.socket.nextMatching(f -> isTurn(f) && "paused".equals(body(f).getString("mode")),
          Duration.ofSeconds(5)).getJsonObject("body").getString("mode"));
      assertEquals("NOT_YOUR_TURN", code(room.say(c, "hello?")));
      assertTrue(room.act(room.therapist, new JsonObject().put("type", "return")).getBoolean("ok"));
      assertEquals("open", c.socket.nextMatching(f -> isTurn(f) && "open".equals(body(f).getString("mode")),
          Duration.ofSeconds(5)).getJsonObject("body").getString("mode"));
      assertTrue(room.say(c, "welcome back").getBoolean("ok"));
      assertEquals("INVALID", code(room.act(room.therapist, new JsonObject().put("type", "return"))));
    }
  }

  @Test
  void identityWrittenByTheClientIsIgnored() {
    try (RoomFixture room = room("open", 1)) {
      room.startSession();
      Person c = room.clients.get(0);
      JsonObject forgedHeaders = new JsonObject().put("ts-account", room.therapist.session.id().toString()).put("ts-role", "therapist");
      String replyAddress = c.socket.send(GroupAddresses.in(room.groupId),
          new JsonObject().put("type", "end").put("from", room.therapist.memberId.toString()), forgedHeaders);
      JsonObject reply = c.socket.nextMatching(f -> replyAddress.equals(f.getString("address")), Duration.ofSeconds(5));
      assertEquals("FORBIDDEN", code(reply.getJsonObject("body")));
      c.socket.send(GroupAddresses.in(room.groupId), new JsonObject().put("type", "say").put("text", "who am I")
          .put("clientMsgId", "forged-1").put("from", new JsonObject().put("memberId", room.therapist.memberId.toString())), forgedHeaders);
      JsonObject message = nextEvent(room.therapist, "message");
      assertEquals(c.memberId.toString(), message.getJsonObject("from").getString("memberId"));
      assertEquals("client", message.getJsonObject("from").getString("role"));
    }
  }

  @Test
  void nonMembersCanNeitherSendNorListenAndClientsCannotListenToStaff() {
    try (RoomFixture room = room("open", 1)) {
      room.startSession();
      Api.Session stranger = api.newClient("stranger");
      try (BusSocket socket = BusSocket.open(vertx, server.port(), api.ticket(stranger), server.origin())) {
        socket.register(GroupAddresses.out(room.groupId));
        assertEquals("rejected", socket.next().getString("body"));
        socket.register(GroupAddresses.staff(room.groupId));
        assertEquals("rejected", socket.next().getString("body"));
        assertEquals("rejected", socket.request(GroupAddresses.in(room.groupId),
            new JsonObject().put("type", "say").put("text", "let me in").put("clientMsgId", "x1")).getString("body"));
        room.say(room.clients.get(0), "private to the group");
        socket.expectSilence(Duration.ofMillis(400));
      }
      Person c = room.clients.get(0);
      c.socket.register(GroupAddresses.staff(room.groupId));
      assertEquals("rejected", c.socket.nextMatching(f -> "err".equals(f.getString("type")), Duration.ofSeconds(5)).getString("body"));
    }
  }

  @Test
  void aRemovedMemberStopsReceivingAtOnce() {
    try (RoomFixture room = room("open", 2)) {
      room.startSession();
      Person leaving = room.clients.get(0);
      Person staying = room.clients.get(1);
      leaving.socket.register(app.talkingstick.bridge.UserAddresses.inbox(leaving.session.id()));
      assertEquals("FORBIDDEN", code(room.act(staying, new JsonObject().put("type", "remove").put("memberId", leaving.memberId.toString()))));
      JsonObject removed = room.act(room.therapist, new JsonObject().put("type", "remove")
          .put("memberId", leaving.memberId.toString()).put("reason", "repeated insults"));
      assertTrue(removed.getBoolean("ok"), removed.encode());
      assertEquals("removed", nextEvent(staying, "moderation").getString("action"));
      assertEquals("removed", nextEvent(leaving, "removed").getString("type"), "told privately on their inbox");
      assertTrue(room.say(staying, "after the removal").getBoolean("ok"));
      assertEquals("after the removal", nextEvent(staying, "message").getString("text"));
      leaving.socket.expectNo(f -> f.getJsonObject("body") != null && "message".equals(f.getJsonObject("body").getString("type")),
          Duration.ofMillis(500));
      assertEquals("rejected", room.say(leaving, "still here?").getString("bridgeError"), "the guard refuses a removed member");
    }
  }

  @Test
  void aReconnectingClientGetsExactlyWhatItMissedFromHistory() {
    try (RoomFixture room = room("open", 2)) {
      room.startSession();
      Person away = room.clients.get(0);
      Person talker = room.therapist; // therapists are not slowed by the flood limit
      room.say(talker, "before the drop");
      long lastSeen = nextEvent(away, "message").getLong("seq");
      away.socket.close();
      List<Long> missed = new ArrayList<>();
      for (int i = 0; i < 7; i++) missed.add(room.say(talker, "while away " + i).getLong("seq"));
      room.connect(away);
      room.say(talker, "after the return");
      JsonObject page = api.get("/api/groups/" + room.groupId + "/messages?after=" + lastSeen + "&limit=5", away.session.accessToken()).json();
      List<Long> fetched = new ArrayList<>();
      page.getJsonArray("messages").forEach(m -> fetched.add(((JsonObject) m).getLong("seq")));
      assertTrue(page.getBoolean("hasMore"));
      JsonObject rest = api.get("/api/groups/" + room.groupId + "/messages?after=" + fetched.get(fetched.size() - 1) + "&limit=5",
          away.session.accessToken()).json();
      rest.getJsonArray("messages").forEach(m -> fetched.add(((JsonObject) m).getLong("seq")));
      assertFalse(rest.getBoolean("hasMore"));
      long live = nextEvent(away, "message").getLong("seq");
      assertEquals(missed, fetched.subList(0, missed.size()), "exactly the missed messages, in order");
      assertEquals(live, fetched.get(fetched.size() - 1), "history and the live event meet without a gap");
    }
  }

  @Test
  void reactionsAreCountedAndNeverBlockedByTurnTaking() {
    try (RoomFixture room = room("raise-hand", 2)) {
      room.startSession();
      JsonObject said = room.say(room.therapist, "welcome");
      assertTrue(said.getBoolean("ok"), said.encode());
      long seq = said.getLong("seq");
      Person c = room.clients.get(0);
      JsonObject reply = room.act(c, new JsonObject().put("type", "react").put("seq", seq).put("emoji", "❤️"));
      assertTrue(reply.getBoolean("ok"), reply.encode());
      JsonObject reaction = nextEvent(room.clients.get(1), "reaction");
      assertEquals(seq, reaction.getLong("seq"));
      assertEquals(1, reaction.getLong("count"));
      assertEquals("INVALID", code(room.act(c, new JsonObject().put("type", "react").put("seq", seq).put("emoji", "💩"))));
      assertEquals("INVALID", code(room.act(c, new JsonObject().put("type", "react").put("seq", 999999).put("emoji", "❤️"))));
    }
  }

  @Test
  void sessionsOpenWithAPromptAndCloseWithStatsForStaff() {
    try (RoomFixture room = room("open", 1)) {
      room.startSession();
      Person c = room.clients.get(0);
      assertEquals("open", nextEvent(c, "session").getString("state"));
      assertTrue(nextEvent(c, "facilitator").getString("text").startsWith("Welcome"));
      room.say(c, "something");
      assertTrue(room.act(room.therapist, new JsonObject().put("type", "end")).getBoolean("ok"));
      JsonObject stats = nextEvent(room.therapist, "stats");
      assertTrue(stats.getJsonArray("speakingTime").stream()
          .anyMatch(o -> c.memberId.toString().equals(((JsonObject) o).getString("memberId")) && ((JsonObject) o).getInteger("messages") == 1));
      assertEquals("closed", nextEvent(c, "session").getString("state"));
      assertEquals("SESSION_CLOSED", code(room.say(c, "late")));
    }
  }

  @Test
  void anIdleRoomStopsAndRebuildsItsStateFromTheDatabase() throws Exception {
    RoomFixture room = room("open", 1);
    room.startSession();
    long before = room.say(room.clients.get(0), "before the room slept").getLong("seq");
    room.close();
    Thread.sleep(4_000);
    room.connectAll();
    JsonObject after = room.say(room.clients.get(0), "after it woke up");
    assertTrue(after.getBoolean("ok"), after.encode());
    assertTrue(after.getLong("seq") > before, "the sequence continues");
    assertNull(after.getValue("duplicate") == Boolean.TRUE ? "dup" : null);
    room.close();
  }
}
