package app.talkingstick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.GroupFixtures;
import app.talkingstick.support.TestServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a client sends cannot forge, flood or fill the server's log, and no secret reaches it. */
@ExtendWith(VertxExtension.class)
class LogHygieneTest {

  private static TestServer server;
  private static Api api;
  private static Vertx vertx;

  @BeforeAll
  static void start(Vertx v) {
    vertx = v;
    server = TestServer.start(Map.of("MAX_SOCKETS_PER_USER", "100"));
    api = new Api(v, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final String FORGED = "12:00:00.000 ERROR a.t.auth.AuthService - the admin password was reset";

  @Test
  void aFrameTypeWithANewlineForgesNoLogLineAndALongOneIsCut() {
    Session client = api.newClient("forger");
    try (LogCapture log = new LogCapture();
         BusSocket socket = BusSocket.open(vertx, server.port(), api.ticket(client), server.origin())) {
      socket.write(new JsonObject().put("type", "x\n" + FORGED).put("address", "anything"));
      socket.write(new JsonObject().put("type", "y\r\n" + FORGED + "\u2028" + FORGED).put("address", "anything"));
      socket.write(new JsonObject().put("type", "z".repeat(20_000)).put("address", "anything"));
      for (int i = 0; i < 3; i++) {
        assertEquals("invalid_type", socket.nextMatching(f -> "err".equals(f.getString("type")), Duration.ofSeconds(5)).getString("body"));
      }
      api.get("/health", null); // a marker: its request line is logged after the frames were handled
      waitFor(() -> log.text().contains("GET /health"));
      for (String line : log.lines()) {
        assertFalse(line.startsWith(FORGED.substring(0, 20)), "forged line: " + line);
        assertFalse(line.startsWith("12:00:00.000"), "forged line: " + line);
        assertTrue(line.length() < 2_200, "a line of " + line.length() + " chars");
      }
    }
  }

  @Test
  void fiftyAbruptDisconnectsLogNoErrorAndNoStackTrace() throws Exception {
    Session client = api.newClient("resetter");
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT");
    Level before = root.getLevel();
    root.setLevel(Level.DEBUG);
    int resets = app.talkingstick.support.Faults.scale("resets.count", 50);
    long filesBefore = app.talkingstick.support.Faults.openFiles();
    try (LogCapture log = new LogCapture()) {
      long started = System.nanoTime();
      List<Long> healthMillis = new java.util.ArrayList<>();
      for (int i = 0; i < resets; i++) {
        resetAbruptly(api.ticket(client), i % 3);
        if (i % 100 == 99) {
          long t0 = System.nanoTime();
          api.get("/health", null);
          healthMillis.add((System.nanoTime() - t0) / 1_000_000);
        }
      }
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      Thread.sleep(1_000);
      api.get("/health", null);
      waitFor(() -> log.text().contains("GET /health"));
      List<ILoggingEvent> loud = log.events().stream()
          .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() != null)
          .toList();
      assertEquals(List.of(), loud.stream().limit(6).map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
          + (e.getThrowableProxy() == null ? "" : " / " + e.getThrowableProxy().getClassName())).collect(Collectors.toList()));
      assertFalse(log.text().contains("\tat "), "no stack trace");
      long disconnectLines = log.events().stream().filter(e -> !e.getLoggerName().equals("http")
          && !e.getLoggerName().startsWith("io.netty") && e.getFormattedMessage().toLowerCase().contains("socket")).count();
      long errorLines = log.events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).count();
      app.talkingstick.support.Faults.figure("6", resets + " abrupt resets of signed-in sockets",
          String.format("in %d ms: %d ERROR lines, %d WARN or worse, %d lines about sockets (DEBUG), stack traces: %s;"
                  + " slowest /health meanwhile %d ms; files %d -> %d", tookMillis, errorLines, loud.size(), disconnectLines,
              log.text().contains("\tat ") ? "yes" : "none", app.talkingstick.support.Faults.max(healthMillis), filesBefore,
              app.talkingstick.support.Faults.openFiles()));
      assertTrue(disconnectLines <= resets, disconnectLines + " lines about " + resets + " sockets:\n" + log.text());
    } finally {
      root.setLevel(before);
    }
  }

  /**
   * Opens a WebSocket by hand, then resets the TCP connection: no close frame, no FIN. Variant 1 resets in the
   * middle of a frame, variant 2 first breaks the protocol with an unmasked frame.
   */
  private static void resetAbruptly(String ticket, int variant) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String handshake = "GET /eventbus/websocket?ticket=" + ticket + " HTTP/1.1\r\n"
          + "Host: 127.0.0.1:" + server.port() + "\r\n"
          + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
          + "Sec-WebSocket-Version: 13\r\n"
          + "Origin: " + server.origin() + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(handshake.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = readHead(socket.getInputStream());
      assertTrue(response.startsWith("HTTP/1.1 101"), response);
      // a masked text frame {"type":"ping"}: the bridge has the socket once it answers nothing and stays open
      out.write(maskedText("{\"type\":\"ping\"}"));
      if (variant == 1) out.write(new byte[] {(byte) 0x81, (byte) 0xFE, 0x01}); // a frame's header, cut short
      if (variant == 2) out.write(new byte[] {(byte) 0x81, 0x01, 'x'}); // an unmasked frame: a protocol error
      out.flush();
      Thread.sleep(20);
      socket.setSoLinger(true, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] maskedText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = {1, 2, 3, 4};
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    frame.write(0x80 | payload.length);
    frame.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
    return frame.toByteArray();
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) break;
      head.append((char) b);
    }
    return head.toString();
  }

  @Test
  void theRequestLogNeverShowsAnInviteCodeOrASocketSession() {
    Session therapist = api.newTherapist("inviter");
    GroupFixtures groups = new GroupFixtures(api, server);
    java.util.UUID groupId = groups.createGroup(therapist);
    String code = groups.invite(therapist, groupId);
    try (LogCapture log = new LogCapture()) {
      assertEquals(204, api.request(HttpMethod.DELETE, "/api/groups/" + groupId + "/invites/" + code, null,
          therapist.accessToken()).status());
      api.request(HttpMethod.DELETE, "/api/groups/" + groupId + "/invites/SECRET-CODE-9", null, therapist.accessToken());
      api.get("/eventbus/123/secret-session-id/websocket", null);
      api.get("/api/nothing%0aFORGED?invite=SECRET-QUERY", null);
      waitFor(() -> log.text().contains("/api/nothing"));
      String text = log.text();
      assertFalse(text.contains(code), text);
      assertFalse(text.contains("SECRET"), text);
      assertFalse(text.contains("secret-session-id"), text);
      assertTrue(text.contains("DELETE /api/groups/" + groupId + "/invites/[redacted] 204"), text);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
