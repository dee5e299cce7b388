package app.talkingstick.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.TestDatabase;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code --demo} gives a newcomer a therapist, clients, a group and a working invite, once. */
@ExtendWith(VertxExtension.class)
class DemoSeederTest {

  @Test
  void theDemoIsReadyToUseAndSeedingTwiceChangesNothing(Vertx vertx) {
    Map<String, String> env = Map.of("DEMO", "true",
        "DATABASE_URL", TestDatabase.freshDatabaseUrl().toString(), "DATA_DIR", TestServer.tempDir().toString());
    try (TestServer first = TestServer.start(env)) {
      first.close();
    }
    try (TestServer server = TestServer.start(env)) {
      Api api = new Api(vertx, server.port());
      Session therapist = api.login(DemoSeeder.THERAPIST, DemoSeeder.THERAPIST_PASSWORD);
      var groups = api.get("/api/groups", therapist.accessToken()).json().getJsonArray("groups");
      assertEquals(1, groups.size(), "seeded once");
      String groupId = groups.getJsonObject(0).getString("id");
      var members = api.get("/api/groups/" + groupId, therapist.accessToken()).json().getJsonArray("members");
      assertEquals(3, members.size(), "the therapist, alex and blair");

      var invites = api.get("/api/groups/" + groupId + "/invites", therapist.accessToken()).json().getJsonArray("invites");
      String code = invites.stream().map(JsonObject.class::cast).filter(i -> "active".equals(i.getString("status")))
          .findFirst().orElseThrow().getString("code");
      Session casey = api.login("casey", DemoSeeder.CLIENT_PASSWORD);
      var joined = api.post("/api/groups/join", new JsonObject().put("code", code).put("pseudonym", "Meadow")
          .put("agreementAccepted", true), casey.accessToken());
      assertEquals(201, joined.status(), joined.body().toString());
    }
  }
}
