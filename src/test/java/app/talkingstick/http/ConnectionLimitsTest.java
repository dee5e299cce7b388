package app.talkingstick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Half-sent requests from one address (127.0.0.2, so the test's own client on 127.0.0.1 is another address) are
 * refused beyond MAX_CONNECTIONS_PER_ADDRESS and closed after HTTP_HEADER_SECONDS, while health and sign-in keep
 * answering within a second; a connection that finished its requests closes after HTTP_IDLE_SECONDS; WebSockets give
 * their place back when they close.
 */
@ExtendWith(VertxExtension.class)
class ConnectionLimitsTest {

  private static final int HALF_SENT = 300;

  @Test
  void halfSentRequestsAreRefusedOrClosedWhileOthersAreServed() throws Exception {
    try (TestServer server = TestServer.start(Map.of("MAX_CONNECTIONS_PER_ADDRESS", "50",
        "HTTP_HEADER_SECONDS", "2", "HTTP_IDLE_SECONDS", "3"))) {
      Api api = new Api(null, server.port());
      Session bystander = api.newClient("bystander");
      List<Socket> attackers = new ArrayList<>();
      List<Long> answerMillis = new ArrayList<>();
      try {
        for (int i = 0; i < HALF_SENT; i++) {
          Socket socket = new Socket();
          attackers.add(socket);
          socket.bind(new InetSocketAddress("127.0.0.2", 0));
          socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
          try {
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                .getBytes(StandardCharsets.US_ASCII));
          } catch (IOException refused) {
            // refused at once: fine
          }
          if (i % 50 == 0) answerMillis.addAll(probe(api, bystander));
        }
        int openAfterAll = countOpen(attackers);
        assertTrue(openAfterAll <= 50, openAfterAll + " half-sent connections held; at most 50 may be");
        for (int i = 0; i < 5; i++) {
          answerMillis.addAll(probe(api, bystander));
          Thread.sleep(300);
        }
        Thread.sleep(2_500);
        assertEquals(0, countOpen(attackers), "every half-sent request closed after HTTP_HEADER_SECONDS");
        answerMillis.addAll(probe(api, bystander));
        assertTrue(answerMillis.stream().allMatch(ms -> ms < 1_000), "health and sign-in took " + answerMillis + " ms");
      } finally {
        for (Socket socket : attackers) socket.close();
      }
    }
  }

  @Test
  void anIdleConnectionClosesAndWebSocketsGiveTheirPlaceBack(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(Map.of("MAX_CONNECTIONS_PER_ADDRESS", "20", "HTTP_IDLE_SECONDS", "2"))) {
      Api api = new Api(vertx, server.port());
      Session member = api.newClient("member");
      for (int i = 0; i < 30; i++) {
        try (BusSocket socket = BusSocket.open(vertx, server.port(), api.ticket(member), server.origin())) {
          socket.ping();
        }
        Thread.sleep(20);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.setSoTimeout(6_000);
        long start = System.nanoTime();
        while (socket.getInputStream().read() >= 0) {
          // the answer, then the close
        }
        long idleMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(idleMillis >= 1_500 && idleMillis < 5_000, "an idle connection closed after " + idleMillis + " ms");
      }
    }
  }

  private static List<Long> probe(Api api, Session bystander) {
    long t0 = System.nanoTime();
    assertEquals(200, api.get("/health", null).status());
    long t1 = System.nanoTime();
    assertEquals(200, api.post("/api/auth/login", new JsonObject()
        .put("username", bystander.username()).put("password", "a long enough password")).status());
    long t2 = System.nanoTime();
    return List.of((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
  }

  /** How many of the sockets the server has not closed: a read that times out means still open. */
  private static int countOpen(List<Socket> sockets) throws IOException {
    int open = 0;
    for (Socket socket : sockets) {
      if (socket.isClosed()) continue;
      socket.setSoTimeout(20);
      try {
        if (socket.getInputStream().read() >= 0) open++;
      } catch (SocketTimeoutException stillOpen) {
        open++;
      } catch (IOException reset) {
        // closed by the server
      }
    }
    return open;
  }
}
