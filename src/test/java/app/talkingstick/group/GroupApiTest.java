package app.talkingstick.group;

import static app.talkingstick.support.GroupFixtures.assertError;
import static app.talkingstick.support.GroupFixtures.groupBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.GroupFixtures;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Creating groups, listing and viewing them, who sees what, and the refusals of every group route. */
@ExtendWith(VertxExtension.class)
class GroupApiTest {

  private static TestServer server;
  private static Api api;
  private static GroupFixtures fx;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start();
    api = new Api(vertx, server.port());
    fx = new GroupFixtures(api, server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aTherapistCreatesAGroupAndRunsIt() {
    Session therapist = api.newTherapist("create");
    JsonObject group = fx.createGroup(therapist, groupBody("Thursday circle").put("capacity", 12));

    UUID id = UUID.fromString(group.getString("id"));
    assertEquals("Thursday circle", group.getString("name"));
    assertEquals("A place to talk about Thursday circle", group.getString("description"));
    assertEquals("Getting through the week", group.getString("topic"));
    assertEquals(12, group.getInteger("capacity"));
    assertEquals("raise-hand", group.getString("mode"));
    assertEquals("fifo", group.getString("queueOrder"));
    assertEquals(120, group.getInteger("turnSeconds"));
    assertEquals(60, group.getInteger("sessionMinutes"));
    assertEquals(0, group.getInteger("slowModeSeconds"));
    JsonObject agreement = group.getJsonObject("agreement");
    assertEquals(1, agreement.getInteger("version"));
    String text = agreement.getString("text").toLowerCase();
    assertTrue(text.contains("confidential") && text.contains("respect") && text.contains("one voice at a time")
        && text.contains("crisis"), text);

    JsonObject you = group.getJsonObject("you");
    assertEquals("therapist", you.getString("role"));
    assertEquals("Dr create", you.getString("pseudonym"));
    assertEquals(1, you.getInteger("acceptedAgreementVersion"));
    JsonArray members = group.getJsonArray("members");
    assertEquals(1, members.size());
    assertEquals(you.getString("memberId"), members.getJsonObject(0).getString("memberId"));
    assertEquals(therapist.id().toString(), members.getJsonObject(0).getString("accountId"));

    JsonObject live = group.getJsonObject("live");
    assertEquals(new JsonObject().put("state", "closed").putNull("topic").putNull("endsAt"), live.getJsonObject("session"));
    assertEquals("raise-hand", live.getString("mode"));
    assertTrue(live.containsKey("speaker") && live.getValue("speaker") == null);
    assertEquals(new JsonArray(), live.getJsonArray("queue"));
    assertEquals(new JsonArray(), live.getJsonArray("online"));

    assertEquals(group, api.get("/api/groups/" + id, therapist.accessToken()).json());
  }

  @Test
  void explicitSettingsAndAgreementAreKept() {
    Session therapist = api.newTherapist("settings");
    JsonObject group = fx.createGroup(therapist, groupBody("Settings").put("mode", "round-robin")
        .put("capacity", 2).put("turnSeconds", 0).put("sessionMinutes", 480).put("slowModeSeconds", 3600)
        .put("queueOrder", "equity").put("agreement", "  Be kind.\nListen.  ").put("description", ""));
    assertEquals("round-robin", group.getString("mode"));
    assertEquals(2, group.getInteger("capacity"));
    assertEquals(0, group.getInteger("turnSeconds"));
    assertEquals(480, group.getInteger("sessionMinutes"));
    assertEquals(3600, group.getInteger("slowModeSeconds"));
    assertEquals("equity", group.getString("queueOrder"));
    assertEquals("", group.getString("description"));
    assertEquals(new JsonObject().put("version", 1).put("text", "Be kind.\nListen."), group.getJsonObject("agreement"));
  }

  @Test
  void onlyTherapistsCreateGroups() {
    assertError(api.post("/api/groups", groupBody("x"), api.newClient("nocreate").accessToken()), 403, "FORBIDDEN");
    Session admin = api.login(TestServer.ADMIN_USERNAME, TestServer.ADMIN_PASSWORD);
    assertError(api.post("/api/groups", groupBody("x"), admin.accessToken()), 403, "FORBIDDEN");
    assertError(api.post("/api/groups", groupBody("x")), 401, "UNAUTHORIZED");
  }

  @Test
  void badGroupSettingsAreRefusedWithTheFieldNamed() {
    Session therapist = api.newTherapist("badsettings");
    List<Object[]> cases = List.of(
        new Object[] {"name", null}, new Object[] {"name", "   "}, new Object[] {"name", "n".repeat(81)},
        new Object[] {"name", 42}, new Object[] {"name", "line\nbreak"},
        new Object[] {"description", "d".repeat(1001)}, new Object[] {"topic", "t".repeat(201)},
        new Object[] {"mode", null}, new Object[] {"mode", "chaos"}, new Object[] {"mode", true},
        new Object[] {"capacity", null}, new Object[] {"capacity", 1}, new Object[] {"capacity", 51},
        new Object[] {"capacity", "10"}, new Object[] {"capacity", 2.5},
        new Object[] {"turnSeconds", -1}, new Object[] {"turnSeconds", 3601},
        new Object[] {"sessionMinutes", 4}, new Object[] {"sessionMinutes", 481},
        new Object[] {"slowModeSeconds", 3601}, new Object[] {"queueOrder", "random"},
        new Object[] {"agreement", ""}, new Object[] {"agreement", 7});
    for (Object[] c : cases) {
      JsonObject body = groupBody("Bad");
      if (c[1] == null) body.remove((String) c[0]);
      else body.put((String) c[0], c[1]);
      Response r = api.post("/api/groups", body, therapist.accessToken());
      assertError(r, 400, "INVALID");
      assertTrue(r.json().getJsonObject("error").getString("message").contains((String) c[0]), c[0] + ": " + r.body());
    }
    for (String raw : new String[] {"{not json", "[1]", "", "null", "\"x\""}) {
      assertError(fx.postRaw("/api/groups", raw, therapist), 400, "INVALID");
    }
    assertEquals(0, fx.count("SELECT count(*) FROM groups WHERE name = 'Bad'"));
  }

  @Test
  void listingShowsEachPersonTheirCurrentGroupsAndAdminsAll() {
    Session therapist = api.newTherapist("lister");
    UUID first = fx.createGroup(therapist);
    UUID second = fx.createGroup(therapist);
    Session client = api.newClient("lister");
    UUID memberId = fx.joinNewClient(therapist, second, client, "Wren");

    JsonArray theirs = api.get("/api/groups", therapist.accessToken()).json().getJsonArray("groups");
    assertEquals(List.of(first.toString(), second.toString()), ids(theirs));
    JsonObject item = theirs.getJsonObject(0);
    assertEquals("therapist", item.getString("role"));
    assertEquals("Dr lister", item.getString("pseudonym"));
    assertEquals(1, item.getInteger("agreementVersion"));
    assertEquals(1, item.getInteger("acceptedAgreementVersion"));
    assertNotNull(item.getString("name"));
    assertNotNull(item.getString("topic"));

    Response mine = api.get("/api/groups", client.accessToken());
    assertEquals(200, mine.status());
    JsonArray clientGroups = mine.json().getJsonArray("groups");
    assertEquals(1, clientGroups.size());
    assertEquals(second.toString(), clientGroups.getJsonObject(0).getString("id"));
    assertEquals(memberId.toString(), clientGroups.getJsonObject(0).getString("memberId"));
    assertEquals("client", clientGroups.getJsonObject(0).getString("role"));
    assertEquals("Wren", clientGroups.getJsonObject(0).getString("pseudonym"));

    assertEquals(clientGroups, api.get("/api/me", client.accessToken()).json().getJsonArray("groups"));
    assertEquals(theirs, api.get("/api/me", therapist.accessToken()).json().getJsonArray("groups"));
    assertEquals(new JsonArray(), api.get("/api/groups", api.newClient("nobody").accessToken()).json().getJsonArray("groups"));

    Session admin = api.login(TestServer.ADMIN_USERNAME, TestServer.ADMIN_PASSWORD);
    JsonArray all = api.get("/api/groups", admin.accessToken()).json().getJsonArray("groups");
    assertTrue(ids(all).containsAll(List.of(first.toString(), second.toString())));
    for (int i = 0; i < all.size(); i++) {
      assertEquals("admin", all.getJsonObject(i).getString("role"));
      assertFalse(all.getJsonObject(i).containsKey("memberId"));
    }
  }

  @Test
  void clientsNeverSeeAccountIdsOrUsernamesButTherapistsSeeAccountIds() {
    Session therapist = api.newTherapist("privacy");
    UUID groupId = fx.createGroup(therapist);
    Session alice = api.newClient("alice");
    Session bob = api.newClient("bob");
    fx.joinNewClient(therapist, groupId, alice, "Sparrow");
    fx.joinNewClient(therapist, groupId, bob, "Heron");

    for (String path : new String[] {"", "/agreement", "/messages"}) {
      String raw = api.get("/api/groups/" + groupId + path, alice.accessToken()).body().toString();
      for (String secret : new String[] {bob.username(), bob.id().toString(), therapist.username(),
          therapist.id().toString(), alice.id().toString(), "accountId"}) {
        assertFalse(raw.contains(secret), path + " leaks " + secret + ": " + raw);
      }
    }
    String listed = api.get("/api/groups", alice.accessToken()).body().toString();
    assertFalse(listed.contains(bob.username()) || listed.contains(bob.id().toString()));

    JsonObject asAlice = api.get("/api/groups/" + groupId, alice.accessToken()).json();
    assertEquals(List.of("Dr privacy", "Sparrow", "Heron"), pseudonyms(asAlice.getJsonArray("members")));
    assertEquals("client", asAlice.getJsonObject("you").getString("role"));
    assertEquals("Sparrow", asAlice.getJsonObject("you").getString("pseudonym"));

    JsonArray asTherapist = api.get("/api/groups/" + groupId, therapist.accessToken()).json().getJsonArray("members");
    assertEquals(List.of(therapist.id().toString(), alice.id().toString(), bob.id().toString()),
        asTherapist.stream().map(m -> ((JsonObject) m).getString("accountId")).toList());
    assertFalse(asTherapist.encode().contains(bob.username()));
  }

  @Test
  void nonMembersGet404OnEveryGroupRouteAndMalformedIdsToo() {
    Session therapist = api.newTherapist("owner");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId);
    UUID memberId = fx.joinNewClient(therapist, groupId, api.newClient("member"), "Member");
    Session strangerClient = api.newClient("stranger");
    Session strangerTherapist = api.newTherapist("otherdoc");

    for (Session stranger : List.of(strangerClient, strangerTherapist)) {
      for (String id : List.of(groupId.toString(), UUID.randomUUID().toString(), "not-a-uuid", "1-1-1-1-1")) {
        assertEveryRouteIs404(stranger, id, code, memberId);
      }
    }
    for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
      assertEveryRouteIs404(therapist, id, code, memberId);
    }
    assertError(fx.delete("/api/groups/" + groupId + "/members/not-a-uuid", null, therapist), 404, "NOT_FOUND");
  }

  private void assertEveryRouteIs404(Session who, String id, String code, UUID memberId) {
    String base = "/api/groups/" + id;
    String token = who.accessToken();
    List<Response> answers = List.of(
        api.get(base, token),
        api.post(base + "/invites", new JsonObject(), token),
        api.get(base + "/invites", token),
        fx.delete(base + "/invites/" + code, null, who),
        api.get(base + "/agreement", token),
        fx.put(base + "/agreement", new JsonObject().put("text", "New rules"), who),
        api.post(base + "/agreement/accept", new JsonObject().put("version", 1), token),
        api.post(base + "/leave", null, token),
        fx.delete(base + "/members/" + memberId, new JsonObject().put("reason", "x"), who),
        api.get(base + "/messages", token),
        api.get(base + "/messages?after=0&limit=5", token),
        api.get(base + "/audit", token));
    for (int i = 0; i < answers.size(); i++) {
      Response r = answers.get(i);
      assertEquals(404, r.status(), "route " + i + " for " + id + ": " + r.body());
      assertEquals("NOT_FOUND", r.errorCode(), "route " + i);
    }
  }

  @Test
  void everyGroupRouteNeedsSigningIn() {
    String base = "/api/groups/" + UUID.randomUUID();
    for (Response r : List.of(api.get("/api/groups", null), api.post("/api/groups/join", new JsonObject()),
        api.get(base, null), api.get(base + "/messages", null), api.post(base + "/leave", null),
        api.request(HttpMethod.DELETE, base + "/members/" + UUID.randomUUID(), null, null))) {
      assertError(r, 401, "UNAUTHORIZED");
    }
  }

  @Test
  void anAdminSeesAGroupAndItsAuditButDoesNotActInIt() {
    Session therapist = api.newTherapist("watched");
    UUID groupId = fx.createGroup(therapist);
    Session client = api.newClient("watched");
    fx.joinNewClient(therapist, groupId, client, "Robin");
    Session admin = api.login(TestServer.ADMIN_USERNAME, TestServer.ADMIN_PASSWORD);

    JsonObject view = api.get("/api/groups/" + groupId, admin.accessToken()).json();
    assertEquals(new JsonObject().put("role", "admin"), view.getJsonObject("you"));
    assertEquals(2, view.getJsonArray("members").size());
    assertEquals(200, api.get("/api/groups/" + groupId + "/audit", admin.accessToken()).status());
    assertError(api.get("/api/groups/" + UUID.randomUUID(), admin.accessToken()), 404, "NOT_FOUND");
    assertError(api.get("/api/groups/" + UUID.randomUUID() + "/audit", admin.accessToken()), 404, "NOT_FOUND");
    assertError(api.post("/api/groups/" + groupId + "/invites", new JsonObject(), admin.accessToken()), 403, "FORBIDDEN");
    assertError(api.get("/api/groups/" + groupId + "/messages", admin.accessToken()), 403, "FORBIDDEN");
    assertError(fx.put("/api/groups/" + groupId + "/agreement", new JsonObject().put("text", "x"), admin), 403, "FORBIDDEN");
    assertError(api.post("/api/groups/join", new JsonObject().put("code", "ABCDEFGHJK").put("pseudonym", "Admin A")
        .put("agreementAccepted", true), admin.accessToken()), 403, "FORBIDDEN");
  }

  @Test
  void liveStateIsTheFacilitatorsAnswerWhenOneIsRunning() {
    Session therapist = api.newTherapist("live");
    UUID groupId = fx.createGroup(therapist);
    JsonObject facilitatorState = new JsonObject().put("session", new JsonObject().put("state", "open"))
        .put("mode", "open").put("speaker", "someone").put("queue", new JsonArray().add("a")).put("online", new JsonArray());
    Vertx serverVertx = server.server().vertx();
    MessageConsumer<JsonObject> facilitator = serverVertx.eventBus().consumer(GroupAddresses.control(groupId), msg -> {
      if ("state".equals(msg.body().getString("type"))) msg.reply(facilitatorState);
    });
    facilitator.completion().timeout(5, TimeUnit.SECONDS).await();
    try {
      assertEquals(facilitatorState, api.get("/api/groups/" + groupId, therapist.accessToken()).json().getJsonObject("live"));
    } finally {
      facilitator.unregister().timeout(5, TimeUnit.SECONDS).await();
    }
  }

  @Test
  void withoutAFacilitatorTheLiveStateComesFromTheDatabase() {
    Session therapist = api.newTherapist("session");
    UUID groupId = fx.createGroup(therapist);
    server.sql("INSERT INTO group_sessions (group_id, topic, started_by, ends_at) VALUES ('" + groupId
        + "', 'Sleep', '" + therapist.id() + "', now() + interval '45 minutes')");
    JsonObject session = api.get("/api/groups/" + groupId, therapist.accessToken()).json()
        .getJsonObject("live").getJsonObject("session");
    assertEquals("open", session.getString("state"));
    assertEquals("Sleep", session.getString("topic"));
    Duration left = Duration.between(Instant.now(), Instant.parse(session.getString("endsAt")));
    assertTrue(left.toMinutes() >= 43 && left.toMinutes() <= 45, left.toString());

    server.sql("UPDATE group_sessions SET ended_at = now() WHERE group_id = '" + groupId + "'");
    JsonObject closed = api.get("/api/groups/" + groupId, therapist.accessToken()).json().getJsonObject("live");
    assertEquals("closed", closed.getJsonObject("session").getString("state"));
    assertNull(closed.getJsonObject("session").getString("endsAt"));
  }

  private static List<String> ids(JsonArray groups) {
    return groups.stream().map(g -> ((JsonObject) g).getString("id")).toList();
  }

  private static List<String> pseudonyms(JsonArray members) {
    return members.stream().map(m -> ((JsonObject) m).getString("pseudonym")).toList();
  }
}
