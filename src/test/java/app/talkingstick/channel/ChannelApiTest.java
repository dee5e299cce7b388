package app.talkingstick.channel;

import static app.talkingstick.support.GroupFixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Care relationships, opening and listing channels, who sees what, history, read markers and unread counts. */
@ExtendWith(VertxExtension.class)
class ChannelApiTest {

  private static TestServer server;
  private static Api api;
  private static ChannelFixture fx;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start();
    api = new Api(vertx, server.port());
    fx = new ChannelFixture(server, api, vertx);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aTherapistOpensAChannelWithAGroupClientAndOpeningAgainReturnsTheSameOne() {
    Session therapist = api.newTherapist("opener");
    Session client = api.newClient("opened");
    fx.careByGroup(therapist, client);

    Response created = fx.open(therapist, client.id());
    assertEquals(201, created.status(), created.body().toString());
    JsonObject channel = created.json();
    UUID id = UUID.fromString(channel.getString("id"));
    assertEquals(therapist.id().toString(), channel.getString("therapistId"));
    assertEquals(client.id().toString(), channel.getString("clientId"));
    assertEquals(new JsonObject().put("id", therapist.id().toString()).put("displayName", "Dr opener"), channel.getJsonObject("therapist"));
    assertEquals(new JsonObject().put("id", client.id().toString()).put("displayName", "Person " + client.username()),
        channel.getJsonObject("client"));
    assertEquals(0, channel.getLong("unread"));
    assertEquals(0, channel.getLong("lastSeq"));
    assertNotNull(channel.getString("createdAt"));

    Response again = fx.open(therapist, client.id());
    assertEquals(200, again.status(), again.body().toString());
    assertEquals(channel, again.json());
    assertEquals(1, fx.count("SELECT count(*) FROM channels WHERE client_id = '" + client.id() + "'"));

    JsonObject seenByClient = fx.listed(client, id);
    assertEquals(channel, seenByClient, "both parties see the same channel");
    assertEquals(channel, fx.listed(therapist, id));
    assertEquals(channel, api.get("/api/channels/" + id, client.accessToken()).json());
    JsonArray me = api.get("/api/me", client.accessToken()).json().getJsonArray("channels");
    assertEquals(new JsonArray().add(channel), me, "/api/me lists the same channels");

    String everything = api.get("/api/channels", client.accessToken()).body().toString()
        + api.get("/api/channels", therapist.accessToken()).body();
    assertFalse(everything.contains("username") || everything.contains('"' + client.username() + '"')
        || everything.contains('"' + therapist.username() + '"'), "the parties know each other by display name, never by username");
  }

  @Test
  void aNewChannelIsAnnouncedToTheClientOnTheirInbox() {
    Session therapist = api.newTherapist("announce");
    Session client = api.newClient("announced");
    fx.careByInvite(therapist, client);
    try (BusSocket socket = fx.socket(client)) {
      fx.listenToInbox(socket, client);
      Response r = fx.open(therapist, client.id());
      JsonObject invite = ChannelFixture.next(socket, "channel-invite");
      assertEquals(r.json().getString("id"), invite.getString("channelId"));
      assertEquals(new JsonObject().put("accountId", therapist.id().toString()).put("role", "therapist")
          .put("displayName", "Dr announce"), invite.getJsonObject("from"));
      fx.open(therapist, client.id());
      socket.expectNo(f -> "channel-invite".equals(f.getJsonObject("body", new JsonObject()).getString("type")),
          java.time.Duration.ofMillis(400));
    }
  }

