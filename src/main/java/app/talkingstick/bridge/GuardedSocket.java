package app.talkingstick.bridge;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.ext.web.handler.sockjs.impl.SockJSSocketBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket the event bus bridge is handed in place of the transport's own, so that every frame in and out passes one
 * place, whatever the bridge makes of it (an invalid frame never becomes a bridge event, and the bridge's error frames
 * are written without asking anyone):
 * <ul>
 *   <li>in: each frame takes a token from the socket's {@link FrameRate}; a socket that sends faster (valid frames or
 *       not) is closed with {@link #CLOSE_TOO_FAST} and its further frames are dropped unread;</li>
 *   <li>out: each write is charged to the {@link WriteBudget} until the transport has written it; a socket whose
 *       client stopped reading (its unwritten frames would pass its share) is closed with {@link #CLOSE_TOO_SLOW} and
 *       the frame is dropped, for the bridge's replies and error frames as for broadcasts.</li>
 * </ul>
 * It extends vertx-web's {@code SockJSSocketBase} only because the bridge casts its sockets to that class to close one
 * that stopped pinging; everything is forwarded to the transport's socket. Used on the socket's event loop only.
 */
final class GuardedSocket extends SockJSSocketBase {

  public static final int CLOSE_TOO_SLOW = 4429;
  public static final int CLOSE_TOO_FAST = 4430;

  private static final Logger LOG = LoggerFactory.getLogger(GuardedSocket.class);
  private static final SockJSHandlerOptions NO_WRITE_HANDLER = new SockJSHandlerOptions().setRegisterWriteHandler(false);

  private final SockJSSocket socket;
  private final FrameRate inbound;
  private final WriteBudget budget;
  private final int framesPerSecond;
  private long queued;
  private boolean closing;

  GuardedSocket(SockJSSocket socket, io.vertx.core.Vertx vertx, int framesPerSecond, int frameBurst, WriteBudget budget) {
    super(vertx, socket.routingContext(), NO_WRITE_HANDLER);
    this.socket = socket;
    this.inbound = new FrameRate(framesPerSecond, frameBurst, System.nanoTime());
    this.framesPerSecond = framesPerSecond;
    this.budget = budget;
  }

  @Override
  public SockJSSocket handler(Handler<Buffer> handler) {
    socket.handler(handler == null ? null : frame -> {
      if (closing) return;
      if (!inbound.tryTake(System.nanoTime())) {
        LOG.info("Closing a socket that sent more than {} frames a second", framesPerSecond);
        closeForAbuse(CLOSE_TOO_FAST, "sending too fast");
        return;
      }
      handler.handle(frame);
    });
    return this;
  }

  @Override
  public Future<Void> write(Buffer data) {
    int cost = WriteBudget.cost(data.length());
    if (!admit(cost)) return Future.failedFuture("socket closed: its client stopped reading");
    return charged(cost, () -> socket.write(data));
  }

  @Override
  public Future<Void> write(String data) {
    int cost = WriteBudget.cost(data.length());
    if (!admit(cost)) return Future.failedFuture("socket closed: its client stopped reading");
    return charged(cost, () -> socket.write(data));
  }

  private boolean admit(int cost) {
    if (closing) return false;
    if (budget.admits(queued, cost)) return true;
    LOG.info("Closing a socket that stopped reading ({} bytes unwritten)", queued);
    closeForAbuse(CLOSE_TOO_SLOW, "reading too slowly");
    return false;
  }

  private Future<Void> charged(int cost, java.util.function.Supplier<Future<Void>> write) {
    queued += cost;
    budget.charge(cost);
    Future<Void> written;
    try {
      written = write.get();
    } catch (RuntimeException e) {
      release(cost);
      throw e;
    }
    return written.andThen(done -> release(cost));
  }

  private void release(int cost) {
    queued -= cost;
    budget.release(cost);
  }

  /** Full when this socket's unwritten frames reach its share, or the transport says so. */
  @Override
  public boolean writeQueueFull() {
    return closing || queued >= budget.perSocket() || socket.writeQueueFull();
  }

  @Override
  public void close(int statusCode, String reason) {
    closing();
    socket.close(statusCode, reason);
    if (statusCode == CLOSE_TOO_FAST || statusCode == CLOSE_TOO_SLOW) socket.pause();
  }

  @Override
  public void close() {
    closing();
    socket.close();
  }

  private void closing() {
    closing = true;
  }

  /**
   * Closes a socket that broke its bounds ({@link #close(int, String)} stops reading from it): a WebSocket close waits for the client to take
   * the close frame (and to answer it), which a client that stopped reading never does, and Vert.x offers no harder
   * close. Paused, the connection costs no more CPU or memory; TCP stops the client's sending, and the connection
   * goes when it has been idle for {@code HTTP_IDLE_SECONDS} (or when the client reads the close frame).
   */
  private void closeForAbuse(int statusCode, String reason) {
    if (!closing) close(statusCode, reason);
  }

  @Override
  public void closeAfterSessionExpired() {
    closing();
    if (socket instanceof SockJSSocketBase base) base.closeAfterSessionExpired();
    else socket.close();
  }

  @Override
  public Future<Void> end() {
    closing();
    return socket.end();
  }

  @Override
  public SockJSSocket exceptionHandler(Handler<Throwable> handler) {
    socket.exceptionHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket pause() {
    socket.pause();
    return this;
  }

  @Override
  public SockJSSocket resume() {
    socket.resume();
    return this;
  }

  @Override
  public SockJSSocket fetch(long amount) {
    socket.fetch(amount);
    return this;
  }

  @Override
  public SockJSSocket endHandler(Handler<Void> endHandler) {
    socket.endHandler(endHandler);
    return this;
  }

  @Override
  public SockJSSocket closeHandler(Handler<Void> closeHandler) {
    socket.closeHandler(closeHandler);
    return this;
  }

  @Override
  public SockJSSocket setWriteQueueMaxSize(int maxSize) {
    socket.setWriteQueueMaxSize(maxSize);
    return this;
  }

  @Override
  public SockJSSocket drainHandler(Handler<Void> handler) {
    socket.drainHandler(handler);
    return this;
  }

  @Override
  public String writeHandlerID() {
    return socket.writeHandlerID();
  }

  @Override
  public SocketAddress remoteAddress() {
    return socket.remoteAddress();
  }

  @Override
  public SocketAddress localAddress() {
    return socket.localAddress();
  }

  @Override
  public MultiMap headers() {
    return socket.headers();
  }

  @Override
  public String uri() {
    return socket.uri();
  }
}
