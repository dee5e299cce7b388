package app.talkingstick.bridge;

import app.talkingstick.http.LogSafe;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket of the {@link SocketBridge}: reads its frames, asks the {@link BridgeGuard}, talks to the event bus, and
 * writes the answers through its {@link SocketOut}. Frame for frame what vertx-web 5.0.10's bridge did (the same
 * {@code rec} and {@code err} frames, error codes and order of checks), with the inbound frame rate bounded: a socket
 * that sends faster, valid frames or not, is closed with 4430 and read no further. Used on the socket's event loop only.
 */
final class BridgeSocket {

  private static final Logger LOG = LoggerFactory.getLogger("bridge");
  /** vertx-eventbus.js reply addresses are UUIDs: longer ones are refused. */
  private static final int MAX_REPLY_ADDRESS = 36;

  private final Vertx vertx;
  private final EventBus eventBus;
  private final SockJSSocket socket;
  private final SocketSession session;
  private final SocketOut out;
  private final BridgeGuard guard;
  private final SocketBridge.Limits limits;
  private final FrameRate rate;
  private final Map<String, MessageConsumer<Object>> registrations = new HashMap<>();
  private int handlers;
  private long lastPing;
  private long pingTimer;
  private boolean closed;

  BridgeSocket(Vertx vertx, SockJSSocket socket, SocketSession session, SocketOut out, BridgeGuard guard,
               SocketBridge.Limits limits) {
    this.vertx = vertx;
    this.eventBus = vertx.eventBus();
    this.socket = socket;
    this.session = session;
    this.out = out;
    this.guard = guard;
    this.limits = limits;
    this.rate = new FrameRate(limits.framesPerSecond(), limits.frameBurst(), System.nanoTime());
  }

  void start() {
    socket.handler(this::frame).exceptionHandler(this::failed).closeHandler(v -> closed());
    // Like vertx-web's bridge: checked every ping timeout, and a socket that never pinged is closed at the first check.
    pingTimer = vertx.setPeriodic(limits.pingTimeoutMs(), id -> {
      if (System.currentTimeMillis() - lastPing >= limits.pingTimeoutMs()) socket.close(1001, "Session expired");
    });
  }

  private void frame(Buffer data) {
    if (closed || out.closing()) return;
    if (!rate.tryTake(System.nanoTime())) {
      out.closeForBounds("sending too fast");
      return;
    }
    BridgeFrame frame = BridgeFrame.parse(data);
    if (frame.failed()) {
      if (frame.type() != null) LOG.debug("A frame with an unknown type was refused: {}", LogSafe.of(frame.type(), 40));
      error(frame.error());
      return;
    }
    switch (frame.type()) {
      case BridgeFrame.PING -> lastPing = System.currentTimeMillis();
      case BridgeFrame.SEND -> send(frame);
      case BridgeFrame.PUBLISH -> error("rejected"); // clients never publish: events go out from the server only
      case BridgeFrame.REGISTER -> register(frame.address());
      case BridgeFrame.UNREGISTER -> unregister(frame.address());
      default -> error("invalid_type");
    }
  }

  private void send(BridgeFrame frame) {
    guard.maySend(session, frame.address()).onComplete(decided -> {
      if (closed) return;
      if (!allowed(decided)) {
        error("rejected");
        return;
      }
      String replyAddress = frame.replyAddress();
      if (replyAddress != null && replyAddress.length() > MAX_REPLY_ADDRESS) {
        LOG.debug("A client's frame was refused: reply address longer than 36 characters");
        error("invalid_reply_address");
        return;
      }
      if (!guard.permitsInbound(frame.address())) {
        error("access_denied");
        return;
      }
      if (replyAddress != null && !handlerFree()) return;
      DeliveryOptions options = new DeliveryOptions().setSendTimeout(limits.replyTimeoutMs())
          .setHeaders(headers(guard.headersFor(session)));
      if (replyAddress == null) {
        eventBus.send(frame.address(), frame.body(), options);
        return;
      }
      handlers++;
      eventBus.request(frame.address(), frame.body(), options).onComplete(reply -> replied(replyAddress, reply));
    });
  }

