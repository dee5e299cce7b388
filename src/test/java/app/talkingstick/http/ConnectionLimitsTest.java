package app.talkingstick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Faults;
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

  /** The normal suite: 300 half-sent requests from one address, cap 50, header limit 2 s. bench/faults.sh scales up. */
  private static final int HALF_SENT = Faults.scale("halfsent.count", 300);
  private static final int ADDRESSES = Faults.scale("halfsent.addresses", 1);
  private static final int CAP = Faults.scale("halfsent.cap", 50);
  private static final int HEADER_SECONDS = Faults.scale("halfsent.headerSeconds", 2);

  @Test
  void halfSentRequestsAreRefusedOrClosedWhileOthersAreServed() throws Exception {
    try (TestServer server = TestServer.start(Map.of("MAX_CONNECTIONS_PER_ADDRESS", String.valueOf(CAP),
        "HTTP_HEADER_SECONDS", String.valueOf(HEADER_SECONDS), "HTTP_IDLE_SECONDS", String.valueOf(HEADER_SECONDS + 1)))) {
      Api api = new Api(null, server.port());
      Session bystander = api.newClient("bystander");
      List<Socket> attackers = new ArrayList<>();
      List<Long> answerMillis = new ArrayList<>();
      long filesBefore = Faults.openFiles();
      long heapBefore = Faults.usedHeapAfterGc();
      int probeEvery = Math.max(50, HALF_SENT / 20);
      long openingStarted = System.nanoTime();
      try {
        for (int i = 0; i < HALF_SENT; i++) {
          Socket socket = new Socket();
          attackers.add(socket);
          socket.bind(new InetSocketAddress(ADDRESSES == 1 ? "127.0.0.2" : "127.0.1." + (1 + i % ADDRESSES), 0));
          socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
          try {
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                .getBytes(StandardCharsets.US_ASCII));
          } catch (IOException refused) {
            // refused at once: fine
          }
          if (i % probeEvery == 0) answerMillis.addAll(probe(api, bystander));
        }
        long openingMillis = (System.nanoTime() - openingStarted) / 1_000_000;
        long filesPeak = Faults.openFiles();
        long heapPeak = Faults.usedHeapAfterGc();
        int openAfterAll = countOpen(attackers);
        int mayHold = CAP * ADDRESSES;
        assertTrue(openAfterAll <= mayHold, openAfterAll + " half-sent connections held; at most " + mayHold + " may be");
        for (int i = 0; i < 5; i++) {
          answerMillis.addAll(probe(api, bystander));
          Thread.sleep(300);
        }
        long sinceOpened = (System.nanoTime() - openingStarted) / 1_000_000 - openingMillis;
        Thread.sleep(Math.max(0, HEADER_SECONDS * 1_000L + 500 - sinceOpened) + 1_000);
        int openAtEnd = countOpen(attackers);
        answerMillis.addAll(probe(api, bystander));
        long filesAfter = Faults.openFiles();
        Faults.figure("2", "half-sent requests (idle connections) from " + ADDRESSES + " address(es)",
            String.format("%d opened in %d ms, cap %d per address, header limit %d s: %d held at most, %d open after"
                    + " the header limit; files %d -> %d while held (client and server ends, one JVM) -> %d after;"
                    + " heap %d -> %d MiB; slowest /health and sign-in %d ms",
                HALF_SENT, openingMillis, CAP, HEADER_SECONDS, openAfterAll, openAtEnd, filesBefore, filesPeak, filesAfter,
                heapBefore >> 20, heapPeak >> 20, Faults.max(answerMillis)));
        assertEquals(0, openAtEnd, "every half-sent request closed after HTTP_HEADER_SECONDS");
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
      socket.setSoTimeout(sockets.size() > 1_000 ? 1 : 20);
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
