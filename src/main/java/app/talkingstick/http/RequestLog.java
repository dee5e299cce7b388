package app.talkingstick.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status, time. Never the query (it may hold a ticket), never a
 * secret in the path (see {@link #loggablePath}), never a control character.
 */
public final class RequestLog implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger("http");
  static final String REDACTED = "[redacted]";
  /** The segment after one of these is a secret: {@code DELETE /api/groups/{id}/invites/{code}}. */
  private static final Set<String> SECRET_FOLLOWS = Set.of("invites", "tickets", "tokens");
  private static final int MAX_PATH_CHARS = 200;

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addBodyEndHandler(v -> {
      if (LOG.isInfoEnabled()) {
        LOG.info("{} {} {} {}ms", LogSafe.of(ctx.request().method().name(), 20), loggablePath(ctx.request().path()),
            ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000);
      }
    });
    ctx.next();
  }

  /**
   * The path as it may be logged: without query or fragment, the segment after {@code invites},
   * {@code tickets} or {@code tokens} replaced by {@value #REDACTED}, a SockJS session path's server and
   * session ids (the session id acts as a credential) too, then escaped and cut by {@link LogSafe}.
   */
  public static String loggablePath(String path) {
    if (path == null) return "null";
    int query = indexOfAny(path, '?', '#');
    String bare = query < 0 ? path : path.substring(0, query);
    String[] segments = bare.split("/", -1);
    boolean sockJsSession = segments.length == 5 && segments[0].isEmpty() && "eventbus".equals(segments[1]);
    for (int i = 1; i < segments.length; i++) {
      if (SECRET_FOLLOWS.contains(segments[i - 1].toLowerCase(java.util.Locale.ROOT)) && !segments[i].isEmpty()) {
        segments[i] = REDACTED;
      }
      if (sockJsSession && (i == 2 || i == 3)) segments[i] = REDACTED;
    }
    return LogSafe.of(String.join("/", segments), MAX_PATH_CHARS);
  }

  private static int indexOfAny(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) return i;
    }
    return -1;
  }
}
