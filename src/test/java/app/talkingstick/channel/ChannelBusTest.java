package app.talkingstick.channel;

import static app.talkingstick.channel.ChannelFixture.act;
import static app.talkingstick.channel.ChannelFixture.code;
import static app.talkingstick.channel.ChannelFixture.next;
import static app.talkingstick.channel.ChannelFixture.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.bridge.UserAddresses;
import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real sockets on a channel: acknowledgement after commit, exactly-once, outsiders, offline delivery, refusals. */
@ExtendWith(VertxExtension.class)
class ChannelBusTest {

  private static TestServer server;
  private static Api api;
  private static ChannelFixture fx;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(Map.of("ROOM_IDLE_SECONDS", "2"));
    api = new Api(vertx, server.port());
    fx = new ChannelFixture(server, api, vertx);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long stored(UUID channelId) {
    return fx.count("SELECT count(*) FROM channel_messages WHERE channel_id = '" + channelId + "'");
  }

  @Test
  void thePartiesTalkAndEachMessageIsAcknowledgedAfterItsCommitExactlyOnce() {
    Session therapist = api.newTherapist("talk");
    Session client = api.newClient("talk");
    UUID channelId = fx.channel(therapist, client);
    try (BusSocket t = fx.socket(therapist); BusSocket c = fx.socket(client)) {
      fx.listen(t, channelId);
      fx.listen(c, channelId);
      fx.listenToInbox(c, client);

      JsonObject action = say("  How has your week been?  ");
      JsonObject ack = act(t, channelId, action);
      assertEquals(new JsonObject().put("ok", true).put("seq", 1L).put("duplicate", false), ack);
      assertEquals(1, fx.count("SELECT count(*) FROM channel_messages WHERE channel_id = '" + channelId + "' AND seq = 1"),
          "acknowledged means committed");

      JsonObject message = next(c, "message");
      assertEquals(1L, message.getLong("seq"));
      assertEquals("How has your week been?", message.getString("text"));
      assertEquals(new JsonObject().put("accountId", therapist.id().toString()).put("role", "therapist")
          .put("displayName", "Dr talk"), message.getJsonObject("from"));
      assertTrue(message.getString("at").endsWith("Z"));
      assertEquals(message, next(t, "message"), "the sender's own sockets see it too");
      assertEquals(new JsonObject().put("type", "unread").put("channelId", channelId.toString()).put("count", 1L),
          next(c, "unread"));

      JsonObject retry = act(t, channelId, action);
      assertEquals(new JsonObject().put("ok", true).put("seq", 1L).put("duplicate", true), retry);
      c.expectNo(f -> "message".equals(f.getJsonObject("body").getString("type")), Duration.ofMillis(300));
      assertEquals(1, stored(channelId));

      JsonObject answer = act(c, channelId, say("Better, thank you."));
      assertEquals(2L, answer.getLong("seq"));
      JsonObject seen = next(t, "message");
      assertEquals("Better, thank you.", seen.getString("text"));
      assertEquals("client", seen.getJsonObject("from").getString("role"));
      assertEquals("Person " + client.username(), seen.getJsonObject("from").getString("displayName"));
      c.expectNo(f -> "unread".equals(f.getJsonObject("body").getString("type")), Duration.ofMillis(300));
    }
  }

  @Test
  void aThirdUserAColleagueAndAnAdminCanNeitherListenNorSendNorReceive() {
    Session therapist = api.newTherapist("guarded");
    Session client = api.newClient("guarded");
    UUID channelId = fx.channel(therapist, client);
    Session otherTherapist = api.newTherapist("colleague");
    fx.channel(otherTherapist, api.newClient("colleagues"));
    Session[] outsiders = {api.newClient("third"), otherTherapist, fx.admin()};
    List<BusSocket> sockets = new ArrayList<>();
    try (BusSocket t = fx.socket(therapist); BusSocket c = fx.socket(client)) {
      for (Session outsider : outsiders) {
        BusSocket s = fx.socket(outsider);
        sockets.add(s);
        fx.listenToInbox(s, outsider);
        s.register(ChannelAddresses.out(channelId));
        assertEquals("rejected", s.nextMatching(f -> "err".equals(f.getString("type")), Duration.ofSeconds(5)).getString("body"));
        assertEquals("rejected", act(s, channelId, say("let me in")).getString("bridgeError"));
        s.register(UserAddresses.inbox(client.id()));
        assertEquals("rejected", s.nextMatching(f -> "err".equals(f.getString("type")), Duration.ofSeconds(5)).getString("body"));
        s.publish(ChannelAddresses.out(channelId), new JsonObject().put("type", "message").put("text", "forged"));
        assertEquals("rejected", s.nextMatching(f -> "err".equals(f.getString("type")), Duration.ofSeconds(5)).getString("body"));
      }
      fx.listen(c, channelId);
      assertTrue(act(t, channelId, say("only for you")).getBoolean("ok"));
      assertEquals("only for you", next(c, "message").getString("text"));
      for (BusSocket s : sockets) s.expectSilence(Duration.ofMillis(300));
      assertEquals(1, stored(channelId), "nothing an outsider sent was stored");
      c.expectNo(f -> "forged".equals(f.getJsonObject("body").getString("text")), Duration.ofMillis(100));
    } finally {
      sockets.forEach(BusSocket::close);
    }
  }

