package app.talkingstick.bridge;

import app.talkingstick.auth.Principal;
import io.vertx.core.Vertx;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The open event bus sockets of one HTTP verticle, by account. Only touched on that verticle's
 * event loop. Closes a socket when the access token it was opened with expires.
 */
public final class SocketRegistry {

  public static final int CLOSE_EXPIRED = 4401;
  public static final int CLOSE_SIGNED_OUT = 4403;

  private record Entry(Principal principal, long expiryTimer) {}

  private final Vertx vertx;
  private final int maxPerAccount;
  private final Map<SockJSSocket, Entry> sockets = new HashMap<>();
  private final Map<UUID, Set<SockJSSocket>> byAccount = new HashMap<>();

  public SocketRegistry(Vertx vertx, int maxPerAccount) {
    this.vertx = vertx;
    this.maxPerAccount = maxPerAccount;
  }

  public boolean hasRoomFor(UUID accountId) {
    return byAccount.getOrDefault(accountId, Set.of()).size() < maxPerAccount;
  }

  /** Adds the socket unless the account is at its cap. */
  public boolean add(SockJSSocket socket, Principal principal) {
    if (!hasRoomFor(principal.accountId())) return false;
    long delay = Math.max(1, Duration.between(Instant.now(), principal.tokenExpiresAt()).toMillis());
    long timer = vertx.setTimer(delay, id -> socket.close(CLOSE_EXPIRED, "access token expired"));
    sockets.put(socket, new Entry(principal, timer));
    byAccount.computeIfAbsent(principal.accountId(), k -> new LinkedHashSet<>()).add(socket);
    return true;
  }

  public Principal principalOf(SockJSSocket socket) {
    Entry entry = sockets.get(socket);
    return entry == null ? null : entry.principal();
  }

  public void remove(SockJSSocket socket) {
    Entry entry = sockets.remove(socket);
    if (entry == null) return;
    vertx.cancelTimer(entry.expiryTimer());
    Set<SockJSSocket> mine = byAccount.get(entry.principal().accountId());
    if (mine != null) {
      mine.remove(socket);
      if (mine.isEmpty()) byAccount.remove(entry.principal().accountId());
    }
  }

  public void closeAll(UUID accountId, int code, String reason) {
    for (SockJSSocket socket : Set.copyOf(byAccount.getOrDefault(accountId, Set.of()))) {
      socket.close(code, reason);
    }
  }

  public int size() {
    return sockets.size();
  }
}
