package app.talkingstick.group;

import static app.talkingstick.support.GroupFixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.GroupFixtures;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pseudonyms that pass for someone else (look-alike letters, staff words, hidden characters), over HTTP. */
@ExtendWith(VertxExtension.class)
class NameSpoofingApiTest {

  private static final String LOOKS_ALIKE = "That name looks too much like someone else's here; please choose another.";

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
  void aLookAlikeOfAMembersPseudonymIsRefused() {
    Session therapist = api.newTherapist("lookalike");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId, new JsonObject().put("maxUses", 10));
    assertEquals(201, fx.join(api.newClient("robin"), code, "Robin").status());

    assertLooksAlike(fx.join(api.newClient("cyrillic"), code, "R\u043Ebin")); // Cyrillic о
    // TS #39 maps DIGIT ZERO to capital O, and names are compared in any case: "R0bin" is Robin
    assertLooksAlike(fx.join(api.newClient("zero"), code, "R0bin"));
    assertLooksAlike(fx.join(api.newClient("wide"), code, "\uFF32\uFF4F\uFF42\uFF49\uFF4E"));
    assertEquals(2, fx.currentMembers(groupId));
    assertEquals(1, fx.count("SELECT uses FROM invites WHERE code = '" + code + "'"));

    Response robyn = fx.join(api.newClient("robyn"), code, "Robyn");
    assertEquals(201, robyn.status(), robyn.body().toString());
  }

  @Test
  void aLookAlikeOfTheTherapistsNameIsRefused() {
    Session therapist = api.newTherapist("Ada");  // display name "Dr Ada", also their pseudonym
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId, new JsonObject().put("maxUses", 5));
    assertLooksAlike(fx.join(api.newClient("fake"), code, "Dr \u0410da")); // Cyrillic А
    assertLooksAlike(fx.join(api.newClient("fake"), code, "Dr Ad\u0430")); // Cyrillic а
    assertError(fx.join(api.newClient("copy"), code, "dr ada"), 409, "PSEUDONYM_TAKEN");
    assertEquals(1, fx.currentMembers(groupId));
  }

  @Test
  void staffWordsAndHiddenCharactersAreRefusedAndAccentedNamesAccepted() {
    Session therapist = api.newTherapist("words");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId, new JsonObject().put("maxUses", 10));
    Session client = api.newClient("words");
    assertRefused(fx.join(client, code, "Therapist"), "\"therapist\"");
    assertRefused(fx.join(client, code, "Facilitator"), "\"facilitator\"");
    assertRefused(fx.join(client, code, "The Moderator"), "\"moderator\"");
    assertRefused(fx.join(client, code, "\u0410dmin"), "\"admin\"");
    assertRefused(fx.join(client, code, "Dr"), "\"dr\"");
    assertRefused(fx.join(client, code, "Eve\u202Elyn"), "pseudonym");
    assertRefused(fx.join(client, code, "Eve\u200Blyn"), "pseudonym");
    assertRefused(fx.join(client, code, "Eve\uFE0Flyn"), "invisible");
    assertRefused(fx.join(client, code, "Eve\u3164lyn"), "invisible");
    assertEquals(0, fx.count("SELECT uses FROM invites WHERE code = '" + code + "'"));

    for (String name : List.of("Zoë", "José")) {
      Response r = fx.join(api.newClient("accent"), code, name);
      assertEquals(201, r.status(), name + ": " + r.body());
      assertEquals(name, r.json().getString("pseudonym"));
    }
    // stored in NFC whatever form it was typed in; "Zoe" beside "Zoë" is another name
    Response decomposed = fx.join(api.newClient("nfd"), code, "Rene\u0301");
    assertEquals("Ren\u00E9", decomposed.json().getString("pseudonym"));
    assertEquals(201, fx.join(api.newClient("plain"), code, "Zoe").status());
  }

  @Test
  void twoLookAlikesJoiningAtOnceCannotBothGetIn() throws Exception {
    Session therapist = api.newTherapist("racing");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId, new JsonObject().put("maxUses", 10));
    List<String> names = List.of("Robin", "R\u043Ebin", "R0bin", "ROBIN", "Rob\u0456n"); // Cyrillic і
    List<Session> people = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) people.add(api.newClient("racer"));
    ExecutorService pool = Executors.newFixedThreadPool(names.size());
    List<Integer> statuses = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        Session person = people.get(i);
        String name = names.get(i);
        answers.add(pool.submit(() -> {
          start.await();
          return fx.join(person, code, name).status();
        }));
      }
      start.countDown();
      for (Future<Integer> answer : answers) statuses.add(answer.get(20, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(4, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    assertEquals(2, fx.currentMembers(groupId));
    assertEquals(1, fx.count("SELECT uses FROM invites WHERE code = '" + code + "'"));
  }

  @Test
  void theDatabaseHoldsOneSkeletonPerGroupAmongCurrentMembers() {
    Session therapist = api.newTherapist("index");
    UUID groupId = fx.createGroup(therapist);
    String code = fx.invite(therapist, groupId, new JsonObject().put("maxUses", 5));
    assertEquals(201, fx.join(api.newClient("wren"), code, "Wren").status());
    Response other = fx.join(api.newClient("lark"), code, "Lark");
    String lark = other.json().getString("memberId");
    // the join filled in the therapist's skeleton too
    assertEquals(0, fx.count("SELECT count(*) FROM group_members WHERE group_id = '" + groupId
        + "' AND skeleton IS NULL"));
    // a writer that skips the check still cannot give a second current member the same skeleton
    RuntimeException refused = assertThrows(RuntimeException.class, () -> server.sql(
        "UPDATE group_members SET skeleton = 'wren' WHERE id = '" + lark + "'"));
    assertTrue(String.valueOf(refused.getMessage()).contains("group_members_skeleton")
        || String.valueOf(refused.getCause()).contains("group_members_skeleton"), String.valueOf(refused));

    // someone who left frees their name's look-alikes
    Session wren = api.newClient("gone");
    Session lookAlike = api.newClient("after");
    String code2 = fx.invite(therapist, groupId, new JsonObject().put("maxUses", 5));
    assertEquals(201, fx.join(wren, code2, "Swallow").status());
    assertLooksAlike(fx.join(lookAlike, code2, "Sw\u0430llow"));
    assertEquals(204, api.post("/api/groups/" + groupId + "/leave", null, wren.accessToken()).status());
    assertEquals(201, fx.join(lookAlike, code2, "Sw\u0430llow").status());
  }

  private static void assertLooksAlike(Response r) {
    assertError(r, 409, "PSEUDONYM_TAKEN");
    assertEquals(LOOKS_ALIKE, r.json().getJsonObject("error").getString("message"));
  }

  private static void assertRefused(Response r, String fragment) {
    assertError(r, 400, "INVALID");
    String message = r.json().getJsonObject("error").getString("message");
    assertTrue(message.contains(fragment), message);
  }
}