  @Test
  void messagesForSomeoneOfflineWaitForThemAndCountAsUnread() {
    Session therapist = api.newTherapist("offline");
    Session client = api.newClient("offline");
    UUID channelId = fx.channel(therapist, client);
    try (BusSocket t = fx.socket(therapist)) {
      for (int i = 1; i <= 3; i++) assertTrue(act(t, channelId, say("while you were away " + i)).getBoolean("ok"));

      assertEquals(3, fx.listed(client, channelId).getLong("unread"));
      assertEquals(3, api.get("/api/me", client.accessToken()).json().getJsonArray("channels").getJsonObject(0).getLong("unread"));
      JsonArray missed = fx.history(client, channelId, "?after=0").json().getJsonArray("messages");
      assertEquals(3, missed.size());
      assertEquals("while you were away 3", missed.getJsonObject(2).getString("text"));

      try (BusSocket c = fx.socket(client)) {
        fx.listenToInbox(c, client);
        fx.listen(c, channelId);
        assertTrue(act(t, channelId, say("welcome back")).getBoolean("ok"));
        assertEquals("welcome back", next(c, "message").getString("text"));
        assertEquals(4L, next(c, "unread").getLong("count"));
        assertEquals(204, fx.markRead(client, channelId, 4).status());
        assertEquals(0L, next(c, "unread").getLong("count"), "marking read updates the reader's other sockets");
        assertEquals(0, fx.listed(client, channelId).getLong("unread"));
      }
    }
  }

  @Test
  void badActionsGetClearCodesAndStoreNothing() {
    Session therapist = api.newTherapist("badacts");
    Session client = api.newClient("badacts");
    UUID channelId = fx.channel(therapist, client);
    try (BusSocket c = fx.socket(client)) {
      assertEquals("INVALID", code(act(c, channelId, "just text")));
      assertEquals("INVALID", code(act(c, channelId, new JsonObject().put("text", "no type"))));
      assertEquals("INVALID", code(act(c, channelId, new JsonObject().put("type", "shout").put("text", "x"))));
      assertEquals("INVALID", code(act(c, channelId, say("   "))));
      assertEquals("INVALID", code(act(c, channelId, new JsonObject().put("type", "say").put("text", "no id"))));
      assertEquals("INVALID", code(act(c, channelId, say("bad id").put("clientMsgId", "has spaces"))));
      assertEquals("INVALID", code(act(c, channelId, say("bad id").put("clientMsgId", "x".repeat(65)))));
      assertEquals("INVALID", code(act(c, channelId, new JsonObject().put("type", "say").put("text", 5).put("clientMsgId", "n1"))));
      JsonObject tooLong = act(c, channelId, say("x".repeat(ChannelVerticle.MAX_TEXT + 1)));
      assertEquals("TOO_LONG", code(tooLong));
      assertFalse(tooLong.getBoolean("ok"));
      assertTrue(tooLong.getJsonObject("error").getString("message").contains("2000"));
      assertTrue(act(c, channelId, say("x".repeat(ChannelVerticle.MAX_TEXT))).getBoolean("ok"));
    }
    assertEquals(1, stored(channelId));
  }

