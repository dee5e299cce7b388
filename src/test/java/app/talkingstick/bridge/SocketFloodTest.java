package app.talkingstick.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * One signed-in socket that stops reading and floods 1-byte invalid frames (each of which the bridge answers with an
 * {@code invalid_json} error frame) is closed within seconds, the server keeps answering health and sign-in within a
 * second, and the heap stays bounded. The flooder is a raw TCP socket that never reads a byte, as an attacker's would.
 */
class SocketFloodTest {

  private static final long FLOOD_MILLIS = 8_000;
  private static final int FRAMES_PER_WRITE = 5_000;

  @Test
  void aSocketSendingTooFastIsClosed() throws Exception {
    try (TestServer server = TestServer.start(Map.of("HTTP_IDLE_SECONDS", "2"))) {
      Result result = flood(server);
      assertTrue(result.closedAfterMillis() < 5_000, "closed after " + result.closedAfterMillis() + " ms");
      result.assertBounded();
    }
  }

  /** With a rate limit too high to matter, the socket is closed because its client stopped reading. */
  @Test
  void aSocketThatStopsReadingIsClosed() throws Exception {
    try (TestServer server = TestServer.start(Map.of("HTTP_IDLE_SECONDS", "2", "SOCKET_MAX_FRAMES_PER_SECOND", "100000",
        "SOCKET_FRAME_BURST", "100000"))) {
      Result result = flood(server);
      assertTrue(result.closedAfterMillis() < FLOOD_MILLIS, "closed after " + result.closedAfterMillis() + " ms");
      result.assertBounded();
    }
  }

  private record Result(long closedAfterMillis, long heapGrowth, List<Long> slowest) {
    void assertBounded() {
      assertTrue(heapGrowth < 96L * 1024 * 1024, "the heap grew by " + heapGrowth / 1024 / 1024 + " MiB");
      assertTrue(slowest.stream().allMatch(ms -> ms < 1_000), "health and sign-in took " + slowest + " ms");
    }
  }

  private static Result flood(TestServer server) throws Exception {
    Api api = new Api(null, server.port());
    Session attacker = api.newClient("flooder");
    Session bystander = api.newClient("bystander");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapBefore = usedHeap(memory);

    AtomicBoolean flooding = new AtomicBoolean(true);
    List<Long> answerMillis = new ArrayList<>();
    Thread prober = new Thread(() -> {
      while (flooding.get()) {
        long t0 = System.nanoTime();
        Api.Response health = api.get("/health", null);
        long t1 = System.nanoTime();
        Api.Response login = api.post("/api/auth/login", new JsonObject()
            .put("username", bystander.username()).put("password", "a long enough password"));
        long t2 = System.nanoTime();
        assertEquals(200, health.status());
        assertEquals(200, login.status());
        synchronized (answerMillis) {
          answerMillis.add((t1 - t0) / 1_000_000);
          answerMillis.add((t2 - t1) / 1_000_000);
        }
        sleep(200);
      }
    });
    prober.start();

    long closedAfter;
    long heapGrowth;
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      handshake(socket, api.ticket(attacker), server.origin());
      OutputStream out = socket.getOutputStream();
      byte[] frames = invalidFrames(FRAMES_PER_WRITE);
      start = System.nanoTime();
      long deadline = start + FLOOD_MILLIS * 1_000_000;
      try {
        while (System.nanoTime() < deadline) out.write(frames);
        closedAfter = Long.MAX_VALUE;
      } catch (IOException closed) {
        closedAfter = (System.nanoTime() - start) / 1_000_000;
      }
      heapGrowth = usedHeap(memory) - heapBefore; // measured while the attacker's connection is still held
    }
    sleep(1_000);
    flooding.set(false);
    prober.join(15_000);
    List<Long> slowest;
    synchronized (answerMillis) {
      slowest = answerMillis.stream().sorted((a, b) -> Long.compare(b, a)).limit(3).toList();
      assertTrue(answerMillis.size() >= 4, "health and sign-in were tried during the flood");
    }
    System.out.printf("flood: closed after %d ms, heap grew by %d KiB, slowest answers %s ms%n",
        closedAfter, heapGrowth / 1024, slowest);
    return new Result(closedAfter, heapGrowth, slowest);
  }

  /** Upgrades to the bridge's WebSocket and reads the 101 answer; nothing is read after it. */
  private static void handshake(Socket socket, String ticket, String origin) throws IOException {
    String request = "GET /eventbus/websocket?ticket=" + ticket + " HTTP/1.1\r\n"
        + "Host: " + origin.substring("http://".length()) + "\r\n"
        + "Origin: " + origin + "\r\n"
        + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    StringBuilder answer = new StringBuilder();
    while (!answer.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) break;
      answer.append((char) b);
    }
    assertTrue(answer.toString().startsWith("HTTP/1.1 101"), "handshake answered " + answer);
  }

  /** {@code count} masked text frames of one byte, "x": not JSON. */
  private static byte[] invalidFrames(int count) {
    byte[] frames = new byte[count * 7];
    for (int i = 0; i < count; i++) {
      int at = i * 7;
      frames[at] = (byte) 0x81;
      frames[at + 1] = (byte) 0x81;
      frames[at + 2] = 1;
      frames[at + 3] = 2;
      frames[at + 4] = 3;
      frames[at + 5] = 4;
      frames[at + 6] = (byte) ('x' ^ 1);
    }
    return frames;
  }

  private static long usedHeap(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
      sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
