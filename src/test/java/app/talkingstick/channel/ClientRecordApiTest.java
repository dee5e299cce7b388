package app.talkingstick.channel;

import static app.talkingstick.support.GroupFixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A therapist's goals and notes for a client: only that therapist reads or writes them; notes are sealed at rest. */
@ExtendWith(VertxExtension.class)
class ClientRecordApiTest {

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

  private static String goals(Session client) {
    return "/api/clients/" + client.id() + "/goals";
  }

  private static String notes(Session client) {
    return "/api/clients/" + client.id() + "/notes";
  }

  @Test
  void aTherapistKeepsGoalsForAClient() {
    Session therapist = api.newTherapist("goals");
    Session client = api.newClient("goals");
    fx.careByGroup(therapist, client);

    Response created = api.post(goals(client), new JsonObject().put("text", "  Sleep seven hours  "), therapist.accessToken());
    assertEquals(201, created.status(), created.body().toString());
    JsonObject goal = created.json();
    assertEquals("Sleep seven hours", goal.getString("text"));
    assertEquals("active", goal.getString("status"));
    String goalId = goal.getString("id");
    api.post(goals(client), new JsonObject().put("text", "Call a friend weekly").put("status", "paused"), therapist.accessToken());

    Response achieved = fx.patch(goals(client) + "/" + goalId, new JsonObject().put("status", "achieved"), therapist);
    assertEquals(200, achieved.status(), achieved.body().toString());
    assertEquals("achieved", achieved.json().getString("status"));
    assertEquals("Sleep seven hours", achieved.json().getString("text"));
    Response renamed = fx.patch(goals(client) + "/" + goalId, new JsonObject().put("text", "Sleep eight hours"), therapist);
    assertEquals("Sleep eight hours", renamed.json().getString("text"));
    assertEquals("achieved", renamed.json().getString("status"));

    JsonArray list = api.get(goals(client), therapist.accessToken()).json().getJsonArray("goals");
    assertEquals(List.of("Sleep eight hours", "Call a friend weekly"),
        list.stream().map(o -> ((JsonObject) o).getString("text")).toList());
    assertEquals(List.of("achieved", "paused"), list.stream().map(o -> ((JsonObject) o).getString("status")).toList());
    assertEquals(0, fx.count("SELECT count(*) FROM client_goals WHERE position(convert_to('Sleep', 'UTF8') in ciphertext) > 0"),
        "goal texts are sealed at rest");

    assertError(fx.patch(goals(client) + "/" + UUID.randomUUID(), new JsonObject().put("status", "paused"), therapist), 404, "NOT_FOUND");
    assertError(fx.patch(goals(client) + "/" + goalId, new JsonObject(), therapist), 400, "INVALID");
    assertError(fx.patch(goals(client) + "/" + goalId, new JsonObject().put("status", "done"), therapist), 400, "INVALID");
    assertError(api.post(goals(client), new JsonObject().put("text", ""), therapist.accessToken()), 400, "INVALID");
    assertError(api.post(goals(client), new JsonObject().put("text", "x".repeat(501)), therapist.accessToken()), 400, "INVALID");
    assertError(api.post(goals(client), new JsonObject().put("text", "ok").put("status", "maybe"), therapist.accessToken()), 400, "INVALID");
    assertEquals(2, api.get(goals(client), therapist.accessToken()).json().getJsonArray("goals").size(), "refusals changed nothing");
  }

