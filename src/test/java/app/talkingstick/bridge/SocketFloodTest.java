package app.talkingstick.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.Faults;
import app.talkingstick.support.RoomFixture;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue "Hardening", item 1: one signed-in socket that stops reading and floods 1-byte invalid frames (each of which
 * the bridge answers with an {@code invalid_json} error frame) is closed within seconds; meanwhile the server answers
 * health and sign-in within a second, a room elsewhere keeps working, and the heap stays bounded. The flooder is a raw
 * TCP socket that never reads a byte, as an attacker's would.
 */
@ExtendWith(VertxExtension.class)
class SocketFloodTest {

  /** The normal suite floods 8 s from one socket; bench/faults.sh sets these for the full-scale run. */
  private static final long FLOOD_MILLIS = Faults.scale("flood.seconds", 8) * 1_000L;
  private static final int ATTACKERS = Faults.scale("flood.attackers", 1);
  /** Whether an attacker whose socket was closed opens a new one and floods on until the time is up. */
  private static final boolean RECONNECT = Faults.flag("flood.reconnect");
  private static final int FRAMES_PER_WRITE = 5_000;
  private static final String[] SENTENCES = {"I slept better this week", "my sister called on Sunday",
      "walking helped a little", "work was calmer than I feared", "I cooked a proper dinner", "the garden is green again",
      "I read two chapters of a novel", "our dog learned a new trick", "the bus was on time all week",
      "I finally fixed the kitchen shelf", "my neighbour brought soup", "I phoned an old friend",
      "the rain stopped before noon", "I tried a new recipe", "we played cards on Friday", "I went swimming twice"};

