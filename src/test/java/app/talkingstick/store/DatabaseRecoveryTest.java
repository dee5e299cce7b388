package app.talkingstick.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.RoomFixture;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server on its own embedded PostgreSQL (no DATABASE_URL, as a newcomer runs it): the
 * database goes away and comes back, and the server follows without a restart.
 */
@ExtendWith(VertxExtension.class)
class DatabaseRecoveryTest {

  private static TestServer server;
  private static Api api;
  private static EmbeddedDatabase database;

  @BeforeAll
  static void start(Vertx vertx) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", "");
    server = TestServer.start(env);
    database = server.server().embeddedDatabase().orElseThrow();
    api = new Api(vertx, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void whileTheDatabaseIsDownRequestsFailFastWithUnavailableThenEverythingRecovers() {
    Session before = api.newClient("steady");
    assertEquals(200, api.get("/health", null).status());

    database.stop();
    try {
      Response health = api.get("/health", null);
      assertEquals(503, health.status());
      assertEquals("down", health.json().getString("database"));

      long started = System.nanoTime();
      Response login = api.post("/api/auth/login", new JsonObject().put("username", before.username()).put("password", "a long enough password"));
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(503, login.status());
      assertEquals("UNAVAILABLE", login.errorCode());
      assertEquals(true, tookMillis < 5_000, "failed fast: " + tookMillis + " ms");
      assertEquals(503, api.register("during-outage", "a long enough password").status());
    } finally {
      database.restart();
    }

    long deadline = System.currentTimeMillis() + 15_000;
    int status = 0;
    while (status != 200 && System.currentTimeMillis() < deadline) {
      status = api.get("/health", null).status();
    }
    assertEquals(200, status, "health recovers by itself");
    Session after = api.login(before.username(), "a long enough password");
    assertEquals(200, api.get("/api/me", after.accessToken()).status(), "data written before the outage is still there");
    assertEquals(404, api.get("/api/me/nothing", after.accessToken()).status());
  }

  @Test
  void aMessageSentWhileTheDatabaseIsDownIsRefusedAsUnavailableAndARetryStoresItOnce(Vertx vertx) {
    try (RoomFixture room = RoomFixture.create(server, api, vertx, "open", 1)) {
      room.connectAll();
      room.startSession();
      RoomFixture.Person client = room.clients.get(0);
      JsonObject say = new JsonObject().put("type", "say").put("text", "are you there?").put("clientMsgId", "outage-1");
      database.stop();
      try {
        JsonObject refused = room.act(client, say);
        assertEquals(false, refused.getBoolean("ok"));
        assertEquals("UNAVAILABLE", refused.getJsonObject("error").getString("code"));
      } finally {
        database.restart();
      }
      JsonObject stored = room.act(client, say);
      long deadline = System.currentTimeMillis() + 15_000;
      while (!stored.getBoolean("ok", false) && System.currentTimeMillis() < deadline) stored = room.act(client, say);
      assertEquals(true, stored.getBoolean("ok"), stored.encode());
      assertEquals(1L, server.sql("SELECT count(*) FROM group_messages WHERE client_msg_id = 'outage-1'").iterator().next().getLong(0));
      assertEquals("are you there?", RoomFixture.nextEvent(room.therapist, "message").getString("text"));
    }
  }

  @Test
  void theEmbeddedDatabaseKeepsItsDataUnderDataDir() {
    Path dataDir = server.server().config().dataDir();
    assertEquals(true, dataDir.resolve("postgres").resolve("PG_VERSION").toFile().exists());
    assertEquals(true, dataDir.resolve("keys").resolve("jwt-es256-private.pem").toFile().exists());
  }

  @Test
  void theEmbeddedDatabaseWritesItsLogInSmallSegmentsSoANewOneDoesNotHoldCommitsBack() {
    String size = server.sql("SHOW wal_segment_size").iterator().next().getString(0);
    assertEquals("1MB", size);
  }
}
