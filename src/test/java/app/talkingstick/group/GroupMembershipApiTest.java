package app.talkingstick.group;

import static app.talkingstick.support.GroupFixtures.assertError;
import static app.talkingstick.support.GroupFixtures.groupBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.GroupFixtures;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Invites, joining, leaving, removal and the group agreement. */
@ExtendWith(VertxExtension.class)
class GroupMembershipApiTest {

  private static TestServer server;
  private static Api api;
  private static GroupFixtures fx;
  private static Vertx vertx;

  @BeforeAll
  static void start(Vertx testVertx) {
    vertx = testVertx;
    server = TestServer.start();
    api = new Api(vertx, server.port());
    fx = new GroupFixtures(api, server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ---- invites ----

  @Test
  void invitesHaveUnambiguousCodesAndSensibleDefaults() {
    Session therapist = api.newTherapist("inviter");
    UUID groupId = fx.createGroup(therapist);
    Response r = api.post("/api/groups/" + groupId + "/invites", null, therapist.accessToken());
    assertEquals(201, r.status(), r.body().toString());
    JsonObject invite = r.json();
    assertTrue(invite.getString("code").matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}"), invite.getString("code"));
    assertEquals(1, invite.getInteger("maxUses"));
    assertEquals(0, invite.getInteger("uses"));
    Duration validFor = Duration.between(Instant.now(), Instant.parse(invite.getString("expiresAt")));
    assertTrue(validFor.toHours() >= 71 && validFor.toHours() <= 72, validFor.toString());

    JsonObject custom = api.post("/api/groups/" + groupId + "/invites",
        new JsonObject().put("expiresInHours", 1).put("maxUses", 5), therapist.accessToken()).json();
    assertEquals(5, custom.getInteger("maxUses"));
    assertTrue(Duration.between(Instant.now(), Instant.parse(custom.getString("expiresAt"))).toMinutes() <= 60);
  }

  @Test
  void badInviteSettingsAreRefused() {
    Session therapist = api.newTherapist("badinvite");
    UUID groupId = fx.createGroup(therapist);
    for (JsonObject body : List.of(new JsonObject().put("expiresInHours", 0), new JsonObject().put("expiresInHours", 721),
        new JsonObject().put("maxUses", 0), new JsonObject().put("maxUses", 101), new JsonObject().put("maxUses", "5"),
        new JsonObject().put("expiresInHours", 1.5))) {
      assertError(api.post("/api/groups/" + groupId + "/invites", body, therapist.accessToken()), 400, "INVALID");
    }
    assertError(fx.postRaw("/api/groups/" + groupId + "/invites", "{oops", therapist), 400, "INVALID");
    assertEquals(0, fx.count("SELECT count(*) FROM invites WHERE group_id = '" + groupId + "'"));
  }

  @Test
  void onlyTheGroupsTherapistsManageInvites() {
    Session therapist = api.newTherapist("invmgr");
    UUID groupId = fx.createGroup(therapist);
    Session client = api.newClient("invmgr");
    fx.joinNewClient(therapist, groupId, client, "Finch");
    String code = fx.invite(therapist, groupId);
    String base = "/api/groups/" + groupId + "/invites";
    assertError(api.post(base, new JsonObject(), client.accessToken()), 403, "FORBIDDEN");
    assertError(api.get(base, client.accessToken()), 403, "FORBIDDEN");
    assertError(fx.delete(base + "/" + code, null, client), 403, "FORBIDDEN");
  }

  @Test
  void theInviteListShowsEachInvitesStatus() {
    Session therapist = api.newTherapist("statuses");
    UUID groupId = fx.createGroup(therapist);
    String active = fx.invite(therapist, groupId);
    String revoked = fx.invite(therapist, groupId);
    String expired = fx.invite(therapist, groupId);
    String usedUp = fx.invite(therapist, groupId);
    assertEquals(204, fx.delete("/api/groups/" + groupId + "/invites/" + revoked, null, therapist).status());
    server.sql("UPDATE invites SET expires_at = now() - interval '1 minute' WHERE code = '" + expired + "'");
    assertEquals(201, fx.join(api.newClient("used"), usedUp, "Plover").status());

    JsonArray invites = api.get("/api/groups/" + groupId + "/invites", therapist.accessToken()).json().getJsonArray("invites");
    Map<String, String> statusByCode = invites.stream().map(i -> (JsonObject) i)
        .collect(Collectors.toMap(i -> i.getString("code"), i -> i.getString("status")));
    assertEquals(Map.of(active, "active", revoked, "revoked", expired, "expired", usedUp, "used-up"), statusByCode);
  }

  @Test
  void revokingStopsAnInviteAndIsAudited() {
    Session therapist = api.newTherapist("revoker");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId);
    String path = "/api/groups/" + groupId + "/invites/";
    assertEquals(204, fx.delete(path + code.toLowerCase(), null, therapist).status());
    assertEquals(204, fx.delete(path + code, null, therapist).status(), "revoking twice changes nothing");
    assertError(fx.delete(path + "ZZZZZZZZZZ", null, therapist), 404, "NOT_FOUND");
    assertInviteInvalid(fx.join(api.newClient("late"), code, "Latecomer"));

    UUID otherGroup = fx.createGroup(therapist);
    assertError(fx.delete("/api/groups/" + otherGroup + "/invites/" + fx.invite(therapist, groupId), null, therapist),
        404, "NOT_FOUND");
    assertEquals(1, fx.count("SELECT count(*) FROM audit_log WHERE action = 'invite-revoked' AND group_id = '" + groupId + "'"));
  }

  // ---- joining ----

  @Test
  void aClientJoinsWithAnInviteUnderAPseudonym() {
    Session therapist = api.newTherapist("host");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId, new JsonObject().put("maxUses", 3));
    Session client = api.newClient("joiner");
    LinkedBlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    MessageConsumer<JsonObject> listener = server.server().vertx().eventBus()
        .consumer(GroupAddresses.MEMBERSHIP_CHANGED, m -> events.add(m.body()));
    listener.completion().timeout(5, TimeUnit.SECONDS).await();
    try {
      Response r = fx.join(client, " " + code.toLowerCase().substring(0, 5) + "-" + code.substring(5) + " ", "  Quiet Owl  ");
      assertEquals(201, r.status(), r.body().toString());
      JsonObject joined = r.json();
      assertEquals(groupId.toString(), joined.getString("groupId"));
      assertEquals("Quiet Owl", joined.getString("pseudonym"));
      String memberId = joined.getString("memberId");

      JsonObject event = events.poll(5, TimeUnit.SECONDS);
      assertEquals("member-joined", event.getString("type"));
      assertEquals(memberId, event.getString("memberId"));
      assertEquals(client.id().toString(), event.getString("accountId"));

      JsonObject view = api.get("/api/groups/" + groupId, client.accessToken()).json();
      assertEquals(memberId, view.getJsonObject("you").getString("memberId"));
      assertEquals(1, view.getJsonObject("you").getInteger("acceptedAgreementVersion"));
      assertEquals(1, fx.count("SELECT uses FROM invites WHERE code = '" + code + "'"));
      assertError(fx.join(client, code, "Another Name"), 409, "ALREADY_MEMBER");
      assertEquals(1, fx.count("SELECT uses FROM invites WHERE code = '" + code + "'"));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    } finally {
      listener.unregister();
    }
  }

