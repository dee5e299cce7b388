package app.talkingstick.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A socket lives no longer than the access token it was opened with. */
@ExtendWith(VertxExtension.class)
class SocketExpiryTest {

  private static TestServer server;
  private static Api api;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.start(Map.of("ACCESS_TOKEN_TTL_SECONDS", "3"));
    api = new Api(vertx, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theSocketClosesWhenItsTokenExpires(Vertx vertx) {
    Session s = api.newClient("short");
    long openedAt = System.nanoTime();
    try (BusSocket socket = BusSocket.open(vertx, server.port(), api.ticket(s), server.origin())) {
      Short status = socket.awaitClose(Duration.ofSeconds(8));
      long heldMillis = (System.nanoTime() - openedAt) / 1_000_000;
      assertEquals((short) SocketRegistry.CLOSE_EXPIRED, status);
      assertTrue(heldMillis >= 1_500 && heldMillis <= 4_500, "closed after " + heldMillis + " ms");
    }
  }
}
