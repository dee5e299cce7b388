package app.talkingstick.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every way of forging or bending an access token is refused with 401, on the API and for tickets. */
@ExtendWith(VertxExtension.class)
class TokenAttacksTest {

  private static TestServer server;
  private static Api api;
  private static Vertx vertx;
  private static JwtKeys keys;
  private static Session victim;

  @BeforeAll
  static void start(Vertx v) {
    vertx = v;
    server = TestServer.start();
    api = new Api(v, server.port());
    keys = JwtKeys.load(server.server().config());
    victim = api.newClient("victim");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject validClaims() {
    long now = Instant.now().getEpochSecond();
    return new JsonObject().put("sub", victim.id().toString()).put("role", "admin").put("gen", 0)
        .put("iss", "talkingstick").put("aud", "talkingstick").put("iat", now).put("exp", now + 600);
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String signWith(String privatePem, String publicPem, String kid, JsonObject claims) {
    JWTAuth signer = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("ES256").setBuffer(privatePem).setId(kid))
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("ES256").setBuffer(publicPem).setId(kid)));
    return signer.generateToken(claims, new JWTOptions().setAlgorithm("ES256").setNoTimestamp(true));
  }

  private static String signedByServerKey(JsonObject claims) {
    return signWith(keys.privateKeyPem(), keys.publicKeyPem(), keys.keyId(), claims);
  }

  private static void assertRefused(String token) {
    assertEquals(401, api.get("/api/me", token).status(), "GET /api/me with forged token");
    assertEquals(401, api.post("/api/auth/ws-ticket", null, token).status(), "ticket with forged token");
  }

  @Test
  void aTokenSignedByTheServerKeyWithValidClaimsIsAccepted() {
    // the control: proves the forging helper itself produces tokens the server would accept
    JsonObject claims = validClaims().put("role", "client");
    assertEquals(200, api.get("/api/me", signedByServerKey(claims)).status());
  }

  @Test
  void algNoneIsRefused() {
    String header = b64(new JsonObject().put("alg", "none").put("typ", "JWT").encode());
    assertRefused(header + "." + b64(validClaims().encode()) + ".");
    String withKid = b64(new JsonObject().put("alg", "none").put("kid", keys.keyId()).encode());
    assertRefused(withKid + "." + b64(validClaims().encode()) + ".");
  }

  @Test
  void hmacSignedWithThePublicKeyIsRefused() throws Exception {
    String header = b64(new JsonObject().put("alg", "HS256").put("typ", "JWT").put("kid", keys.keyId()).encode());
    String signingInput = header + "." + b64(validClaims().encode());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(keys.publicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    String signature = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    assertRefused(signingInput + "." + signature);
  }

  @Test
  void wrongIssuerOrAudienceIsRefused() {
    assertRefused(signedByServerKey(validClaims().put("iss", "someone-else")));
    assertRefused(signedByServerKey(validClaims().put("aud", "another-app")));
    assertRefused(signedByServerKey(validClaims().remove("iss") == null ? null : validClaims().put("iss", (String) null)));
  }

  @Test
  void missingOrPastExpiryIsRefused() {
    JsonObject noExp = validClaims();
    noExp.remove("exp");
    assertRefused(signedByServerKey(noExp));
    long past = Instant.now().minusSeconds(120).getEpochSecond();
    assertRefused(signedByServerKey(validClaims().put("iat", past - 900).put("exp", past)));
  }

  @Test
  void missingSubjectRoleOrGenerationIsRefused() {
    for (String claim : List.of("sub", "role", "gen", "iat")) {
      JsonObject claims = validClaims();
      claims.remove(claim);
      assertRefused(signedByServerKey(claims));
    }
    assertRefused(signedByServerKey(validClaims().put("role", "superuser")));
    assertRefused(signedByServerKey(validClaims().put("sub", "not-a-uuid")));
  }

  @Test
  void tamperedPayloadIsRefused() {
    String[] parts = victim.accessToken().split("\\.");
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    claims.put("role", "admin");
    assertRefused(parts[0] + "." + b64(claims.encode()) + "." + parts[2]);
  }

  @Test
  void unknownKeyIdOrAnotherKeyIsRefused() throws Exception {
    assertRefused(signWith(keys.privateKeyPem(), keys.publicKeyPem(), "some-other-kid", validClaims()));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    var pair = generator.generateKeyPair();
    assertRefused(signWith(JwtKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
        JwtKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()), keys.keyId(), validClaims()));
  }

  @Test
  void garbageIsRefused() {
    for (String token : List.of("", "abc", "a.b.c", "....", "eyJhbGciOiJFUzI1NiJ9.e30.", "x".repeat(5000))) {
      assertEquals(401, api.get("/api/me", token).status(), "token: " + token.substring(0, Math.min(20, token.length())));
    }
  }

  @Test
  void aTokenForAnAccountThatSignedOutSinceIsRefused() {
    Session s = api.newClient("signed-out");
    String stale = s.accessToken();
    assertEquals(204, api.post("/api/auth/logout", null, s.accessToken()).status());
    assertRefused(stale);
  }
}
