package app.talkingstick.bridge;

import app.talkingstick.auth.Principal;
import io.vertx.core.Vertx;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The open event bus sockets of one HTTP verticle, by account and by the addresses they registered.
 * Only touched on that verticle's event loop. Closes a socket when the access token it was opened
 * with expires.
 */
public final class SocketRegistry {

  public static final int CLOSE_EXPIRED = 4401;
  public static final int CLOSE_SIGNED_OUT = 4403;

  private record Entry(SocketSession session, SocketOut out, long expiryTimer, Set<String> addresses) {}

  private final Vertx vertx;
  private final int maxPerAccount;
  private final Map<SockJSSocket, Entry> sockets = new HashMap<>();
  private final Map<UUID, Map<SockJSSocket, SocketSession>> byAccount = new HashMap<>();
  private final Map<String, Map<SockJSSocket, Subscription>> byAddress = new HashMap<>();

  public SocketRegistry(Vertx vertx, int maxPerAccount) {
    this.vertx = vertx;
    this.maxPerAccount = maxPerAccount;
  }

  public boolean hasRoomFor(UUID accountId) {
    return byAccount.getOrDefault(accountId, Map.of()).size() < maxPerAccount;
  }

  /** Adds the socket unless the account is at its cap; its writes are not bounded (for tests of the fan-out). */
  public boolean add(SockJSSocket socket, Principal principal) {
    return add(socket, principal, new SocketOut(socket, WriteBudget.unbounded()));
  }

  /** Adds the socket unless the account is at its cap; every frame written to it goes through {@code out}. */
  boolean add(SockJSSocket socket, Principal principal, SocketOut out) {
    if (!hasRoomFor(principal.accountId())) return false;
    long delay = Math.max(1, Duration.between(Instant.now(), principal.tokenExpiresAt()).toMillis());
    long timer = vertx.setTimer(delay, id -> socket.close(CLOSE_EXPIRED, "access token expired"));
    SocketSession session = new SocketSession(principal);
    sockets.put(socket, new Entry(session, out, timer, new HashSet<>()));
    byAccount.computeIfAbsent(principal.accountId(), k -> new LinkedHashMap<>()).put(socket, session);
    return true;
  }

  public SocketSession sessionOf(SockJSSocket socket) {
    Entry entry = sockets.get(socket);
    return entry == null ? null : entry.session();
  }

  public List<SocketSession> sessionsOf(UUID accountId) {
    return List.copyOf(byAccount.getOrDefault(accountId, Map.of()).values());
  }

  public void remove(SockJSSocket socket) {
    Entry entry = sockets.remove(socket);
    if (entry == null) return;
    vertx.cancelTimer(entry.expiryTimer());
    for (String address : entry.addresses()) {
      dropSubscriber(address, socket);
    }
    UUID account = entry.session().accountId();
    Map<SockJSSocket, SocketSession> mine = byAccount.get(account);
    if (mine != null) {
      mine.remove(socket);
      if (mine.isEmpty()) byAccount.remove(account);
    }
  }

  /** The socket registered {@code address} (the guard approved it): {@link Broadcast}s to it reach the socket. */
  public void subscribe(SockJSSocket socket, String address) {
    Entry entry = sockets.get(socket);
    if (entry == null || address == null) return;
    entry.addresses().add(address);
    byAddress.computeIfAbsent(address, a -> new LinkedHashMap<>())
        .putIfAbsent(socket, new Subscription(socket, entry.session(), entry.out(), address));
  }

  public void unsubscribe(SockJSSocket socket, String address) {
    Entry entry = sockets.get(socket);
    if (entry == null || address == null) return;
    entry.addresses().remove(address);
    dropSubscriber(address, socket);
  }

  /** The subscriptions of the sockets that registered {@code address}: a live view, not to be changed meanwhile. */
  Collection<Subscription> subscribers(String address) {
    Map<SockJSSocket, Subscription> subscribers = address == null ? null : byAddress.get(address);
    return subscribers == null ? List.of() : Collections.unmodifiableCollection(subscribers.values());
  }

  private void dropSubscriber(String address, SockJSSocket socket) {
    Map<SockJSSocket, Subscription> subscribers = byAddress.get(address);
    if (subscribers != null && subscribers.remove(socket) != null && subscribers.isEmpty()) byAddress.remove(address);
  }

  public void closeAll(UUID accountId, int code, String reason) {
    for (SockJSSocket socket : List.copyOf(byAccount.getOrDefault(accountId, Map.of()).keySet())) {
      socket.close(code, reason);
    }
  }

  public int size() {
    return sockets.size();
  }
}
