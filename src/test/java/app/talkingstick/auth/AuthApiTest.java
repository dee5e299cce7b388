package app.talkingstick.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AuthApiTest {

  private static TestServer server;
  private static Api api;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start();
    api = new Api(vertx, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void registerCreatesAClientAndNeverEchoesThePassword() {
    String name = unique("Robin");
    Response r = api.register(name, "correct horse battery");
    assertEquals(201, r.status());
    assertEquals(name.toLowerCase(), r.json().getString("username"));
    assertEquals("client", r.json().getString("role"));
    assertNotNull(UUID.fromString(r.json().getString("id")));
    assertFalse(r.body().toString().contains("correct horse battery"));
  }

  @Test
  void usernamesAreUniqueWhateverTheirCase() {
    String name = unique("sam");
    assertEquals(201, api.register(name, "correct horse battery").status());
    Response again = api.register(name.toUpperCase(), "another good password");
    assertEquals(409, again.status());
    assertEquals("USERNAME_TAKEN", again.errorCode());
  }

  @Test
  void badAccountDetailsAreRefusedWithAReason() {
    assertInvalid(api.register("ab", "correct horse battery"), "username");
    assertInvalid(api.register("has space", "correct horse battery"), "username");
    assertInvalid(api.register(unique("pw"), "short"), "at least 10");
    String name = unique("same");
    assertInvalid(api.register(name, name + "12345"), "must not contain the username");
    assertInvalid(api.post("/api/auth/register", new JsonObject()
        .put("username", unique("nodisplay")).put("password", "correct horse battery")), "displayName");
    assertInvalid(api.post("/api/auth/register", new JsonObject()
        .put("username", 42).put("password", "correct horse battery").put("displayName", "x")), "username");
  }

  private static void assertInvalid(Response r, String reasonFragment) {
    assertEquals(400, r.status(), r.body().toString());
    assertEquals("INVALID", r.errorCode());
    assertTrue(r.json().getJsonObject("error").getString("message").contains(reasonFragment), r.body().toString());
  }

  @Test
  void malformedJsonAndWrongBodyShapesAre400WithTheErrorShape() {
    for (String body : new String[] {"{not json", "[1,2]", "\"text\"", "", "null"}) {
      Response r = api.postRaw("/api/auth/login", body);
      assertEquals(400, r.status(), "body: " + body);
      assertEquals("INVALID", r.errorCode());
      assertTrue(r.headers().get("Content-Type").startsWith("application/json"));
    }
  }

  @Test
  void oversizeBodiesAre413() {
    String huge = "{\"username\":\"" + "x".repeat(70 * 1024) + "\"}";
    Response r = api.postRaw("/api/auth/register", huge);
    assertEquals(413, r.status());
    assertEquals("TOO_LARGE", r.errorCode());
  }

  @Test
  void unknownRoutesAndMethodsAnswerInJson() {
    Response missing = api.get("/api/does-not-exist", null);
    assertEquals(404, missing.status());
    assertEquals("NOT_FOUND", missing.errorCode());
    Response wrongMethod = api.get("/api/auth/login", null);
    assertEquals(404, wrongMethod.status());
    assertEquals("NOT_FOUND", wrongMethod.errorCode());
    Response outsideApi = api.get("/no/such/page", null);
    assertEquals(404, outsideApi.status());
    assertEquals("NOT_FOUND", outsideApi.errorCode());
  }

  @Test
  void loginGivesAnAccessTokenWithTheContractedClaims() {
    Session s = api.newClient("claims");
    String[] parts = s.accessToken().split("\\.");
    JsonObject header = new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(parts[0])));
    JsonObject claims = new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(parts[1])));
    assertEquals("ES256", header.getString("alg"));
    assertNotNull(header.getString("kid"));
    assertEquals(s.id().toString(), claims.getString("sub"));
    assertEquals("client", claims.getString("role"));
    assertEquals("talkingstick", claims.getString("iss"));
    assertEquals("talkingstick", claims.getValue("aud") instanceof String a ? a : claims.getJsonArray("aud").getString(0));
    assertEquals(900, claims.getLong("exp") - claims.getLong("iat"));
  }

  @Test
  void wrongPasswordAndUnknownUserLookTheSame() {
    String name = unique("lee");
    api.register(name, "correct horse battery");
    Response wrong = api.post("/api/auth/login", new JsonObject().put("username", name).put("password", "wrong password!!"));
    Response unknown = api.post("/api/auth/login", new JsonObject().put("username", unique("ghost")).put("password", "wrong password!!"));
    assertEquals(401, wrong.status());
    assertEquals(401, unknown.status());
    assertEquals(wrong.body().toString(), unknown.body().toString());
  }

  @Test
  void repeatedFailuresForAUsernameAreThrottledEvenWithTheRightPassword() {
    String name = unique("throttle");
    api.register(name, "correct horse battery");
    for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USERNAME; i++) {
      assertEquals(401, api.post("/api/auth/login", new JsonObject().put("username", name).put("password", "bad password " + i)).status());
    }
    Response blocked = api.post("/api/auth/login", new JsonObject().put("username", name).put("password", "correct horse battery"));
    assertEquals(429, blocked.status());
    assertEquals("RATE_LIMITED", blocked.errorCode());
    int retryAfter = Integer.parseInt(blocked.headers().get("Retry-After"));
    assertTrue(retryAfter > 0 && retryAfter <= LoginThrottle.WINDOW.toSeconds(), "Retry-After " + retryAfter);
    // another account is not affected
    Session other = api.newClient("unaffected");
    assertNotNull(other.accessToken());
  }

  @Test
  void meDescribesTheSignedInAccountOnly() {
    Session s = api.newClient("me");
    Response me = api.get("/api/me", s.accessToken());
    assertEquals(200, me.status());
    assertEquals(s.id().toString(), me.json().getString("id"));
    assertEquals("client", me.json().getString("role"));
    assertTrue(me.json().getJsonArray("groups").isEmpty());
    assertNull(me.json().getValue("passwordHash"));
    assertEquals(401, api.get("/api/me", null).status());
    assertEquals("UNAUTHORIZED", api.get("/api/me", null).errorCode());
  }

  @Test
  void refreshRotatesAndTheOldTokenStopsWorking() {
    Session s = api.newClient("rotate");
    Response first = api.post("/api/auth/refresh", new JsonObject().put("refreshToken", s.refreshToken()));
    assertEquals(200, first.status());
    String next = first.json().getString("refreshToken");
    assertNotEquals(s.refreshToken(), next);
    assertEquals(200, api.get("/api/me", first.json().getString("accessToken")).status());

    Response replay = api.post("/api/auth/refresh", new JsonObject().put("refreshToken", s.refreshToken()));
    assertEquals(401, replay.status());
    // a replayed token means it leaked: the whole family is revoked, including the newest one
    assertEquals(401, api.post("/api/auth/refresh", new JsonObject().put("refreshToken", next)).status());
  }

  @Test
  void manyConcurrentRefreshesAllSucceedEvenBeyondThePoolSize() throws Exception {
    java.util.List<Session> sessions = new java.util.ArrayList<>();
    for (int i = 0; i < 24; i++) sessions.add(api.newClient("burst"));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(24);
    try {
      var results = pool.invokeAll(sessions.stream().map(s -> (java.util.concurrent.Callable<Integer>) () ->
          api.post("/api/auth/refresh", new JsonObject().put("refreshToken", s.refreshToken())).status()).toList());
      for (var r : results) assertEquals(200, r.get());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void refreshRefusesGarbage() {
    assertEquals(401, api.post("/api/auth/refresh", new JsonObject().put("refreshToken", "rt_forged")).status());
    assertEquals(400, api.post("/api/auth/refresh", new JsonObject()).status());
  }

  @Test
  void logoutKillsRefreshAndAccessTokens() {
    Session s = api.newClient("bye");
    Session elsewhere = api.login(s.username(), "a long enough password");
    assertEquals(204, api.post("/api/auth/logout", null, s.accessToken()).status());
    assertEquals(401, api.get("/api/me", s.accessToken()).status());
    assertEquals(401, api.get("/api/me", elsewhere.accessToken()).status());
    assertEquals(401, api.post("/api/auth/refresh", new JsonObject().put("refreshToken", s.refreshToken())).status());
    assertEquals(401, api.post("/api/auth/refresh", new JsonObject().put("refreshToken", elsewhere.refreshToken())).status());
    Session again = api.login(s.username(), "a long enough password");
    assertEquals(200, api.get("/api/me", again.accessToken()).status());
  }

  @Test
  void onlyAnAdminCreatesTherapists() {
    Session client = api.newClient("wannabe");
    JsonObject body = new JsonObject().put("username", unique("dr")).put("password", "therapist password 1").put("displayName", "Dr X");
    Response refused = api.post("/api/admin/therapists", body, client.accessToken());
    assertEquals(403, refused.status());
    assertEquals("FORBIDDEN", refused.errorCode());
    assertEquals(401, api.post("/api/admin/therapists", body).status());

    Session admin = api.login(TestServer.ADMIN_USERNAME, TestServer.ADMIN_PASSWORD);
    Response created = api.post("/api/admin/therapists", body, admin.accessToken());
    assertEquals(201, created.status());
    assertEquals("therapist", created.json().getString("role"));
    Session therapist = api.login(body.getString("username"), "therapist password 1");
    assertEquals("therapist", api.get("/api/me", therapist.accessToken()).json().getString("role"));
  }

  @Test
  void ticketsAreIssuedOnlyToSignedInAccounts() {
    assertEquals(401, api.post("/api/auth/ws-ticket", null).status());
    Session s = api.newClient("ticket");
    Response r = api.post("/api/auth/ws-ticket", null, s.accessToken());
    assertEquals(200, r.status());
    assertTrue(r.json().getString("ticket").startsWith("tk_"));
    assertEquals(30, r.json().getInteger("expiresIn"));
  }

  @Test
  void healthAndMetricsAreServed() {
    Response health = api.get("/health", null);
    assertEquals(200, health.status());
    assertEquals("up", health.json().getString("database"));
    Response metrics = api.request(HttpMethod.GET, "/metrics", null, null);
    assertEquals(200, metrics.status());
    String text = metrics.body().toString();
    assertTrue(text.contains("vertx_http_server_requests_total"), "HTTP metrics");
    assertTrue(text.contains("talkingstick_sockets_open"), "socket gauge");
    assertTrue(text.contains("vertx_pool"), "pool metrics");
  }
}