  @Test
  void aDirectInviteMakesSomeoneATherapistsClientOnce() {
    Session therapist = api.newTherapist("direct");
    Session client = api.newClient("direct");
    Response invite = api.post("/api/clients/invites", null, therapist.accessToken());
    assertEquals(201, invite.status(), invite.body().toString());
    String code = invite.json().getString("code");
    assertEquals(10, code.length());
    assertNotNull(invite.json().getString("expiresAt"));
    assertError(fx.open(therapist, client.id()), 404, "NOT_FOUND");

    Response joined = fx.join(client, code.toLowerCase().substring(0, 5) + "-" + code.substring(5));
    assertEquals(201, joined.status(), joined.body().toString());
    assertEquals(therapist.id().toString(), joined.json().getString("therapistId"));
    assertEquals("Dr direct", joined.json().getJsonObject("therapist").getString("displayName"));
    assertEquals(201, fx.open(therapist, client.id()).status());

    assertError(fx.join(api.newClient("late"), code), 404, "INVITE_INVALID");
    String second = fx.invite(therapist);
    assertError(fx.join(client, second), 409, "ALREADY_CLIENT");
    assertEquals(1, fx.count("SELECT count(*) FROM client_invites WHERE code = '" + second + "' AND used_at IS NULL"),
        "a refused redemption leaves the invite unused");

    String expiring = fx.invite(therapist);
    server.sql("UPDATE client_invites SET expires_at = now() - interval '1 second' WHERE code = '" + expiring + "'");
    assertError(fx.join(api.newClient("expired"), expiring), 404, "INVITE_INVALID");
    assertError(fx.join(client, "NOSUCHCODE"), 404, "INVITE_INVALID");
    assertError(fx.join(client, "  "), 400, "INVALID");
    assertError(api.post("/api/clients/join", new JsonObject(), client.accessToken()), 400, "INVALID");
    assertError(api.post("/api/clients/join", new JsonObject().put("code", 42), client.accessToken()), 400, "INVALID");
    assertError(fx.join(api.newTherapist("notaclient"), second), 403, "FORBIDDEN");
    assertError(api.post("/api/clients/invites", null, client.accessToken()), 403, "FORBIDDEN");
    assertError(api.post("/api/clients/invites", null, fx.admin().accessToken()), 403, "FORBIDDEN");
    assertError(api.post("/api/clients/invites", new JsonObject().put("expiresInHours", 0), therapist.accessToken()), 400, "INVALID");
    Response custom = api.post("/api/clients/invites", new JsonObject().put("expiresInHours", 1), therapist.accessToken());
    assertEquals(201, custom.status());
  }

  @Test
  void openingNeedsACareRelationshipAndATherapist() {
    Session therapist = api.newTherapist("needscare");
    Session stranger = api.newClient("notmine");
    Session mine = api.newClient("mine");
    fx.careByInvite(therapist, mine);
    Session otherTherapist = api.newTherapist("othercare");

    assertError(fx.open(therapist, stranger.id()), 404, "NOT_FOUND");
    assertError(fx.open(otherTherapist, mine.id()), 404, "NOT_FOUND");
    assertError(fx.open(therapist, therapist.id()), 404, "NOT_FOUND");
    assertError(fx.open(therapist, UUID.randomUUID()), 404, "NOT_FOUND");
    assertError(fx.open(mine, mine.id()), 403, "FORBIDDEN");
    assertError(fx.open(fx.admin(), mine.id()), 403, "FORBIDDEN");
    assertError(api.post("/api/channels", new JsonObject().put("clientId", "not-an-id"), therapist.accessToken()), 400, "INVALID");
    assertError(api.post("/api/channels", new JsonObject(), therapist.accessToken()), 400, "INVALID");
    assertError(fx.postRaw("/api/channels", "{nope", therapist), 400, "INVALID");
    assertError(api.post("/api/channels", new JsonObject().put("clientId", mine.id().toString())), 401, "UNAUTHORIZED");
    assertEquals(0, fx.count("SELECT count(*) FROM channels WHERE therapist_id IN ('" + therapist.id() + "', '"
        + otherTherapist.id() + "')"), "nothing was opened");
  }

  @Test
  void aClientWithTwoTherapistsHasOneChannelWithEach() {
    Session client = api.newClient("twotherapists");
    Session first = api.newTherapist("first");
    Session second = api.newTherapist("second");
    fx.careByGroup(first, client);
    fx.careByInvite(second, client);
    UUID a = UUID.fromString(fx.open(first, client.id()).json().getString("id"));
    UUID b = UUID.fromString(fx.open(second, client.id()).json().getString("id"));
    assertFalse(a.equals(b));
    JsonArray mine = api.get("/api/channels", client.accessToken()).json().getJsonArray("channels");
    assertEquals(2, mine.size());
    assertEquals(1, api.get("/api/channels", first.accessToken()).json().getJsonArray("channels").size());
    assertEquals(404, api.get("/api/channels/" + b, first.accessToken()).status(), "a therapist does not see a colleague's channel");
  }

