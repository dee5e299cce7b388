package app.talkingstick.auth;

import app.talkingstick.config.Config;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Issues and verifies ES256 access tokens. On top of vertx-auth-jwt's checks (signature, issuer,
 * audience, expiry) it insists on the header naming ES256 and our key id, and on the claims
 * {@code exp}, {@code iat}, {@code sub}, {@code role} and {@code gen} being present.
 */
public final class AccessTokens {

  public static final String ALGORITHM = "ES256";
  private static final int LEEWAY_SECONDS = 5;

  private final JWTAuth jwt;
  private final String keyId;
  private final String issuer;
  private final String audience;
  private final Duration ttl;

  public record Verified(UUID accountId, Role role, int generation, Instant expiresAt) {}

  public AccessTokens(Vertx vertx, JwtKeys keys, Config config) {
    this.keyId = keys.keyId();
    this.issuer = config.jwtIssuer();
    this.audience = config.jwtAudience();
    this.ttl = config.accessTokenTtl();
    JWTAuthOptions options = new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(keys.privateKeyPem()).setId(keyId))
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(keys.publicKeyPem()).setId(keyId))
        .setJWTOptions(new JWTOptions()
            .setAlgorithm(ALGORITHM)
            .setIssuer(issuer)
            .setAudience(List.of(audience))
            .setLeeway(LEEWAY_SECONDS));
    this.jwt = JWTAuth.create(vertx, options);
  }

  public Duration ttl() {
    return ttl;
  }

  public String issue(UUID accountId, Role role, int generation) {
    JsonObject claims = new JsonObject().put("role", role.wire()).put("gen", generation);
    return jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm(ALGORITHM)
        .setSubject(accountId.toString())
        .setIssuer(issuer)
        .setAudience(List.of(audience))
        .setExpiresInSeconds((int) ttl.toSeconds()));
  }

  /** Fails with {@link InvalidToken} for anything but a well-formed, current token of ours. */
  public Future<Verified> verify(String token) {
    if (token == null || token.length() > 4096 || !headerIsOurs(token)) {
      return Future.failedFuture(new InvalidToken());
    }
    return jwt.authenticate(new TokenCredentials(token))
        .recover(err -> Future.failedFuture(new InvalidToken()))
        .compose(user -> claimsOf(user.attributes().getJsonObject("accessToken")));
  }

  private boolean headerIsOurs(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) return false;
    try {
      JsonObject header = new JsonObject(
          new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8));
      return ALGORITHM.equals(header.getString("alg")) && keyId.equals(header.getString("kid"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Future<Verified> claimsOf(JsonObject claims) {
    try {
      Long exp = claims.getLong("exp");
      Long iat = claims.getLong("iat");
      Integer gen = claims.getInteger("gen");
      if (exp == null || iat == null || gen == null || iat > exp) {
        return Future.failedFuture(new InvalidToken());
      }
      UUID sub = UUID.fromString(claims.getString("sub"));
      Role role = Role.fromWire(claims.getString("role"));
      return Future.succeededFuture(new Verified(sub, role, gen, Instant.ofEpochSecond(exp)));
    } catch (RuntimeException e) {
      return Future.failedFuture(new InvalidToken());
    }
  }

  /** Deliberately says nothing about why: a forger learns nothing from the answer. */
  public static final class InvalidToken extends RuntimeException {
    public InvalidToken() {
      super("invalid or expired access token", null, false, false);
    }
  }
}
