package app.talkingstick.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.talkingstick.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code TRUSTED_PROXIES} against a real server: a forged {@code X-Forwarded-For} from a peer that is not trusted
 * changes nothing (every request here comes from 127.0.0.1, so all share its limits); with 127.0.0.1 trusted, as
 * behind a reverse proxy on the same machine, the sign-in throttle and the registration limit count each forwarded
 * client apart, and the leftmost entry, which a client can forge, is not the one counted.
 */
class ForwardedForTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PASSWORD = "correct horse battery";

  private static int post(TestServer server, String path, JsonObject body, String forwardedFor) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.origin() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (forwardedFor != null) request.header("X-Forwarded-For", forwardedFor);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int register(TestServer server, String username, String forwardedFor) throws Exception {
    return post(server, "/api/auth/register", new JsonObject().put("username", username).put("password", PASSWORD)
        .put("displayName", "Person " + username),
        forwardedFor);
  }

  private static int wrongPassword(TestServer server, String username, String forwardedFor) throws Exception {
    return post(server, "/api/auth/login", new JsonObject().put("username", username).put("password", "wrong " + username),
        forwardedFor);
  }

  @Test
  void aForgedForwardedForFromAnUntrustedPeerChangesNothing() throws Exception {
    try (TestServer server = TestServer.start(Map.of("REGISTRATIONS_PER_ADDRESS_PER_HOUR", "2",
        "TRUSTED_PROXIES", "192.0.2.0/24"))) {
      assertEquals(201, register(server, "first", "198.51.100.1"));
      assertEquals(201, register(server, "second", "198.51.100.2"));
      assertEquals(429, register(server, "third", "198.51.100.3"), "all three came from 127.0.0.1");
      assertEquals(429, register(server, "fourth", "192.0.2.1"));
      for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
        assertEquals(401, wrongPassword(server, "nobody" + i, "198.51.100." + (10 + i)));
      }
      assertEquals(429, wrongPassword(server, "nobodyelse", "198.51.100.99"), "the address limit is 127.0.0.1's");
    }
  }

  @Test
  void behindATrustedProxyEachForwardedClientHasItsOwnLimits() throws Exception {
    try (TestServer server = TestServer.start(Map.of("REGISTRATIONS_PER_ADDRESS_PER_HOUR", "2",
        "TRUSTED_PROXIES", "127.0.0.1"))) {
      assertEquals(201, register(server, "first", "198.51.100.1"));
      assertEquals(201, register(server, "second", "203.0.113.50, 198.51.100.1"), "the forged leftmost is not counted");
      assertEquals(429, register(server, "third", "198.51.100.1"));
      assertEquals(429, register(server, "fourth", "198.51.100.2, 198.51.100.1"), "forging the leftmost does not help");
      assertEquals(201, register(server, "fifth", "198.51.100.2"), "another client has its own limit");
      assertEquals(201, register(server, "sixth", null), "the proxy's own requests count as its address");

      for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
        assertEquals(401, wrongPassword(server, "nobody" + i, "6.6.6." + i + ", 198.51.100.7"));
      }
      assertEquals(429, wrongPassword(server, "nobodyelse", "198.51.100.7"), "that client reached the address limit");
      assertEquals(429, wrongPassword(server, "nobodyelse", "1.2.3.4, 198.51.100.7"));
      assertEquals(401, wrongPassword(server, "nobodyelse", "198.51.100.8"), "another client is still checked");
      assertEquals(401, wrongPassword(server, "nobodyelse", null), "and so is the proxy itself");
    }
  }
}
