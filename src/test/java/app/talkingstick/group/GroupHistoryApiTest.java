package app.talkingstick.group;

import static app.talkingstick.support.GroupFixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.GroupFixtures;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Message history paging and visibility, and the audit log. */
@ExtendWith(VertxExtension.class)
class GroupHistoryApiTest {

  private static TestServer server;
  private static Api api;
  private static GroupFixtures fx;

  /** A room with 30 stored messages: 3, 13, 23 held; 6, 16, 26 redacted; 29 rejected; the rest visible. */
  private static UUID groupId;
  private static Session therapist;
  private static Session client;
  private static UUID therapistMember;
  private static UUID clientMember;
  private static final List<Long> VISIBLE =
      List.of(1L, 2L, 4L, 5L, 7L, 8L, 9L, 10L, 11L, 12L, 14L, 15L, 17L, 18L, 19L, 20L, 21L, 22L, 24L, 25L, 27L, 28L, 30L);

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start();
    api = new Api(vertx, server.port());
    fx = new GroupFixtures(api, server);
    therapist = api.newTherapist("historian");
    JsonObject group = fx.createGroup(therapist, GroupFixtures.groupBody("History"));
    groupId = UUID.fromString(group.getString("id"));
    therapistMember = UUID.fromString(group.getJsonObject("you").getString("memberId"));
    client = api.newClient("reader");
    clientMember = fx.joinNewClient(therapist, groupId, client, "Reader");
    insertMessages(groupId, 1, 30);
    server.sql("INSERT INTO reactions (group_id, seq, member_id, emoji) VALUES"
        + " ('" + groupId + "', 1, '" + clientMember + "', '💜'),"
        + " ('" + groupId + "', 1, '" + therapistMember + "', '💜'),"
        + " ('" + groupId + "', 1, '" + therapistMember + "', '🙏')");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Odd seqs from the client, even from the therapist; bodies "m{seq}." so none is a prefix of another. */
  private static void insertMessages(UUID group, int from, int to) {
    List<String> rows = new ArrayList<>();
    for (int seq = from; seq <= to; seq++) {
      String status = seq % 10 == 3 ? "held" : seq % 10 == 6 ? "redacted" : seq == 29 ? "rejected" : "visible";
      UUID author = seq % 2 == 1 ? clientMember : therapistMember;
      rows.add("('" + group + "', " + seq + ", '" + author + "', 'c" + seq + "', 'm" + seq + ".', '" + status + "')");
    }
    server.sql("INSERT INTO group_messages (group_id, seq, member_id, client_msg_id, body, status) VALUES "
        + String.join(", ", rows));
  }

  private static JsonObject page(Session who, String query) {
    Response r = api.get("/api/groups/" + groupId + "/messages" + query, who.accessToken());
    assertEquals(200, r.status(), r.body().toString());
    return r.json();
  }

