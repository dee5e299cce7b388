package app.talkingstick.bridge;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything written to one socket passes here (the bridge's replies and {@code err} frames as well as broadcasts), so
 * what the server holds for a client that stopped reading is counted: the bytes written whose write future has not
 * completed yet, charged to the shared {@link WriteBudget}. A frame that would pass the socket's share, or the total
 * while this socket already has a backlog, is dropped and the socket is closed with {@link #CLOSE_BOUNDS}. Used on the
 * socket's event loop only.
 */
final class SocketOut {

  /** Close code for a socket that broke its bounds, in either direction. */
  static final int CLOSE_BOUNDS = 4430;

  /** How long a socket closed for its bounds has to take the close frame before its connection is closed. */
  static final long HARD_CLOSE_MS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(SocketOut.class);

  private final SockJSSocket socket;
  private final WriteBudget budget;
  private long queued;
  private boolean closing;

  SocketOut(SockJSSocket socket, WriteBudget budget) {
    this.socket = socket;
    this.budget = budget;
  }

  /** A binary frame (the bridge's own frames, as vertx-web's bridge wrote them). False when dropped. */
  boolean write(Buffer frame) {
    return charged(frame.length(), () -> socket.write(frame));
  }

  /** A text frame (broadcasts). False when dropped. */
  boolean write(String frame) {
    return charged(frame.length(), () -> socket.write(frame));
  }

  /** Once closed for its bounds, the socket gets nothing more and its frames are not read. */
  boolean closing() {
    return closing;
  }

  /** Bytes written to this socket and not yet taken by the transport. */
  long queued() {
    return queued;
  }

  /**
   * Closes the socket and stops reading from it. A WebSocket close waits for the client to answer the close frame,
   * which a client that stopped reading never takes and which a paused socket would not read: so the connection itself
   * is closed {@link #HARD_CLOSE_MS} later, time enough for a client that reads to get the close frame and its code.
   * Paused meanwhile, the connection costs no memory or CPU; TCP stops the client's sending.
   */
  void closeForBounds(String reason) {
    if (closing) return;
    closing = true;
    LOG.info("Closing an event bus socket: {}", reason);
    socket.close(CLOSE_BOUNDS, reason);
    socket.pause();
    RoutingContext ctx = socket.routingContext();
    HttpConnection connection = ctx == null ? null : ctx.request().connection();
    if (connection != null) ctx.vertx().setTimer(HARD_CLOSE_MS, id -> connection.close());
  }

  private boolean charged(int length, Supplier<Future<Void>> write) {
    if (closing) return false;
    int cost = WriteBudget.cost(length);
    switch (budget.admits(queued, cost)) {
      case SOCKET_FULL -> {
        closeForBounds("reading too slowly");
        return false;
      }
      case TOTAL_FULL -> {
        closeForBounds("server write budget exhausted");
        return false;
      }
      case ADMITTED -> { }
    }
    queued += cost;
    budget.charge(cost);
    Future<Void> written;
    try {
      written = write.get();
    } catch (IllegalStateException closed) {
      release(cost);
      return false;
    }
    if (written == null) release(cost);
    else written.onComplete(done -> release(cost));
    return true;
  }

  private void release(int cost) {
    queued -= cost;
    budget.release(cost);
  }
}
