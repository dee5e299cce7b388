package app.talkingstick.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A raw WebSocket speaking the event bus bridge's JSON frames, as any outside client would. */
public final class BusSocket implements AutoCloseable {

  /** One client per Vert.x instance, strongly held: an unreachable client is closed by Vert.x mid-handshake. */
  private static final java.util.Map<Vertx, io.vertx.core.http.WebSocketClient> CLIENTS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private final WebSocket ws;
  /** Frames not yet taken; a search for one kind of frame leaves the others in place, in order. */
  private final java.util.LinkedList<JsonObject> frames = new java.util.LinkedList<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();

  private BusSocket(WebSocket ws) {
    this.ws = ws;
    ws.textMessageHandler(text -> arrived(new JsonObject(text)));
    ws.binaryMessageHandler(bytes -> arrived(new JsonObject(bytes)));
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
  }

  public static Future<WebSocket> connect(Vertx vertx, int port, String ticket, String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port)
        .setURI("/eventbus/websocket" + (ticket == null ? "" : "?ticket=" + ticket));
    if (origin != null) options.addHeader("Origin", origin);
    else options.setAllowOriginHeader(false);
    return CLIENTS.computeIfAbsent(vertx, v -> v.createWebSocketClient(
        new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20))).connect(options);
  }

  public static BusSocket open(Vertx vertx, int port, String ticket, String origin) {
    return new BusSocket(connect(vertx, port, ticket, origin).timeout(10, TimeUnit.SECONDS).await());
  }

  /** The HTTP status a refused handshake got, or 101 if it was (wrongly) accepted. */
  public static int handshakeStatus(Vertx vertx, int port, String ticket, String origin) {
    try {
      WebSocket ws = connect(vertx, port, ticket, origin).timeout(10, TimeUnit.SECONDS).await();
      ws.close();
      return 101;
    } catch (UpgradeRejectedException e) {
      return e.getStatus();
    }
  }

  public void write(String raw) {
    ws.writeTextMessage(raw).timeout(5, TimeUnit.SECONDS).await();
  }

  public void write(JsonObject frame) {
    write(frame.encode());
  }

  public void writeBinary(Buffer raw) {
    ws.writeBinaryMessage(raw).timeout(5, TimeUnit.SECONDS).await();
  }

  public void register(String address) {
    write(new JsonObject().put("type", "register").put("address", address));
  }

  /** Sends with a reply address and returns the reply address used. */
  /**
   * Registers {@code address} and proves the registration live: {@code sendProbe} delivers a {@code {"type":"probe"}}
   * body to the address (from the server side) until one arrives, then the probes are drained. A registration is
   * approved asynchronously, so a delivery sent right after {@link #register} may otherwise miss the socket.
   */
  public void registerLive(String address, java.util.function.Consumer<JsonObject> sendProbe) {
    register(address);
    long deadline = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < deadline) {
      sendProbe.accept(new JsonObject().put("type", "probe"));
      try {
        nextMatching(BusSocket::isProbe, Duration.ofMillis(200));
      } catch (AssertionError notYet) {
        continue;
      }
      pause(150);
      drainProbes();
      return;
    }
    throw new AssertionError("registration of " + address + " never became live");
  }

  private void drainProbes() {
    while (true) {
      try {
        nextMatching(BusSocket::isProbe, Duration.ofMillis(1));
      } catch (AssertionError none) {
        return;
      }
    }
  }

  private static boolean isProbe(JsonObject frame) {
    return frame.getJsonObject("body") != null && "probe".equals(frame.getJsonObject("body").getString("type"));
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String send(String address, Object body, JsonObject headers) {
    String replyAddress = UUID.randomUUID().toString();
    JsonObject frame = new JsonObject().put("type", "send").put("address", address).put("body", body)
        .put("replyAddress", replyAddress);
    if (headers != null) frame.put("headers", headers);
    write(frame);
    return replyAddress;
  }

  /** Sends and waits for the reply frame (or the bridge's err frame). */
  public JsonObject request(String address, Object body) {
    String replyAddress = send(address, body, null);
    return nextMatching(f -> replyAddress.equals(f.getString("address")) || "err".equals(f.getString("type")),
        Duration.ofSeconds(10));
  }

  public void publish(String address, Object body) {
    write(new JsonObject().put("type", "publish").put("address", address).put("body", body));
  }

  public void ping() {
    write(new JsonObject().put("type", "ping"));
  }

  private synchronized void arrived(JsonObject frame) {
    frames.add(frame);
    notifyAll();
  }

  public JsonObject next(Duration timeout) {
    return nextMatching(f -> true, timeout);
  }

  public JsonObject next() {
    return next(Duration.ofSeconds(5));
  }

  /** Takes the first frame, received or still to come, that matches; other frames stay queued. */
  public synchronized JsonObject nextMatching(java.util.function.Predicate<JsonObject> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (var it = frames.iterator(); it.hasNext(); ) {
        JsonObject frame = it.next();
        if (wanted.test(frame)) {
          it.remove();
          return frame;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) throw new AssertionError("no matching frame within " + timeout);
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Forgets every frame received so far. */
  public synchronized void drain() {
    frames.clear();
  }

  /** Asserts that no matching frame arrives for a while (frames already queued count too). */
  public void expectNo(java.util.function.Predicate<JsonObject> unwanted, Duration period) {
    JsonObject frame;
    try {
      frame = nextMatching(unwanted, period);
    } catch (AssertionError nothing) {
      return;
    }
    throw new AssertionError("unexpected frame: " + frame.encode());
  }

  /** Asserts that nothing at all arrives for a while. */
  public void expectSilence(Duration period) {
    expectNo(f -> true, period);
  }

  /** Waits for the server to close the socket and returns the close status code. */
  public Short awaitClose(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("socket not closed within " + timeout);
    }
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!ws.isClosed()) ws.close();
  }
}
