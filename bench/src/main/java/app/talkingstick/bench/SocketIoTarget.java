package app.talkingstick.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * The Socket.IO 4 peer ({@code peers/socketio-server.js}) spoken as Engine.IO v4 over a raw
 * WebSocket: {@code 0{...}} open, {@code 40} namespace connect, {@code 420["join","r<room>"]}
 * answered by {@code 430[...]}, then {@code 42["msg","<payload>"]} both ways; the server's
 * {@code 2} (ping) is answered with {@code 3} (pong).
 */
public final class SocketIoTarget implements Target {

  private final String name;
  private final String host;
  private final int port;

  public SocketIoTarget(String name, String host, int port) {
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
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port)
        .setURI("/socket.io/?EIO=4&transport=websocket");
    return shard.ws.connect(options).compose(ws -> {
      Promise<Client> joined = Promise.promise();
      SioClient client = new SioClient(ws);
      ws.handler(buf -> {
        long now = System.nanoTime();
        int at = Payload.indexOf(buf);
        if (at >= 0) {
          sink.payload(buf, at, now);
          return;
        }
        String frame = buf.toString();
        if (frame.equals("2")) {
          ws.writeTextMessage("3");
        } else if (frame.startsWith("0{")) {
          ws.writeTextMessage("40");
        } else if (frame.startsWith("40")) {
          ws.writeTextMessage("420[\"join\",\"r" + room + "\"]");
        } else if (frame.startsWith("430")) {
          if (frame.contains("\"ok\":true")) joined.tryComplete(client);
          else joined.tryFail("join refused: " + frame);
        } else if (frame.startsWith("44") || frame.startsWith("1")) {
          sink.error("socket.io: " + frame);
        }
      });
      ws.closeHandler(v -> {
        joined.tryFail("closed before joining: " + ws.closeStatusCode());
        if (!client.closing) sink.closed("code " + ws.closeStatusCode() + " " + ws.closeReason());
      });
      ws.exceptionHandler(err -> sink.error("socket.io: " + err));
      return joined.future();
    });
  }

  private static final class SioClient implements Client {
    final WebSocket ws;
    boolean closing;

    SioClient(WebSocket ws) {
      this.ws = ws;
    }

    @Override
    public void send(long seq, String text) {
      // the payload holds only digits, letters, '~', ',' and spaces: no JSON escaping needed
      ws.writeTextMessage("42[\"msg\",\"" + text + "\"]");
    }

    @Override
    public Future<Void> close() {
      closing = true;
      return ws.isClosed() ? Future.succeededFuture() : ws.close();
    }
  }
}
