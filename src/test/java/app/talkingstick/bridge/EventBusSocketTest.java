package app.talkingstick.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The event bus socket: who may open one, what it may send and hear, and how it ends. */
@ExtendWith(VertxExtension.class)
class EventBusSocketTest {

  private static final Duration QUIET = Duration.ofMillis(400);

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

  private static BusSocket open(Session s) {
    return BusSocket.open(vertx, server.port(), api.ticket(s), server.origin());
  }

  private static void deliverToInbox(Session s, JsonObject event) {
    server.server().services().inbox().deliver(s.id(), event);
  }

  /** Registers and proves the registration is live by a delivery round trip. */
  private static void registerInbox(BusSocket socket, Session s) {
    socket.register(UserAddresses.inbox(s.id()));
    JsonObject marker = new JsonObject().put("type", "marker").put("n", System.nanoTime());
    long deadline = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < deadline) {
      deliverToInbox(s, marker);
      try {
        JsonObject frame = socket.next(Duration.ofMillis(200));
        if (marker.equals(frame.getJsonObject("body"))) return;
        throw new AssertionError("unexpected frame " + frame.encode());
      } catch (AssertionError noFrameYet) {
        if (noFrameYet.getMessage().startsWith("unexpected")) throw noFrameYet;
      }
    }
    throw new AssertionError("inbox registration never became live");
  }

  @Test
  void theOwnInboxWorksEndToEnd() {
    Session s = api.newClient("inbox");
    try (BusSocket socket = open(s)) {
      registerInbox(socket, s);
      deliverToInbox(s, new JsonObject().put("type", "warning").put("groupId", "g1").put("reason", "be kind"));
      JsonObject frame = socket.next();
      assertEquals("rec", frame.getString("type"));
      assertEquals(UserAddresses.inbox(s.id()), frame.getString("address"));
      assertEquals("warning", frame.getJsonObject("body").getString("type"));
    }
  }

  @Test
  void anInboxNoticeReachesEverySocketOfThatPerson() {
    Session s = api.newClient("two-tabs");
    try (BusSocket a = open(s); BusSocket b = open(s)) {
      registerInbox(a, s);
      registerInbox(b, s);
      deliverToInbox(s, new JsonObject().put("type", "unread").put("count", 2));
      assertEquals(2, a.nextMatching(EventBusSocketTest::isUnread, Duration.ofSeconds(5)).getJsonObject("body").getInteger("count"));
      assertEquals(2, b.nextMatching(EventBusSocketTest::isUnread, Duration.ofSeconds(5)).getJsonObject("body").getInteger("count"));
    }
  }

  private static boolean isUnread(JsonObject frame) {
    return "unread".equals(frame.getJsonObject("body", new JsonObject()).getString("type"));
  }

  @Test
  void someoneElsesInboxCannotBeRegisteredAndLeaksNothing() {
    Session me = api.newClient("snoop");
    Session other = api.newClient("target");
    try (BusSocket socket = open(me)) {
      socket.register(UserAddresses.inbox(other.id()));
      assertEquals(new JsonObject().put("type", "err").put("body", "rejected"), socket.next());
      deliverToInbox(other, new JsonObject().put("type", "crisis-resources").put("text", "private"));
      socket.expectSilence(QUIET);
    }
  }

  @Test
  void clientsCanNeverPublish() {
    Session s = api.newClient("publisher");
    try (BusSocket listener = open(s); BusSocket publisher = open(s)) {
      registerInbox(listener, s);
      publisher.publish(UserAddresses.inbox(s.id()), new JsonObject().put("type", "warning").put("reason", "forged"));
      assertEquals("rejected", publisher.next().getString("body"));
      listener.expectSilence(QUIET);
    }
  }

  @Test
  void unknownAndInternalAddressesAreRefused() {
    Session s = api.newClient("prober");
    Session victim = api.newClient("victim");
    try (BusSocket socket = open(s); BusSocket victimSocket = open(victim)) {
      for (String address : List.of("internal.auth.signed-out", "group.x.staff", "anything", "user..inbox")) {
        socket.register(address);
        assertEquals("rejected", socket.next().getString("body"), "register " + address);
      }
      socket.send(app.talkingstick.auth.AuthService.SIGNED_OUT_ADDRESS, victim.id().toString(), null);
      assertEquals("rejected", socket.next().getString("body"));
      socket.send(UserAddresses.inbox(s.id()), new JsonObject(), null);
      assertEquals("rejected", socket.next().getString("body"), "inboxes are receive-only");
      assertFalse(victimSocket.isClosed(), "a forged sign-out must not close anyone's socket");
    }
  }

  @Test
  void malformedFramesGetAnErrorAndTheSocketSurvives() {
    Session s = api.newClient("garbled");
    try (BusSocket socket = open(s)) {
      socket.write("this is not json");
      assertEquals("invalid_json", socket.next().getString("body"));
      socket.write("{\"address\":\"x\"}");
      assertEquals("missing_type", socket.next().getString("body"));
      socket.write("{\"type\":\"register\"}");
      assertEquals("missing_address", socket.next().getString("body"));
      socket.write("{\"type\":\"teleport\",\"address\":\"x\"}");
      assertEquals("invalid_type", socket.next().getString("body"));
      socket.writeBinary(Buffer.buffer(new byte[] {(byte) 0xff, 0x00, 0x13}));
      assertEquals("invalid_json", socket.next().getString("body"));
      registerInbox(socket, s);
    }
  }

  @Test
  void anOversizeFrameClosesThatSocketOnlyAndTheServerKeepsServing() {
    Session big = api.newClient("big");
    Session bystander = api.newClient("bystander");
    try (BusSocket offender = open(big); BusSocket other = open(bystander)) {
      registerInbox(other, bystander);
      String huge = "{\"type\":\"send\",\"address\":\"x\",\"body\":\"" + "a".repeat(70 * 1024) + "\"}";
      offender.write(huge);
      Short status = offender.awaitClose(Duration.ofSeconds(5));
      assertTrue(status == 1009 || status == 1006, "closed as too big (or dropped), got " + status);
      deliverToInbox(bystander, new JsonObject().put("type", "still-here"));
      assertEquals("still-here", other.next().getJsonObject("body").getString("type"));
      try (BusSocket again = open(big)) {
        registerInbox(again, big);
      }
    }
  }

  @Test
  void aHandshakeNeedsAValidUnusedTicket() {
    Session s = api.newClient("tickets");
    assertEquals(401, BusSocket.handshakeStatus(vertx, server.port(), null, server.origin()));
    assertEquals(401, BusSocket.handshakeStatus(vertx, server.port(), "tk_made-up", server.origin()));
    String ticket = api.ticket(s);
    assertEquals(101, BusSocket.handshakeStatus(vertx, server.port(), ticket, server.origin()));
    assertEquals(401, BusSocket.handshakeStatus(vertx, server.port(), ticket, server.origin()), "reused ticket");
  }

  @Test
  void anExpiredTicketOpensNothing() {
    Session s = api.newClient("late");
    String ticket = api.ticket(s);
    server.sql("UPDATE ws_tickets SET expires_at = now() - interval '1 second'");
    assertEquals(401, BusSocket.handshakeStatus(vertx, server.port(), ticket, server.origin()));
  }

  @Test
  void aTicketDiesWithSignOut() {
    Session s = api.newClient("gone");
    String ticket = api.ticket(s);
    assertEquals(204, api.post("/api/auth/logout", null, s.accessToken()).status());
    assertEquals(401, BusSocket.handshakeStatus(vertx, server.port(), ticket, server.origin()));
  }

  @Test
  void theOriginMustBeAllowedAndTheTicketSurvivesARefusedOrigin() {
    Session s = api.newClient("origin");
    String ticket = api.ticket(s);
    assertEquals(403, BusSocket.handshakeStatus(vertx, server.port(), ticket, "https://evil.example"));
    assertEquals(403, BusSocket.handshakeStatus(vertx, server.port(), ticket, null));
    assertEquals(403, BusSocket.handshakeStatus(vertx, server.port(), ticket, "http://127.0.0.1:1"));
    assertEquals(101, BusSocket.handshakeStatus(vertx, server.port(), ticket, server.origin()));
  }

  @Test
  void pollingTransportsAreNotServed() {
    Session s = api.newClient("poller");
    for (String path : List.of("/eventbus/info", "/eventbus/123/abcdef/xhr", "/eventbus/123/abcdef/xhr_streaming",
        "/eventbus/123/abcdef/eventsource", "/eventbus/123/abcdef/jsonp", "/eventbus/iframe.html")) {
      var r = api.get(path + "?ticket=" + api.ticket(s), null);
      assertEquals(404, r.status(), path);
      assertEquals("NOT_FOUND", r.errorCode(), path);
    }
  }

  @Test
  void eachAccountHasACapOnOpenSockets() {
    Session s = api.newClient("many");
    List<BusSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) sockets.add(open(s));
      assertEquals(429, BusSocket.handshakeStatus(vertx, server.port(), api.ticket(s), server.origin()));
      sockets.remove(0).close();
      sockets.get(0).ping();
      long deadline = System.currentTimeMillis() + 5_000;
      int status = 0;
      while (status != 101 && System.currentTimeMillis() < deadline) {
        status = BusSocket.handshakeStatus(vertx, server.port(), api.ticket(s), server.origin());
      }
      assertEquals(101, status, "a slot frees up when a socket closes");
    } finally {
      sockets.forEach(BusSocket::close);
    }
  }

  @Test
  void signingOutClosesEverySocketOfThatAccountOnly() {
    Session s = api.newClient("leaver");
    Session other = api.newClient("stayer");
    try (BusSocket a = open(s); BusSocket b = open(s); BusSocket c = open(other)) {
      registerInbox(c, other);
      assertEquals(204, api.post("/api/auth/logout", null, s.accessToken()).status());
      assertEquals((short) SocketRegistry.CLOSE_SIGNED_OUT, a.awaitClose(Duration.ofSeconds(5)));
      assertEquals((short) SocketRegistry.CLOSE_SIGNED_OUT, b.awaitClose(Duration.ofSeconds(5)));
      deliverToInbox(other, new JsonObject().put("type", "ok"));
      assertEquals("ok", c.next().getJsonObject("body").getString("type"));
      assertTrue(!c.isClosed());
    }
  }
}
