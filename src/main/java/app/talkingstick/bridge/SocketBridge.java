package app.talkingstick.bridge;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

/**
 * The event bus bridge: speaks the wire protocol of vertx-web's SockJS bridge (docs/protocol.md) on each socket the
 * SockJS handler accepts, through public API only. Every decision is the {@link BridgeGuard}'s; each socket gets a
 * {@link BridgeSocket} that reads its frames (at most {@link Limits#framesPerSecond} a second, invalid ones included)
 * and a {@link SocketOut} that bounds what is written to it. A socket the guard refuses is closed at once.
 */
public final class SocketBridge implements Handler<SockJSSocket> {

  /**
   * The bridge's settings: handlers (registrations plus requests awaiting a reply) per socket, the longest address a
   * socket may register, how long a socket may go without a ping, how long a request waits for its reply, and the
   * inbound frame rate.
   */
  public record Limits(int maxHandlers, int maxAddressLength, long pingTimeoutMs, long replyTimeoutMs,
                       int framesPerSecond, int frameBurst) {}

  private final Vertx vertx;
  private final BridgeGuard guard;
  private final Limits limits;
  private final WriteBudget budget;

  SocketBridge(Vertx vertx, BridgeGuard guard, Limits limits, WriteBudget budget) {
    this.vertx = vertx;
    this.guard = guard;
    this.limits = limits;
    this.budget = budget;
  }

  @Override
  public void handle(SockJSSocket socket) {
    SocketOut out = new SocketOut(socket, budget);
    SocketSession session = guard.opened(socket, out);
    if (session == null) {
      socket.close();
      return;
    }
    new BridgeSocket(vertx, socket, session, out, guard, limits).start();
  }
}