  @Test
  void notesAreSealedAtRestAndPagedNewestFirst() {
    Session therapist = api.newTherapist("notes");
    Session client = api.newClient("notes");
    fx.careByInvite(therapist, client);
    String secret = "Client disclosed the tangerine incident";
    Response created = api.post(notes(client), new JsonObject().put("text", secret + "\nFollow up next week."), therapist.accessToken());
    assertEquals(201, created.status(), created.body().toString());
    assertEquals(secret + "\nFollow up next week.", created.json().getString("text"));
    for (int i = 2; i <= 3; i++) api.post(notes(client), new JsonObject().put("text", "note " + i), therapist.accessToken());

    var row = server.sql("SELECT ciphertext, nonce, key_id FROM client_notes WHERE id = '" + created.json().getString("id") + "'")
        .iterator().next();
    String raw = new String(row.getBuffer("ciphertext").getBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertFalse(raw.contains("tangerine"), "the note's text is not in its row");
    assertEquals(12, row.getBuffer("nonce").length());
    assertEquals(server.server().services().channelCipher().activeKeyId(), row.getString("key_id"));

    JsonObject page = api.get(notes(client) + "?limit=2", therapist.accessToken()).json();
    assertEquals(List.of("note 3", "note 2"), texts(page));
    assertTrue(page.getBoolean("hasMore"));
    String oldestShown = page.getJsonArray("notes").getJsonObject(1).getString("id");
    JsonObject rest = api.get(notes(client) + "?limit=2&before=" + oldestShown, therapist.accessToken()).json();
    assertEquals(1, rest.getJsonArray("notes").size());
    assertTrue(rest.getJsonArray("notes").getJsonObject(0).getString("text").startsWith(secret));
    assertFalse(rest.getBoolean("hasMore"));

    assertError(api.get(notes(client) + "?before=" + UUID.randomUUID(), therapist.accessToken()), 400, "INVALID");
    assertError(api.get(notes(client) + "?limit=0", therapist.accessToken()), 400, "INVALID");
    assertError(api.post(notes(client), new JsonObject().put("text", "x".repeat(2001)), therapist.accessToken()), 400, "INVALID");
    assertError(api.post(notes(client), new JsonObject().put("text", "bell\u0007"), therapist.accessToken()), 400, "INVALID");
    assertError(fx.postRaw(notes(client), "[]", therapist), 400, "INVALID");
    assertEquals(3, fx.count("SELECT count(*) FROM client_notes WHERE client_id = '" + client.id() + "'"));
  }

  @Test
  void onlyThatTherapistReadsOrWritesTheirGoalsAndNotes() {
    Session therapist = api.newTherapist("owner");
    Session client = api.newClient("owned");
    fx.careByInvite(therapist, client);
    api.post(goals(client), new JsonObject().put("text", "Keep a mood diary"), therapist.accessToken());
    api.post(notes(client), new JsonObject().put("text", "First session went well"), therapist.accessToken());

    Session colleague = api.newTherapist("colleague");
    fx.channel(colleague, api.newClient("colleagues"));
    Session coTherapist = api.newTherapist("cotherapist");
    fx.careByInvite(coTherapist, client);

    for (String path : new String[] {goals(client), notes(client)}) {
      assertError(api.get(path, colleague.accessToken()), 404, "NOT_FOUND");
      assertError(api.post(path, new JsonObject().put("text", "sneaky"), colleague.accessToken()), 404, "NOT_FOUND");
      assertError(api.get(path, client.accessToken()), 403, "FORBIDDEN");
      assertError(api.get(path, fx.admin().accessToken()), 403, "FORBIDDEN");
      assertError(api.get(path.replace(client.id().toString(), "nope"), therapist.accessToken()), 404, "NOT_FOUND");
    }
    assertEquals(new JsonArray(), api.get(goals(client), coTherapist.accessToken()).json().getJsonArray("goals"),
        "another of the client's therapists does not see them either");
    assertEquals(new JsonArray(), api.get(notes(client), coTherapist.accessToken()).json().getJsonArray("notes"));
    String goalId = api.get(goals(client), therapist.accessToken()).json().getJsonArray("goals").getJsonObject(0).getString("id");
    assertError(fx.patch(goals(client) + "/" + goalId, new JsonObject().put("status", "dropped"), coTherapist), 404, "NOT_FOUND");
    assertEquals("active", api.get(goals(client), therapist.accessToken()).json().getJsonArray("goals").getJsonObject(0).getString("status"));
  }

  private static List<String> texts(JsonObject page) {
    return page.getJsonArray("notes").stream().map(o -> ((JsonObject) o).getString("text")).toList();
  }
}
