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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw WebSocket speaking the event bus bridge's JSON frames, as any outside client would. */
public final class BusSocket implements AutoCloseable {

  private final WebSocket ws;
  private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();

  private BusSocket(WebSocket ws) {
    this.ws = ws;
    ws.textMessageHandler(text -> frames.add(new JsonObject(text)));
    ws.binaryMessageHandler(bytes -> frames.add(new JsonObject(bytes)));
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
  }

  public static Future<WebSocket> connect(Vertx vertx, int port, String ticket, String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port)
        .setURI("/eventbus/websocket" + (ticket == null ? "" : "?ticket=" + ticket));
    if (origin != null) options.addHeader("Origin", origin);
    else options.setAllowOriginHeader(false);
    return vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20))
        .connect(options);
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

  public JsonObject next(Duration timeout) {
    try {
      JsonObject frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (frame == null) throw new AssertionError("no frame within " + timeout);
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public JsonObject next() {
    return next(Duration.ofSeconds(5));
  }

  public JsonObject nextMatching(java.util.function.Predicate<JsonObject> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) throw new AssertionError("no matching frame within " + timeout);
      JsonObject frame = next(Duration.ofNanos(left));
      if (wanted.test(frame)) return frame;
    }
  }

  /** Asserts that nothing arrives for a while. */
  public void expectSilence(Duration period) {
    try {
      JsonObject frame = frames.poll(period.toMillis(), TimeUnit.MILLISECONDS);
      if (frame != null) throw new AssertionError("unexpected frame: " + frame.encode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
