package app.talkingstick.bridge;

import app.talkingstick.auth.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One open event bus socket: who opened it, and what the guard has verified for it so far
 * (memberships, say), so the hot path need not ask the database again. Only touched on the event
 * loop of the HTTP verticle that owns the socket.
 */
public final class SocketSession {

  private final String id = UUID.randomUUID().toString();
  private final Principal principal;
  private final Map<String, Object> facts = new HashMap<>();
  /** Receive decisions by address: deliveries are the hot path, so each address is decided once. */
  private final Map<String, Boolean> receivable = new HashMap<>();
  /** Counts the times the facts changed, so {@link Subscription}s know when their decision is stale. */
  private int receiveVersion;

  SocketSession(Principal principal) {
    this.principal = principal;
  }

  public String id() {
    return id;
  }

  public Principal principal() {
    return principal;
  }

  public UUID accountId() {
    return principal.accountId();
  }

  @SuppressWarnings("unchecked")
  public <T> T fact(String key) {
    return (T) facts.get(key);
  }

  public void remember(String key, Object value) {
    facts.put(key, value);
  }

  public void forget(String key) {
    facts.remove(key);
  }

  Boolean receiveDecision(String address) {
    return receivable.get(address);
  }

  void rememberReceiveDecision(String address, boolean allowed) {
    receivable.put(address, allowed);
  }

  /** How many receive decisions are remembered (for tests: it must not grow with every reply). */
  int rememberedReceiveDecisions() {
    return receivable.size();
  }

  /** Call whenever a fact a receive rule reads changes: every address is decided again. */
  public void forgetReceiveDecisions() {
    receivable.clear();
    receiveVersion++;
  }

  int receiveVersion() {
    return receiveVersion;
  }
}
