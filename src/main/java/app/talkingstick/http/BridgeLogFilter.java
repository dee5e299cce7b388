package app.talkingstick.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The event bus bridge of vertx-web logs what its clients do wrong at {@code ERROR}: every abrupt
 * disconnect as "SockJSSocket exception" with a stack trace (two per reset connection), every frame
 * that breaks the WebSocket protocol the same way, every frame
 * with an unknown {@code type} with that type as the client sent it. Neither is a fault of the server,
 * and a client can make as many as it likes. This filter (registered in {@code logback.xml}) stops those
 * lines and writes at most one {@code DEBUG} line of its own per event to the {@code bridge} logger, with
 * the client's part escaped and cut by {@link LogSafe}. Anything else the bridge logs passes unchanged,
 * so a real fault keeps its {@code ERROR} and stack trace. The bridge sets its own exception handler on
 * each socket after the bridge hook has run, so the line cannot be stopped at the socket without
 * vertx-web's internal classes; the decision here keys on the bridge's logger name and message text,
 * and {@code LogHygieneTest} fails if a vertx-web upgrade changes them.
 */
public final class BridgeLogFilter extends TurboFilter {

  /** The logger of vertx-web's bridge implementation (a name, not a use of the class). */
  static final String BRIDGE_LOGGER = "io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("bridge");

  /** What becomes of one line the bridge logs. {@code line} is the DEBUG line to write instead, or null for none. */
  record Verdict(boolean pass, String line) {
    static final Verdict PASS = new Verdict(true, null);
    static final Verdict SILENT = new Verdict(false, null);

    static Verdict debug(String line) {
      return new Verdict(false, line);
    }
  }

  private static final String SOCKET_EXCEPTION = "SockJSSocket exception";
  private static final String INVALID_TYPE = "Invalid type in incoming message: ";
  private static final List<String> CLIENT_MISTAKES = List.of(
      "Will not send message, reply address is > 36 chars",
      "Refusing to register as max_handlers_per_socket reached already");

  /** Pure: what to do with a line the bridge logs ({@code message} unformatted, as the bridge passed it). */
  static Verdict decide(String loggerName, String message, Throwable error) {
    if (!BRIDGE_LOGGER.equals(loggerName) || message == null) return Verdict.PASS;
    if (message.startsWith(SOCKET_EXCEPTION)) {
      if (error instanceof HttpClosedException) return Verdict.SILENT; // follows every close: the reset said it
      if (isDisconnect(error)) {
        return Verdict.debug("A socket's connection ended abruptly: " + error.getClass().getSimpleName()
            + (error.getMessage() == null ? "" : " (" + LogSafe.of(error.getMessage(), 80) + ")"));
      }
      if (error instanceof DecoderException) {
        return Verdict.debug("A socket sent a frame that cannot be decoded: " + error.getClass().getSimpleName());
      }
      return Verdict.PASS;
    }
    if (message.startsWith(INVALID_TYPE)) {
      return Verdict.debug("A frame with an unknown type was refused: "
          + LogSafe.of(message.substring(INVALID_TYPE.length()), 40));
    }
    for (String mistake : CLIENT_MISTAKES) {
      if (message.startsWith(mistake)) return Verdict.debug("A client's frame was refused: " + mistake);
    }
    return Verdict.PASS;
  }

  /** The connection went away under the socket (a reset, a broken pipe, a closed channel). */
  private static boolean isDisconnect(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof HttpClosedException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format == null || !BRIDGE_LOGGER.equals(logger.getName())) return FilterReply.NEUTRAL;
    Throwable error = t;
    if (error == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      error = last;
    }
    Verdict verdict = decide(logger.getName(), format, error);
    if (verdict.pass()) return FilterReply.NEUTRAL;
    if (verdict.line() != null && LOG.isDebugEnabled()) LOG.debug(verdict.line());
    return FilterReply.DENY;
  }
}
