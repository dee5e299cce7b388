package app.talkingstick.http;

import io.vertx.core.Vertx;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections per client address, shared by every HTTP verticle of one Vert.x instance (they accept on the
 * same port), with a cap: a connection beyond it is refused. A cap of zero counts nothing and refuses nothing (behind a
 * reverse proxy every client has the proxy's address). Thread-safe.
 */
public final class AddressConnections {

  private static final Map<Vertx, AddressConnections> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

  private final int maxPerAddress;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

  public AddressConnections(int maxPerAddress) {
    this.maxPerAddress = maxPerAddress;
  }

  static AddressConnections shared(Vertx vertx, int maxPerAddress) {
    return SHARED.computeIfAbsent(vertx, v -> new AddressConnections(maxPerAddress));
  }

  /** Counts a new connection from {@code address}: false (and nothing counted) when the address is at its cap. */
  public boolean tryOpen(String address) {
    if (maxPerAddress == 0) return true;
    boolean[] admitted = {false};
    open.compute(address, (a, count) -> {
      int now = count == null ? 0 : count;
      if (now >= maxPerAddress) return count;
      admitted[0] = true;
      return now + 1;
    });
    return admitted[0];
  }

  /** A connection that {@link #tryOpen} admitted has closed. */
  public void closed(String address) {
    if (maxPerAddress == 0) return;
    open.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
  }

  public int openFrom(String address) {
    return open.getOrDefault(address, 0);
  }
}