  @Test
  void clientsWhoLeftOrWereRemovedFromTheGroupStayInCare() {
    Session therapist = api.newTherapist("continuity");
    Session leaver = api.newClient("leaver");
    Session removed = api.newClient("removed");
    UUID groupId = fx.groups.createGroup(therapist);
    fx.groups.joinNewClient(therapist, groupId, leaver, "Leaver Pseudo");
    UUID removedMember = fx.groups.joinNewClient(therapist, groupId, removed, "Removed Pseudo");
    assertEquals(204, api.post("/api/groups/" + groupId + "/leave", null, leaver.accessToken()).status());
    assertEquals(204, api.request(HttpMethod.DELETE, "/api/groups/" + groupId + "/members/" + removedMember, null,
        therapist.accessToken()).status());

    assertEquals(201, fx.open(therapist, leaver.id()).status());
    assertEquals(201, fx.open(therapist, removed.id()).status());
    JsonArray clients = api.get("/api/clients", therapist.accessToken()).json().getJsonArray("clients");
    assertEquals(2, clients.size());
    for (Object o : clients) {
      JsonObject c = (JsonObject) o;
      assertEquals(Set.of("id", "displayName", "since", "channelId"), c.fieldNames());
      assertNotNull(c.getString("channelId"));
    }
    assertError(api.get("/api/clients", leaver.accessToken()), 403, "FORBIDDEN");
  }

  @Test
  void nobodyButTheTwoPartiesSeesAChannelAndAdminsSeeOnlyThatItExists() {
    Session therapist = api.newTherapist("private");
    Session client = api.newClient("private");
    UUID channelId = fx.channel(therapist, client);
    Session thirdUser = api.newClient("third");
    Session otherTherapist = api.newTherapist("colleague");
    fx.channel(otherTherapist, api.newClient("colleagues"));
    Session admin = fx.admin();

    for (Session outsider : new Session[] {thirdUser, otherTherapist, admin}) {
      assertError(api.get("/api/channels/" + channelId, outsider.accessToken()), 404, "NOT_FOUND");
      assertError(fx.history(outsider, channelId, ""), 404, "NOT_FOUND");
      assertError(fx.history(outsider, channelId, "?after=0"), 404, "NOT_FOUND");
      assertError(fx.markRead(outsider, channelId, 0), 404, "NOT_FOUND");
    }
    assertNull(fx.listed(thirdUser, channelId));
    assertNull(fx.listed(otherTherapist, channelId));
    assertError(fx.history(client, UUID.randomUUID(), ""), 404, "NOT_FOUND");
    assertError(api.get("/api/channels/not-a-uuid/messages", client.accessToken()), 404, "NOT_FOUND");

    JsonObject seen = fx.listed(admin, channelId);
    assertEquals(Set.of("id", "therapistId", "clientId", "createdAt"), seen.fieldNames(), "existence only: " + seen);
    assertEquals(therapist.id().toString(), seen.getString("therapistId"));
    assertTrue(api.get("/api/channels", admin.accessToken()).json().getJsonArray("channels").size() >= 2);
  }