  @Test
  void concurrentMessagesFromBothPartiesAreNumberedOnceAndSeenInTheSameOrder() throws Exception {
    Session therapist = api.newTherapist("busy");
    Session client = api.newClient("busy");
    UUID channelId = fx.channel(therapist, client);
    int perSocket = 10;
    int perParty = 2 * perSocket;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (BusSocket t1 = fx.socket(therapist); BusSocket t2 = fx.socket(therapist);
         BusSocket c1 = fx.socket(client); BusSocket c2 = fx.socket(client);
         BusSocket tWatch = fx.socket(therapist); BusSocket cWatch = fx.socket(client)) {
      fx.listen(tWatch, channelId);
      fx.listen(cWatch, channelId);
      List<CompletableFuture<List<Long>>> sends = new ArrayList<>();
      for (BusSocket s : List.of(t1, t2, c1, c2)) {
        sends.add(CompletableFuture.supplyAsync(() -> {
          // pipelined, but under the bridge's 16 pending replies per socket
          List<String> replies = new ArrayList<>();
          for (int i = 0; i < perSocket; i++) replies.add(s.send(ChannelAddresses.in(channelId), say("burst " + i), null));
          List<Long> seqs = new ArrayList<>();
          for (String reply : replies) {
            JsonObject body = s.nextMatching(f -> reply.equals(f.getString("address")), Duration.ofSeconds(10)).getJsonObject("body");
            assertTrue(body.getBoolean("ok"), body.encode());
            seqs.add(body.getLong("seq"));
          }
          return seqs;
        }, pool));
      }
      TreeSet<Long> all = new TreeSet<>();
      for (CompletableFuture<List<Long>> f : sends) {
        // pipelined sends are numbered in the order the server accepts them, not necessarily the order written
        all.addAll(f.get(30, TimeUnit.SECONDS));
      }
      assertEquals(2 * perParty, all.size(), "every message got its own seq");
      assertEquals(2L * perParty, all.last());
      List<Long> seenByTherapist = events(tWatch, 2 * perParty);
      List<Long> seenByClient = events(cWatch, 2 * perParty);
      assertEquals(new ArrayList<>(all), seenByTherapist, "events arrive in seq order");
      assertEquals(seenByTherapist, seenByClient, "both parties see the same order");
    } finally {
      pool.shutdown();
    }
    assertEquals(2 * perParty, stored(channelId));
    assertEquals(2L * perParty, fx.history(client, channelId, "?after=0&limit=200").json().getJsonArray("messages").size());
  }

  private static List<Long> events(BusSocket socket, int count) {
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < count; i++) seqs.add(next(socket, "message").getLong("seq"));
    return seqs;
  }

  @Test
  void aFloodIsRefusedWithRateLimitedAndNothingOfItIsStored() {
    Session therapist = api.newTherapist("flood");
    Session client = api.newClient("flood");
    UUID channelId = fx.channel(therapist, client);
    int perSocket = 12;
    List<BusSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) sockets.add(fx.socket(client));
      Map<BusSocket, List<String>> replies = new java.util.LinkedHashMap<>();
      for (int i = 0; i < perSocket; i++) {
        for (BusSocket s : sockets) {
          replies.computeIfAbsent(s, k -> new ArrayList<>()).add(s.send(ChannelAddresses.in(channelId), say("flood " + i), null));
        }
      }
      int accepted = 0;
      int limited = 0;
      for (var entry : replies.entrySet()) {
        for (String reply : entry.getValue()) {
          JsonObject body = entry.getKey().nextMatching(f -> reply.equals(f.getString("address")), Duration.ofSeconds(10))
              .getJsonObject("body");
          if (body.getBoolean("ok")) {
            accepted++;
          } else {
            assertEquals("RATE_LIMITED", code(body), body.encode());
            assertTrue(body.getJsonObject("error").getInteger("retryAfter") >= 1);
            limited++;
          }
        }
      }
      assertTrue(accepted >= ChannelVerticle.BURST && limited > 0, accepted + " accepted, " + limited + " limited");
      assertEquals(accepted, stored(channelId));
    } finally {
      sockets.forEach(BusSocket::close);
    }
  }

  @Test
  void anIdleChannelStopsAndCarriesOnFromTheDatabase() {
    Session therapist = api.newTherapist("idle");
    Session client = api.newClient("idle");
    UUID channelId = fx.channel(therapist, client);
    try (BusSocket t = fx.socket(therapist)) {
      JsonObject first = say("before the pause");
      assertEquals(1L, act(t, channelId, first).getLong("seq"));
      assertTrue(waitUntilStopped(channelId), "the channel's verticle stopped after being idle");
      JsonObject retried = act(t, channelId, first);
      assertEquals(new JsonObject().put("ok", true).put("seq", 1L).put("duplicate", true), retried,
          "a retry is recognised from the database after a restart");
      JsonObject after = act(t, channelId, say("after the pause"));
      assertTrue(after.getLong("seq") > 1, after.encode());
    }
    assertEquals(2, stored(channelId));
  }

  /** True once nothing consumes the channel's {@code .in} address on the server any more. */
  private static boolean waitUntilStopped(UUID channelId) {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        server.server().vertx().eventBus().request(ChannelAddresses.in(channelId), new JsonObject())
            .timeout(2, TimeUnit.SECONDS).await();
      } catch (ReplyException e) {
        if (e.failureType() == ReplyFailure.NO_HANDLERS) return true;
      } catch (RuntimeException e) {
        // timed out or another failure: try again
      }
      ChannelFixture.sleep(250);
    }
    return false;
  }
}
