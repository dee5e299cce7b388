package app.talkingstick.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each {@link Broadcast} frame (as a text message, like the bridge) to this HTTP verticle's sockets that registered its address, on their event
 * loop. A socket whose write queue is full (a client that stopped reading) is closed rather than buffered for: it
 * must not grow the heap or hold up its room, and on reconnecting it resumes from the history.
 */
final class BroadcastFanout {
  private static final Logger LOG = LoggerFactory.getLogger(BroadcastFanout.class);

  public static final int CLOSE_TOO_SLOW = 4429;

  private BroadcastFanout() {}

  static void attach(Vertx vertx, SocketRegistry registry, AddressRules rules) {
    vertx.eventBus().<String>consumer(Broadcast.ADDRESS, msg -> deliver(msg, registry, rules));
  }

  private static void deliver(Message<String> msg, SocketRegistry registry, AddressRules rules) {
    String address = msg.headers().get(Broadcast.ADDRESS_HEADER);
    Collection<Subscription> targets = registry.subscribers(address);
    if (targets.isEmpty()) return;
    String frame = msg.body();
    List<SockJSSocket> stalled = null;
    for (Subscription target : targets) {
      if (!target.mayReceive(rules)) continue;
      if (!write(target, frame)) {
        if (stalled == null) stalled = new ArrayList<>();
        stalled.add(target.socket());
      }
    }
    if (stalled != null) closeStalled(stalled);
  }

  /**
   * Writes unless the socket's write queue is full (false). A socket that closed an instant ago, before its close
   * handler took it out of the registry, refuses even the question: it is skipped, so the sockets after it in the
   * room still get the frame. The frame is counted against the socket's bounds ({@link SocketOut}), which close it
   * with 4430 when what the server holds for it passes its share.
   */
  private static boolean write(Subscription target, String frame) {
    try {
      if (target.out().closing()) return true;
      if (target.socket().writeQueueFull()) return false;
      target.out().write(frame);
    } catch (IllegalStateException closed) {
      LOG.debug("Skipped a socket that closed while a broadcast was being written");
    }
    return true;
  }

  /** Closed after the loop: closing removes the socket from the set being iterated. */
  private static void closeStalled(List<SockJSSocket> stalled) {
    LOG.info("Closing " + stalled.size() + " socket(s) that stopped reading (write queue full)");
    for (SockJSSocket socket : stalled) {
      socket.close(CLOSE_TOO_SLOW, "reading too slowly");
    }
  }
}