  private static List<Long> seqs(JsonObject page) {
    return page.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getLong("seq")).toList();
  }

  private static void assertPage(JsonObject page, List<Long> expectedSeqs, boolean hasMore) {
    assertEquals(expectedSeqs, seqs(page), page.encode());
    assertEquals(hasMore, page.getBoolean("hasMore"), page.encode());
  }

  // ---- history ----

  @Test
  void afterGivesTheNextMessagesInOrderAndSaysExactlyWhetherMoreFollow() {
    assertPage(page(client, "?after=0&limit=5"), List.of(1L, 2L, 4L, 5L, 7L), true);
    assertPage(page(client, "?after=7&limit=5"), List.of(8L, 9L, 10L, 11L, 12L), true);
    assertPage(page(client, "?after=24&limit=3"), List.of(25L, 27L, 28L), true);
    assertPage(page(client, "?after=25&limit=3"), List.of(27L, 28L, 30L), false);
    assertPage(page(client, "?after=28&limit=3"), List.of(30L), false);
    assertPage(page(client, "?after=30"), List.of(), false);
    assertPage(page(client, "?after=2"), VISIBLE.subList(2, VISIBLE.size()), false);
  }

  @Test
  void resumingWithAfterWalksTheWholeVisibleHistoryOnce() {
    List<Long> seen = new ArrayList<>();
    long last = 0;
    JsonObject page;
    do {
      page = page(client, "?after=" + last + "&limit=4");
      seen.addAll(seqs(page));
      last = seen.get(seen.size() - 1);
    } while (page.getBoolean("hasMore"));
    assertEquals(VISIBLE, seen);
  }

  @Test
  void beforeGivesTheMessagesJustBeforeInAscendingOrder() {
    assertPage(page(client, "?before=31&limit=5"), List.of(24L, 25L, 27L, 28L, 30L), true);
    assertPage(page(client, "?before=24&limit=3"), List.of(20L, 21L, 22L), true);
    assertPage(page(client, "?before=5&limit=2"), List.of(2L, 4L), true);
    assertPage(page(client, "?before=4&limit=2"), List.of(1L, 2L), false);
    assertPage(page(client, "?before=4&limit=3"), List.of(1L, 2L), false);
    assertPage(page(client, "?before=1"), List.of(), false);
  }

  @Test
  void withoutAfterOrBeforeTheLatestPageComes() {
    assertPage(page(client, ""), VISIBLE, false);
    assertPage(page(client, "?limit=5"), List.of(24L, 25L, 27L, 28L, 30L), true);
    assertPage(page(client, "?limit=23"), VISIBLE, false);
    assertPage(page(client, "?limit=22"), VISIBLE.subList(1, VISIBLE.size()), true);
  }

  @Test
  void theDefaultPageIsFiftyMessages() {
    UUID big = fx.createGroup(therapist);
    UUID member = UUID.fromString(api.get("/api/groups/" + big, therapist.accessToken()).json()
        .getJsonObject("you").getString("memberId"));
    String rows = String.join(", ", IntStream.rangeClosed(1, 60)
        .mapToObj(s -> "('" + big + "', " + s + ", '" + member + "', 'c" + s + "', 'x', 'visible')").toList());
    server.sql("INSERT INTO group_messages (group_id, seq, member_id, client_msg_id, body, status) VALUES " + rows);
    JsonObject latest = api.get("/api/groups/" + big + "/messages", therapist.accessToken()).json();
    assertEquals(50, latest.getJsonArray("messages").size());
    assertEquals(11L, seqs(latest).get(0));
    assertTrue(latest.getBoolean("hasMore"));
    JsonObject all = api.get("/api/groups/" + big + "/messages?after=0&limit=200", therapist.accessToken()).json();
    assertEquals(60, all.getJsonArray("messages").size());
    assertFalse(all.getBoolean("hasMore"));
  }

  @Test
  void clientsSeeOnlyVisibleMessagesAndTherapistsSeeEveryRowWithItsStatus() {
    Response asClient = api.get("/api/groups/" + groupId + "/messages?after=0&limit=200", client.accessToken());
    for (String hidden : List.of("m3.", "m6.", "m13.", "m16.", "m23.", "m26.", "m29.", "\"status\"")) {
      assertFalse(asClient.body().toString().contains(hidden), hidden);
    }
    JsonObject all = page(therapist, "?after=0&limit=200");
    assertEquals(30, all.getJsonArray("messages").size());
    Map<Long, String> expected = Map.of(3L, "held", 6L, "redacted", 29L, "rejected", 30L, "visible");
    for (Object o : all.getJsonArray("messages")) {
      JsonObject m = (JsonObject) o;
      long seq = m.getLong("seq");
      if (expected.containsKey(seq)) assertEquals(expected.get(seq), m.getString("status"), "seq " + seq);
      assertNotNull(m.getString("status"));
      assertEquals("m" + seq + ".", m.getString("text"));
    }
    assertPage(page(therapist, "?before=7&limit=3"), List.of(4L, 5L, 6L), true);
  }

  @Test
  void eachMessageSaysWhoByPseudonymWhenAndItsReactions() {
    JsonArray messages = page(client, "?after=0&limit=2").getJsonArray("messages");
    JsonObject first = messages.getJsonObject(0);
    assertEquals(new JsonObject().put("memberId", clientMember.toString()).put("pseudonym", "Reader").put("role", "client"),
        first.getJsonObject("from"));
    assertEquals("m1.", first.getString("text"));
    assertTrue(Instant.parse(first.getString("at")).isBefore(Instant.now().plusSeconds(1)));
    assertEquals(new JsonObject().put("💜", 2).put("🙏", 1), first.getJsonObject("reactions"));
    JsonObject second = messages.getJsonObject(1);
    assertEquals("therapist", second.getJsonObject("from").getString("role"));
    assertEquals("Dr historian", second.getJsonObject("from").getString("pseudonym"));
    assertNull(second.getValue("reactions"));
    assertFalse(messages.encode().contains(client.id().toString()) || messages.encode().contains(therapist.id().toString()));
  }

  @Test
  void anEmptyRoomHasAnEmptyHistory() {
    UUID empty = fx.createGroup(therapist);
    assertEquals(new JsonObject().put("messages", new JsonArray()).put("hasMore", false),
        api.get("/api/groups/" + empty + "/messages", therapist.accessToken()).json());
  }

  @Test
  void badPagingParametersAre400() {
    for (String query : List.of("?after=abc", "?before=x", "?after=-1", "?after=", "?after=1.5", "?limit=0",
        "?limit=201", "?limit=ten", "?after=1&before=5", "?after=99999999999999999999")) {
      assertError(api.get("/api/groups/" + groupId + "/messages" + query, client.accessToken()), 400, "INVALID");
    }
    assertEquals(200, api.get("/api/groups/" + groupId + "/messages?limit=200", client.accessToken()).status());
  }

  // ---- audit ----

  @Test
  void theAuditLogRecordsEveryMembershipAct() {
    Session doc = api.newTherapist("auditor");
    UUID group = fx.createGroup(doc);
    String code = fx.invite(doc, group, new JsonObject().put("maxUses", 2));
    Session stays = api.newClient("stays");
    Session leaves = api.newClient("leaves");
    UUID staysMember = UUID.fromString(fx.join(stays, code, "Stays").json().getString("memberId"));
    UUID leavesMember = UUID.fromString(fx.join(leaves, code, "Leaves").json().getString("memberId"));
    assertEquals(204, api.post("/api/groups/" + group + "/leave", null, leaves.accessToken()).status());
    assertEquals(200, fx.put("/api/groups/" + group + "/agreement", new JsonObject().put("text", "New rules"), doc).status());
    assertEquals(204, fx.delete("/api/groups/" + group + "/members/" + staysMember,
        new JsonObject().put("reason", "Threats"), doc).status());
    assertEquals(204, fx.delete("/api/groups/" + group + "/invites/" + code, null, doc).status());

    Response r = api.get("/api/groups/" + group + "/audit", doc.accessToken());
    assertEquals(200, r.status(), r.body().toString());
    JsonArray entries = r.json().getJsonArray("entries");
    assertEquals(List.of("group-created", "invite-created", "member-joined", "member-joined", "member-left",
        "agreement-changed", "member-removed", "invite-revoked"), actions(entries));
    assertFalse(r.json().getBoolean("hasMore"));
    JsonObject joined = entries.getJsonObject(2);
    assertEquals(staysMember.toString(), joined.getString("memberId"));
    assertEquals("Stays", joined.getString("pseudonym"));
    assertEquals(stays.id().toString(), joined.getString("actorId"));
    JsonObject left = entries.getJsonObject(4);
    assertEquals(leavesMember.toString(), left.getString("memberId"));
    assertEquals(2, entries.getJsonObject(5).getJsonObject("details").getInteger("version"));
    JsonObject removed = entries.getJsonObject(6);
    assertEquals("Threats", removed.getString("reason"));
    assertEquals(doc.id().toString(), removed.getString("actorId"));
    assertEquals(code, entries.getJsonObject(7).getJsonObject("details").getString("code"));

    long firstId = entries.getJsonObject(0).getLong("id");
    JsonObject paged = api.get("/api/groups/" + group + "/audit?after=" + firstId + "&limit=2", doc.accessToken()).json();
    assertEquals(List.of("invite-created", "member-joined"), actions(paged.getJsonArray("entries")));
    assertTrue(paged.getBoolean("hasMore"));
    assertError(api.get("/api/groups/" + group + "/audit?limit=0", doc.accessToken()), 400, "INVALID");
    assertError(api.get("/api/groups/" + group + "/audit?after=x", doc.accessToken()), 400, "INVALID");

    Session admin = api.login(TestServer.ADMIN_USERNAME, TestServer.ADMIN_PASSWORD);
    assertEquals(entries, api.get("/api/groups/" + group + "/audit", admin.accessToken()).json().getJsonArray("entries"));
  }

  @Test
  void clientsMayNotReadTheAuditLogAndStrangersLearnNothing() {
    assertError(api.get("/api/groups/" + groupId + "/audit", client.accessToken()), 403, "FORBIDDEN");
    assertError(api.get("/api/groups/" + groupId + "/audit", api.newClient("nosy").accessToken()), 404, "NOT_FOUND");
    assertError(api.get("/api/groups/" + groupId + "/audit", api.newTherapist("nosydoc").accessToken()), 404, "NOT_FOUND");
  }

  @Test
  void theAuditLogCannotBeChangedOrErased() {
    long before = fx.count("SELECT count(*) FROM audit_log");
    assertTrue(before > 0);
    Throwable update = assertThrows(Throwable.class, () -> server.sql("UPDATE audit_log SET action = 'x'"));
    assertTrue(String.valueOf(update.getMessage()).contains("append-only"), update.toString());
    assertThrows(Throwable.class, () -> server.sql("DELETE FROM audit_log"));
    assertThrows(Throwable.class, () -> server.sql("TRUNCATE audit_log"));
    assertEquals(before, fx.count("SELECT count(*) FROM audit_log"));
    assertEquals(0, fx.count("SELECT count(*) FROM audit_log WHERE action = 'x'"));
  }

  private static List<String> actions(JsonArray entries) {
    return entries.stream().map(e -> ((JsonObject) e).getString("action")).toList();
  }
}