  @Test
  void historyPagesLikeAGroupRoomsAndRefusesBadParameters() {
    Session therapist = api.newTherapist("pages");
    Session client = api.newClient("pages");
    UUID channelId = fx.channel(therapist, client);
    try (BusSocket t = fx.socket(therapist); BusSocket c = fx.socket(client)) {
      for (int i = 1; i <= 5; i++) {
        BusSocket who = i % 2 == 1 ? t : c;
        JsonObject reply = ChannelFixture.act(who, channelId, ChannelFixture.say("line " + i));
        assertEquals(i, reply.getLong("seq"), reply.encode());
      }
    }
    JsonObject latest = fx.history(client, channelId, "?limit=2").json();
    assertEquals(java.util.List.of(4L, 5L), seqs(latest));
    assertTrue(latest.getBoolean("hasMore"));
    JsonObject after = fx.history(client, channelId, "?after=1&limit=3").json();
    assertEquals(java.util.List.of(2L, 3L, 4L), seqs(after));
    assertTrue(after.getBoolean("hasMore"));
    JsonObject rest = fx.history(therapist, channelId, "?after=4").json();
    assertEquals(java.util.List.of(5L), seqs(rest));
    assertFalse(rest.getBoolean("hasMore"));
    JsonObject before = fx.history(therapist, channelId, "?before=3").json();
    assertEquals(java.util.List.of(1L, 2L), seqs(before));
    assertFalse(before.getBoolean("hasMore"));

    JsonObject first = fx.history(client, channelId, "?after=0&limit=1").json().getJsonArray("messages").getJsonObject(0);
    assertEquals("line 1", first.getString("text"));
    assertEquals(new JsonObject().put("accountId", therapist.id().toString()).put("role", "therapist")
        .put("displayName", "Dr pages"), first.getJsonObject("from"));
    assertNotNull(first.getString("at"));
    JsonObject second = fx.history(client, channelId, "?after=1&limit=1").json().getJsonArray("messages").getJsonObject(0);
    assertEquals(new JsonObject().put("accountId", client.id().toString()).put("role", "client")
        .put("displayName", "Person " + client.username()), second.getJsonObject("from"));

    for (String bad : new String[] {"?after=1&before=3", "?after=-1", "?after=x", "?limit=0", "?limit=201", "?before=1.5"}) {
      assertError(fx.history(client, channelId, bad), 400, "INVALID");
    }
  }

  @Test
  void readMarkersDriveUnreadCountsAndNeverMoveBack() {
    Session therapist = api.newTherapist("reader");
    Session client = api.newClient("reader");
    UUID channelId = fx.channel(therapist, client);
    try (BusSocket t = fx.socket(therapist); BusSocket c = fx.socket(client)) {
      for (int i = 0; i < 3; i++) ChannelFixture.act(t, channelId, ChannelFixture.say("from the therapist " + i));
      ChannelFixture.act(c, channelId, ChannelFixture.say("from the client"));
    }
    assertEquals(3, fx.listed(client, channelId).getLong("unread"), "the other party's messages count");
    assertEquals(1, fx.listed(therapist, channelId).getLong("unread"), "one's own messages do not");
    assertEquals(4, fx.listed(client, channelId).getLong("lastSeq"));

    assertEquals(204, fx.markRead(client, channelId, 2).status());
    assertEquals(1, fx.listed(client, channelId).getLong("unread"));
    assertEquals(204, fx.markRead(client, channelId, 1).status());
    assertEquals(1, fx.listed(client, channelId).getLong("unread"), "a marker never moves back");
    assertEquals(1, api.get("/api/me", client.accessToken()).json().getJsonArray("channels").getJsonObject(0).getLong("unread"));
    assertEquals(204, fx.markRead(client, channelId, 1_000_000).status());
    assertEquals(0, fx.listed(client, channelId).getLong("unread"));
    assertEquals(4, fx.count("SELECT seq FROM channel_reads WHERE channel_id = '" + channelId + "' AND account_id = '"
        + client.id() + "'"), "a marker stops at the last message, so later ones still count");

    for (Object bad : new Object[] {-1, "3", 2.5, true}) assertError(fx.markRead(client, channelId, bad), 400, "INVALID");
    assertError(api.post("/api/channels/" + channelId + "/read", new JsonObject(), client.accessToken()), 400, "INVALID");
    assertEquals(1, fx.listed(therapist, channelId).getLong("unread"), "one party's marker is not the other's");
  }

  private static java.util.List<Long> seqs(JsonObject page) {
    return page.getJsonArray("messages").stream().map(o -> ((JsonObject) o).getLong("seq")).toList();
  }
}
