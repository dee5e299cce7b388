package app.talkingstick.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * The bare {@code ws} broadcast peer ({@code peers/ws-server.js}): first message {@code {"join": room}},
 * answered with {@code {"joined": room}}; every later text message goes verbatim to the room.
 */
public final class WsTarget implements Target {

  private final String name;
  private final String host;
  private final int port;

  public WsTarget(String name, String host, int port) {
    this.name = name;
    this.host = host;
    this.port = port;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Future<Client> connect(Shard shard, int room, int member, int slot, boolean awaitJoin, Sink sink) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/");
    return shard.ws.connect(options).compose(ws -> {
      Promise<Client> joined = Promise.promise();
      WsClient client = new WsClient(ws);
      ws.handler(buf -> {
        long now = System.nanoTime();
        int at = Payload.indexOf(buf);
        if (at >= 0) {
          sink.payload(buf, at, now);
        } else if (!joined.future().isComplete()) {
          try {
            if (new JsonObject(buf).containsKey("joined")) joined.tryComplete(client);
          } catch (RuntimeException e) {
            sink.error("ws: unexpected frame " + buf);
          }
        } else {
          sink.error("ws: unexpected frame " + buf);
        }
      });
      ws.closeHandler(v -> {
        joined.tryFail("closed before joining: " + ws.closeStatusCode());
        if (!client.closing) sink.closed("code " + ws.closeStatusCode() + " " + ws.closeReason());
      });
      ws.exceptionHandler(err -> sink.error("ws: " + err));
      ws.writeTextMessage(new JsonObject().put("join", "r" + room).encode());
      return joined.future();
    });
  }

  private static final class WsClient implements Client {
    final WebSocket ws;
    boolean closing;

    WsClient(WebSocket ws) {
      this.ws = ws;
    }

    @Override
    public void send(long seq, String text) {
      ws.writeTextMessage(text);
    }

    @Override
    public Future<Void> close() {
      closing = true;
      return ws.isClosed() ? Future.succeededFuture() : ws.close();
    }
  }
}