  private void replied(String replyAddress, AsyncResult<Message<Object>> reply) {
    handlers--;
    if (closed) return;
    if (reply.succeeded()) {
      deliver(replyAddress, reply.result());
      return;
    }
    JsonObject envelope = new JsonObject().put("type", "err").put("address", replyAddress);
    if (reply.cause() instanceof ReplyException failure) {
      envelope.put("failureCode", failure.failureCode()).put("failureType", failure.failureType().name())
          .put("message", failure.getMessage());
    } else {
      envelope.put("failureCode", -1).put("failureType", "RECIPIENT_FAILURE")
          .put("message", reply.cause().getMessage());
    }
    out.write(envelope.toBuffer());
  }

  private void register(String address) {
    if (!handlerFree()) return;
    guard.mayRegister(session, address).onComplete(decided -> {
      if (closed) return;
      if (!allowed(decided)) {
        error("rejected");
        return;
      }
      if (address.length() > limits.maxAddressLength()) {
        error("max_address_length_reached");
        return;
      }
      if (!guard.permitsOutbound(address)) {
        error("access_denied");
        return;
      }
      if (registrations.containsKey(address)) {
        error("address_already_registered");
        return;
      }
      guard.subscribed(socket, address);
      MessageConsumer<Object> consumer = eventBus.consumer(address, message -> {
        if (!closed) deliver(address, message);
      });
      registrations.put(address, consumer);
      handlers++;
      consumer.completion().onComplete(done -> {
        if (closed || registrations.get(address) != consumer) return;
        if (done.succeeded()) {
          guard.registered(session, address);
        } else {
          error("registration_failure");
        }
      });
    });
  }

  private void unregister(String address) {
    if (!guard.permitsOutbound(address)) {
      error("access_denied");
      return;
    }
    MessageConsumer<Object> consumer = registrations.remove(address);
    if (consumer == null) return;
    handlers--;
    consumer.unregister();
    guard.unregistered(socket, session, address);
  }

  /** A message for the socket on {@code address}, if the receive rules let it through: a {@code rec} frame. */
  private void deliver(String address, Message<?> message) {
    if (!guard.mayReceive(session, address)) return;
    JsonObject envelope = new JsonObject().put("type", "rec").put("address", address).put("body", message.body());
    if (message.replyAddress() != null) envelope.put("replyAddress", message.replyAddress());
    if (message.headers() != null && !message.headers().isEmpty()) {
      JsonObject headers = new JsonObject();
      for (String name : message.headers().names()) {
        List<String> values = message.headers().getAll(name);
        headers.put(name, values.size() == 1 ? values.get(0) : values);
      }
      envelope.put("headers", headers);
    }
    out.write(envelope.toBuffer());
  }

  private boolean handlerFree() {
    if (handlers < limits.maxHandlers()) return true;
    LOG.debug("A client's frame was refused: max handlers per socket reached");
    error("max_handlers_reached");
    return false;
  }

  private void error(String code) {
    out.write(new JsonObject().put("type", "err").put("body", code).toBuffer());
  }

  private static boolean allowed(AsyncResult<Boolean> decided) {
    return decided.succeeded() && Boolean.TRUE.equals(decided.result());
  }

  private static MultiMap headers(JsonObject stamp) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    stamp.forEach(entry -> headers.add(entry.getKey(), String.valueOf(entry.getValue())));
    return headers;
  }

  /**
   * An abrupt disconnect or a frame that breaks the WebSocket protocol (or is over 64 KiB): one DEBUG line. Vert.x
   * closes the connection itself, with the right code (1009 for a frame too big); the close handler cleans up.
   */
  private void failed(Throwable error) {
    if (!(error instanceof HttpClosedException) && LOG.isDebugEnabled()) { // that one follows every close: said already
      boolean disconnect = error instanceof IOException || error.getCause() instanceof IOException;
      LOG.debug("A socket's connection {}: {}{}", disconnect ? "ended abruptly" : "sent what cannot be decoded",
          error.getClass().getSimpleName(), error.getMessage() == null ? "" : " (" + LogSafe.of(error.getMessage(), 80) + ")");
    }
  }

  private void closed() {
    if (closed) return;
    closed = true;
    vertx.cancelTimer(pingTimer);
    for (Map.Entry<String, MessageConsumer<Object>> registration : registrations.entrySet()) {
      registration.getValue().unregister();
      guard.unregistered(socket, session, registration.getKey());
    }
    registrations.clear();
    guard.closed(socket);
  }
}