  @Test
  void aSocketSendingTooFastIsClosed(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(Map.of("HTTP_IDLE_SECONDS", "2", "FLOOD_REFILL_MS", "100"))) {
      Result result = flood(server, vertx, "1", "sockets that stop reading and flood 1-byte invalid frames");
      assertTrue(result.closedAfterMillis() < 5_000, "closed after " + result.closedAfterMillis() + " ms");
      result.assertBounded();
    }
  }

  /** With a rate limit too high to matter, the socket is closed because its client stopped reading. */
  @Test
  void aSocketThatStopsReadingIsClosed(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(Map.of("HTTP_IDLE_SECONDS", "2", "FLOOD_REFILL_MS", "100", "SOCKET_MAX_FRAMES_PER_SECOND", "100000",
        "SOCKET_FRAME_BURST", "100000"))) {
      Result result = flood(server, vertx, "1b", "the same with the rate limit out of the way (outbound bound only)");
      assertTrue(result.closedAfterMillis() < FLOOD_MILLIS, "closed after " + result.closedAfterMillis() + " ms");
      result.assertBounded();
    }
  }

  /** A client that reads sees why: close code 4430 once it sends faster than its rate, valid frames or not. */
  @Test
  void aReadingClientThatSendsTooFastSeesCode4430(Vertx vertx) throws InterruptedException {
    try (TestServer server = TestServer.start(Map.of("SOCKET_MAX_FRAMES_PER_SECOND", "5", "SOCKET_FRAME_BURST", "10"))) {
      Api api = new Api(vertx, server.port());
      try (BusSocket socket = BusSocket.open(vertx, server.port(), api.ticket(api.newClient("hasty")), server.origin())) {
        for (int i = 0; i < 10; i++) socket.ping();
        socket.expectSilence(Duration.ofMillis(300));
        // Faster than 5 a second until the server closes it (a count of frames could all fit in the bucket when the
        // machine is so loaded that they are spread over seconds).
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (!socket.isClosed() && System.nanoTime() < until) {
          try {
            socket.ping();
            Thread.sleep(5);
          } catch (RuntimeException closing) {
            break;
          }
        }
        assertEquals(Short.valueOf((short) 4430), socket.awaitClose(Duration.ofSeconds(5)));
      }
    }
  }

  private record Result(long closedAfterMillis, long heapGrowth, List<Long> slowest, List<Long> roomMillis) {
    void assertBounded() {
      assertTrue(heapGrowth < 96L * 1024 * 1024, "the heap grew by " + heapGrowth / 1024 / 1024 + " MiB");
      assertTrue(slowest.stream().allMatch(ms -> ms < 1_000), "health and sign-in took " + slowest + " ms");
      assertTrue(roomMillis.size() >= 3, "the room answered during the flood: " + roomMillis);
    }
  }

  private static Result flood(TestServer server, Vertx vertx, String item, String scenario) throws Exception {
    Api api = new Api(vertx, server.port());
    List<Session> attackers = new ArrayList<>();
    for (int i = 0; i < ATTACKERS; i++) attackers.add(api.newClient("flooder" + i));
    Session bystander = api.newClient("bystander");
    RoomFixture room = RoomFixture.create(server, api, vertx, "open", 2);
    room.connectAll();
    room.startSession();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapBefore = usedHeap(memory);
    long filesBefore = Faults.openFiles();

    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Long> answerMillis = Collections.synchronizedList(new ArrayList<>());
    List<Long> roomMillis = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicLong acknowledged = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong peakHeap = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong peakFiles = new java.util.concurrent.atomic.AtomicLong();
    Thread prober = new Thread(() -> {
      try {
        while (flooding.get()) {
          long t0 = System.nanoTime();
          Api.Response health = api.get("/health", null);
          long t1 = System.nanoTime();
          Api.Response login = api.post("/api/auth/login", new JsonObject()
              .put("username", bystander.username()).put("password", "a long enough password"));
          long t2 = System.nanoTime();
          assertEquals(200, health.status());
          assertEquals(200, login.status());
          answerMillis.add((t1 - t0) / 1_000_000);
          answerMillis.add((t2 - t1) / 1_000_000);
          peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          peakFiles.accumulateAndGet(Faults.openFiles(), Math::max);
          sleep(200);
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    });
    Thread talker = new Thread(() -> {
      try {
        for (int n = 0; flooding.get(); n++) {
          long t0 = System.nanoTime();
          String text = SENTENCES[n % SENTENCES.length] + " (" + n + ")";
          JsonObject reply = room.say(room.clients.get(0), text);
          assertTrue(reply.getBoolean("ok", false), "say answered " + reply.encode());
          acknowledged.incrementAndGet();
          room.clients.get(1).socket.nextMatching(f -> f.getJsonObject("body") != null
              && text.equals(f.getJsonObject("body").getString("text")), Duration.ofSeconds(5));
          delivered.incrementAndGet();
          roomMillis.add((System.nanoTime() - t0) / 1_000_000);
          sleep(500);
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    });
    prober.start();
    talker.start();

    long start = System.nanoTime();
    long deadline = start + FLOOD_MILLIS * 1_000_000;
    List<Long> firstClose = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicLong connections = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong bytesSent = new java.util.concurrent.atomic.AtomicLong();
    List<Thread> flooders = new ArrayList<>();
    for (Session attacker : attackers) {
      Thread flooder = new Thread(() -> {
        try {
          long closed = Long.MAX_VALUE;
          boolean openedOnce = false;
          do {
            try (Socket socket = new Socket()) {
              socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
              if (!handshake(socket, api.ticket(attacker), server.origin())) {
                sleep(200); // refused (its last socket not yet released): try again
                continue;
              }
              connections.incrementAndGet();
              openedOnce = true;
              long opened = System.nanoTime();
              OutputStream out = socket.getOutputStream();
              byte[] frames = invalidFrames(FRAMES_PER_WRITE);
              try {
                while (System.nanoTime() < deadline) {
                  out.write(frames);
                  bytesSent.addAndGet(frames.length);
                }
              } catch (IOException closedByServer) {
                if (closed == Long.MAX_VALUE) closed = (System.nanoTime() - opened) / 1_000_000;
              }
            }
          } while ((RECONNECT || !openedOnce) && System.nanoTime() < deadline);
          assertTrue(openedOnce, "the attacker's handshake was refused throughout");
          firstClose.add(closed);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      });
      flooders.add(flooder);
      flooder.start();
    }
    for (Thread flooder : flooders) flooder.join(FLOOD_MILLIS + 30_000);
    long closedAfter = Faults.max(firstClose);
    if (firstClose.size() < attackers.size()) closedAfter = Long.MAX_VALUE;
    sleep(1_000);
    flooding.set(false);
    prober.join(15_000);
    talker.join(15_000);
    room.close();
    long heapGrowth = usedHeap(memory) - heapBefore;
    List<Long> slowest;
    synchronized (answerMillis) {
      slowest = answerMillis.stream().sorted((a, b) -> Long.compare(b, a)).limit(3).toList();
      assertTrue(answerMillis.size() >= 4, "health and sign-in were tried during the flood");
    }
    List<Long> room3;
    synchronized (roomMillis) {
      room3 = roomMillis.stream().sorted((a, b) -> Long.compare(b, a)).limit(3).toList();
    }
    System.out.printf("flood: closed after %d ms, heap grew by %d KiB, slowest health/sign-in %s ms,"
        + " %d room messages (slowest %s ms)%n", closedAfter, heapGrowth / 1024, slowest, roomMillis.size(), room3);
    Faults.figure(item, scenario, String.format("%d attacker(s) x %d s%s: %d connections, %d MiB of frames sent;"
            + " first socket closed after at most %d ms; heap in use at most %d MiB (sampled) and +%d KiB after GC; files %d -> peak %d;"
            + " slowest /health and sign-in %d ms; room messages %d acknowledged, %d lost (slowest %d ms)",
        attackers.size(), FLOOD_MILLIS / 1000, RECONNECT ? ", reconnecting" : "", connections.get(),
        bytesSent.get() >> 20, closedAfter, peakHeap.get() >> 20, heapGrowth / 1024, filesBefore, peakFiles.get(),
        slowest.isEmpty() ? -1 : slowest.get(0), acknowledged.get(), acknowledged.get() - delivered.get(),
        room3.isEmpty() ? -1 : room3.get(0)));
    if (failure.get() != null) throw new AssertionError("during the flood", failure.get());
    return new Result(closedAfter, heapGrowth, slowest, List.copyOf(roomMillis));
  }

  /** Upgrades to the bridge's WebSocket and reads the 101 answer; nothing is read after it. */
  private static boolean handshake(Socket socket, String ticket, String origin) throws IOException {
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
    return answer.toString().startsWith("HTTP/1.1 101");
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