  @Test
  void pseudonymsFromAnyScriptAreAccepted() {
    Session therapist = api.newTherapist("scripts");
    UUID groupId = fx.createGroup(therapist);
    for (String name : List.of("Ástríður", "花子", "Ольга_2", "j.d-x")) {
      Response r = fx.join(api.newClient("script"), fx.invite(therapist, groupId), name);
      assertEquals(201, r.status(), name + ": " + r.body());
      assertEquals(name, r.json().getString("pseudonym"));
    }
  }

  @Test
  void anExpiredInviteIsNotValid() {
    Session therapist = api.newTherapist("expiry");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId);
    server.sql("UPDATE invites SET expires_at = now() - interval '1 minute' WHERE code = '" + code + "'");
    assertInviteInvalid(fx.join(api.newClient("expired"), code, "Too Late"));
    assertEquals(1, fx.currentMembers(groupId));
  }

  @Test
  void aUsedUpOrUnknownInviteIsNotValid() {
    Session therapist = api.newTherapist("usedup");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId);
    assertEquals(201, fx.join(api.newClient("first"), code, "First One").status());
    assertInviteInvalid(fx.join(api.newClient("second"), code, "Second One"));
    assertInviteInvalid(fx.join(api.newClient("guess"), "ABCDEFGHJK", "Guesser"));
    assertEquals(2, fx.currentMembers(groupId));
  }

  @Test
  void aFullGroupTakesNoMoreClients() {
    Session therapist = api.newTherapist("full");
    UUID groupId = UUID.fromString(fx.createGroup(therapist, groupBody("Small").put("capacity", 2)).getString("id"));
    String code = fx.invite(therapist, groupId, new JsonObject().put("maxUses", 5));
    assertEquals(201, fx.join(api.newClient("one"), code, "One").status());
    assertEquals(201, fx.join(api.newClient("two"), code, "Two").status());
    assertError(fx.join(api.newClient("three"), code, "Three"), 409, "GROUP_FULL");
    assertEquals(2, fx.count("SELECT uses FROM invites WHERE code = '" + code + "'"));
    assertEquals(3, fx.currentMembers(groupId), "the therapist does not count towards capacity");
  }

  @Test
  void simultaneousJoinsNeverOverspendAnInviteOrOverfillAGroup() throws Exception {
    Session therapist = api.newTherapist("race");
    UUID oneSeat = fx.createGroup(therapist);
    String singleUse = fx.invite(therapist, oneSeat);
    List<Integer> single = joinAtOnce(singleUse, 5);
    assertEquals(1, single.stream().filter(s -> s == 201).count(), single.toString());
    assertEquals(4, single.stream().filter(s -> s == 404).count(), single.toString());
    assertEquals(1, fx.count("SELECT uses FROM invites WHERE code = '" + singleUse + "'"));

    UUID small = UUID.fromString(fx.createGroup(therapist, groupBody("Race").put("capacity", 2)).getString("id"));
    String manyUses = fx.invite(therapist, small, new JsonObject().put("maxUses", 10));
    List<Integer> crowd = joinAtOnce(manyUses, 5);
    assertEquals(2, crowd.stream().filter(s -> s == 201).count(), crowd.toString());
    assertEquals(3, crowd.stream().filter(s -> s == 409).count(), crowd.toString());
    assertEquals(3, fx.currentMembers(small));
  }

  /** That many new clients redeem the code at the same moment; their answers' statuses. */
  private static List<Integer> joinAtOnce(String code, int clients) throws Exception {
    List<Session> people = IntStream.range(0, clients).mapToObj(i -> api.newClient("racer")).toList();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        Session person = people.get(i);
        String pseudonym = "Racer " + i;
        answers.add(pool.submit(() -> {
          start.await();
          return fx.join(person, code, pseudonym).status();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) statuses.add(answer.get(20, TimeUnit.SECONDS));
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pseudonymsAreUniqueInAGroupWhateverTheirCase() {
    Session therapist = api.newTherapist("dupes");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId, new JsonObject().put("maxUses", 5));
    assertEquals(201, fx.join(api.newClient("a"), code, "Blue Jay").status());
    assertError(fx.join(api.newClient("b"), code, "bLUE jAY"), 409, "PSEUDONYM_TAKEN");
    assertError(fx.join(api.newClient("c"), code, "dr dupes"), 409, "PSEUDONYM_TAKEN");
    assertEquals(1, fx.count("SELECT uses FROM invites WHERE code = '" + code + "'"));
    assertEquals(2, fx.currentMembers(groupId));
  }

  @Test
  void aPseudonymMayNotRevealWhoYouAreOrBreakTheRules() {
    Session therapist = api.newTherapist("rules");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId);
    Session client = api.newClient("reveal");
    assertPseudonymRefused(fx.join(client, code, client.username().toUpperCase()), "username");
    assertPseudonymRefused(fx.join(client, code, "person " + client.username()), "display name");
    assertPseudonymRefused(fx.join(client, code, "x"), "2 to 24");
    assertPseudonymRefused(fx.join(client, code, "y".repeat(25)), "2 to 24");
    assertPseudonymRefused(fx.join(client, code, "<script>"), "letters");
    assertPseudonymRefused(fx.join(client, code, "..."), "letters");
    assertPseudonymRefused(api.post("/api/groups/join", new JsonObject().put("code", code)
        .put("agreementAccepted", true), client.accessToken()), "pseudonym");
    assertError(api.post("/api/groups/join", new JsonObject().put("code", code).put("pseudonym", 7)
        .put("agreementAccepted", true), client.accessToken()), 400, "INVALID");
    assertError(api.post("/api/groups/join", new JsonObject().put("code", 7).put("pseudonym", "Seven")
        .put("agreementAccepted", true), client.accessToken()), 400, "INVALID");
    assertError(fx.postRaw("/api/groups/join", "{\"code\":", client), 400, "INVALID");
    assertEquals(0, fx.count("SELECT uses FROM invites WHERE code = '" + code + "'"));
  }

  @Test
  void withoutAcceptingTheAgreementNothingChanges() {
    Session therapist = api.newTherapist("agree");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId);
    Session client = api.newClient("noagree");
    long auditBefore = fx.count("SELECT count(*) FROM audit_log WHERE group_id = '" + groupId + "'");
    for (Object accepted : new Object[] {null, false, "true", 1}) {
      JsonObject body = new JsonObject().put("code", code).put("pseudonym", "Hesitant");
      if (accepted != null) body.put("agreementAccepted", accepted);
      assertError(api.post("/api/groups/join", body, client.accessToken()), 400, "AGREEMENT_REQUIRED");
    }
    assertEquals(1, fx.currentMembers(groupId));
    assertEquals(0, fx.count("SELECT uses FROM invites WHERE code = '" + code + "'"));
    assertEquals(auditBefore, fx.count("SELECT count(*) FROM audit_log WHERE group_id = '" + groupId + "'"));
  }

  @Test
  void onlyClientsJoin() {
    Session therapist = api.newTherapist("nojoin");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId);
    assertError(fx.join(api.newTherapist("colleague"), code, "Colleague"), 403, "FORBIDDEN");
    assertEquals(0, fx.count("SELECT uses FROM invites WHERE code = '" + code + "'"));
  }

  // ---- leaving and removal ----

  @Test
  void aClientWhoLeftMayRejoinUnderANewPseudonym() {
    Session therapist = api.newTherapist("leaver");
    UUID groupId = fx.createGroup(therapist);
    Session client = api.newClient("leaver");
    UUID memberId = fx.joinNewClient(therapist, groupId, client, "Kestrel");

    assertEquals(204, api.post("/api/groups/" + groupId + "/leave", null, client.accessToken()).status());
    assertError(api.get("/api/groups/" + groupId, client.accessToken()), 404, "NOT_FOUND");
    assertError(api.post("/api/groups/" + groupId + "/leave", null, client.accessToken()), 404, "NOT_FOUND");
    assertEquals(new JsonArray(), api.get("/api/groups", client.accessToken()).json().getJsonArray("groups"));
    assertEquals(1, fx.currentMembers(groupId));

    fx.joinNewClient(therapist, groupId, api.newClient("taker"), "Kestrel");
    Response back = fx.join(client, fx.invite(therapist, groupId), "Merlin");
    assertEquals(201, back.status(), back.body().toString());
    assertEquals(memberId.toString(), back.json().getString("memberId"), "the same member, back again");
    assertEquals("Merlin", api.get("/api/groups/" + groupId, client.accessToken()).json()
        .getJsonObject("you").getString("pseudonym"));
  }

  @Test
  void aTherapistCannotLeaveTheirGroup() {
    Session therapist = api.newTherapist("stayer");
    UUID groupId = fx.createGroup(therapist);
    assertError(api.post("/api/groups/" + groupId + "/leave", null, therapist.accessToken()), 403, "FORBIDDEN");
  }

  @Test
  void aRemovedClientIsToldAndCannotComeBackWithAnInvite() {
    Session therapist = api.newTherapist("remover");
    UUID groupId = fx.createGroup(therapist);
    Session client = api.newClient("removed");
    UUID memberId = fx.joinNewClient(therapist, groupId, client, "Magpie");

    try (BusSocket socket = BusSocket.open(vertx, server.port(), api.ticket(client), server.origin())) {
      registerInbox(socket, client);
      Response r = fx.delete("/api/groups/" + groupId + "/members/" + memberId,
          new JsonObject().put("reason", "Repeated personal attacks"), therapist);
      assertEquals(204, r.status(), r.body().toString());
      JsonObject notice = socket.nextMatching(f -> f.getJsonObject("body") != null
          && "removed".equals(f.getJsonObject("body").getString("type")), Duration.ofSeconds(5));
      assertEquals(new JsonObject().put("type", "removed").put("groupId", groupId.toString()), notice.getJsonObject("body"));
    }
    assertError(api.get("/api/groups/" + groupId, client.accessToken()), 404, "NOT_FOUND");
    Response again = fx.join(client, fx.invite(therapist, groupId), "Magpie Two");
    assertError(again, 403, "REMOVED");
    assertEquals("A therapist removed you from this group.", again.json().getJsonObject("error").getString("message"));
    assertError(fx.delete("/api/groups/" + groupId + "/members/" + memberId, null, therapist), 404, "NOT_FOUND");
    assertNull(server.sql("SELECT reason FROM audit_log WHERE action = 'member-removed'"
        + " AND member_id = '" + memberId + "'").iterator().next().getString(0), "the reason is stored only sealed");
    var entries = api.get("/api/groups/" + groupId + "/audit", therapist.accessToken()).json().getJsonArray("entries");
    assertTrue(entries.stream().map(e -> (JsonObject) e).anyMatch(e -> "member-removed".equals(e.getString("action"))
        && "Repeated personal attacks".equals(e.getString("reason"))), entries.encode());
  }

  @Test
  void removalIsForTheGroupsTherapistsAndOnlyOfClients() {
    Session therapist = api.newTherapist("mod");
    JsonObject group = fx.createGroup(therapist, groupBody("Mod"));
    UUID groupId = UUID.fromString(group.getString("id"));
    String therapistMemberId = group.getJsonObject("you").getString("memberId");
    Session client = api.newClient("modded");
    Session other = api.newClient("other");
    UUID clientMember = fx.joinNewClient(therapist, groupId, client, "Starling");
    UUID otherMember = fx.joinNewClient(therapist, groupId, other, "Robin");
    String members = "/api/groups/" + groupId + "/members/";

    assertError(fx.delete(members + otherMember, null, client), 403, "FORBIDDEN");
    assertError(fx.delete(members + therapistMemberId, null, therapist), 400, "INVALID");
    assertError(fx.delete(members + UUID.randomUUID(), null, therapist), 404, "NOT_FOUND");
    assertError(fx.delete(members + otherMember, new JsonObject().put("reason", 5), therapist), 400, "INVALID");
    assertEquals(204, fx.delete(members + otherMember, null, therapist).status(), "the reason is optional");
    assertEquals(2, fx.currentMembers(groupId));
    assertTrue(api.get("/api/groups/" + groupId, client.accessToken()).json().getJsonArray("members").stream()
        .noneMatch(m -> ((JsonObject) m).getString("memberId").equals(otherMember.toString())));
    assertEquals(clientMember.toString(), api.get("/api/groups/" + groupId, client.accessToken()).json()
        .getJsonObject("you").getString("memberId"));
  }

  // ---- agreements ----

  @Test
  void aChangedAgreementMustBeAcceptedAgain() {
    Session therapist = api.newTherapist("agreement");
    UUID groupId = fx.createGroup(therapist);
    Session client = api.newClient("agreeing");
    fx.joinNewClient(therapist, groupId, client, "Swift");
    String path = "/api/groups/" + groupId + "/agreement";

    JsonObject first = api.get(path, client.accessToken()).json();
    assertEquals(1, first.getInteger("version"));
    assertEquals(1, first.getInteger("acceptedVersion"));
    assertTrue(first.getString("text").contains("Confidentiality"));

    Response changed = fx.put(path, new JsonObject().put("text", "Be gentle.\nNo advice unless asked."), therapist);
    assertEquals(200, changed.status(), changed.body().toString());
    assertEquals(new JsonObject().put("version", 2).put("text", "Be gentle.\nNo advice unless asked.").put("acceptedVersion", 2),
        changed.json());
    assertEquals(2, api.get(path, therapist.accessToken()).json().getInteger("acceptedVersion"));

    JsonObject seen = api.get(path, client.accessToken()).json();
    assertEquals(2, seen.getInteger("version"));
    assertEquals(1, seen.getInteger("acceptedVersion"));
    JsonObject listed = api.get("/api/groups", client.accessToken()).json().getJsonArray("groups").getJsonObject(0);
    assertEquals(2, listed.getInteger("agreementVersion"));
    assertEquals(1, listed.getInteger("acceptedAgreementVersion"));

    assertError(api.post(path + "/accept", new JsonObject().put("version", 1), client.accessToken()), 409, "AGREEMENT_OUTDATED");
    assertError(api.post(path + "/accept", new JsonObject().put("version", 3), client.accessToken()), 409, "AGREEMENT_OUTDATED");
    assertError(api.post(path + "/accept", new JsonObject().put("version", "2"), client.accessToken()), 400, "INVALID");
    assertError(api.post(path + "/accept", new JsonObject(), client.accessToken()), 400, "INVALID");
    assertEquals(204, api.post(path + "/accept", new JsonObject().put("version", 2), client.accessToken()).status());
    assertEquals(204, api.post(path + "/accept", new JsonObject().put("version", 2), client.accessToken()).status());
    assertEquals(2, api.get(path, client.accessToken()).json().getInteger("acceptedVersion"));
    assertEquals(2, api.get("/api/groups/" + groupId, client.accessToken()).json()
        .getJsonObject("you").getInteger("acceptedAgreementVersion"));

    Session newcomer = api.newClient("newcomer");
    fx.joinNewClient(therapist, groupId, newcomer, "Lark");
    assertEquals(2, api.get(path, newcomer.accessToken()).json().getInteger("acceptedVersion"));
  }

  @Test
  void onlyTheGroupsTherapistsChangeTheAgreement() {
    Session therapist = api.newTherapist("rulesdoc");
    UUID groupId = fx.createGroup(therapist);
    Session client = api.newClient("rulesclient");
    fx.joinNewClient(therapist, groupId, client, "Pipit");
    String path = "/api/groups/" + groupId + "/agreement";
    assertError(fx.put(path, new JsonObject().put("text", "Client rules"), client), 403, "FORBIDDEN");
    assertError(fx.put(path, new JsonObject().put("text", "   "), therapist), 400, "INVALID");
    assertError(fx.put(path, new JsonObject().put("text", 12), therapist), 400, "INVALID");
    assertError(fx.put(path, new JsonObject(), therapist), 400, "INVALID");
    assertError(fx.put(path, new JsonObject().put("text", "x".repeat(10_001)), therapist), 400, "INVALID");
    assertEquals(1, api.get(path, therapist.accessToken()).json().getInteger("version"));
  }

  /** Registers the inbox and proves the registration is live by a delivery round trip. */
  private static void registerInbox(BusSocket socket, Session s) {
    socket.register("user." + s.id() + ".inbox");
    JsonObject marker = new JsonObject().put("type", "marker").put("n", System.nanoTime());
    long deadline = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < deadline) {
      server.server().services().inbox().deliver(s.id(), marker);
      try {
        if (marker.equals(socket.next(Duration.ofMillis(200)).getJsonObject("body"))) return;
      } catch (AssertionError noFrameYet) {
        // not registered yet: deliver again
      }
    }
    throw new AssertionError("inbox registration never became live");
  }

  private static void assertInviteInvalid(Response r) {
    assertError(r, 404, "INVITE_INVALID");
    assertEquals("That invite code is not valid. It may have expired or been used.",
        r.json().getJsonObject("error").getString("message"));
  }

  private static void assertPseudonymRefused(Response r, String reasonFragment) {
    assertError(r, 400, "INVALID");
    String message = r.json().getJsonObject("error").getString("message");
    assertTrue(message.contains(reasonFragment), message);
    assertFalse(message.isBlank());
  }
}
