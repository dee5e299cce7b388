package app.talkingstick.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Events for everyone who registered an address through the bridge (a room's {@code .out} and {@code .staff}, a
 * channel's {@code .out}), encoded once per event instead of once per receiving socket. The frame is exactly what the
 * SockJS bridge writes for a published message, {@code {"type":"rec","address":…,"body":…}}; each HTTP verticle's
 * {@link BroadcastFanout} writes it to its own sockets that registered the address and may receive it.
 */
public final class Broadcast {
  private Broadcast() {}

  static final String ADDRESS = "talkingstick.internal.broadcast";
  static final String ADDRESS_HEADER = "address";

  /** Delivers {@code body} to every socket that registered {@code address} and passes its receive rule. */
  public static void publish(Vertx vertx, String address, JsonObject body) {
    String frame = new JsonObject().put("type", "rec").put("address", address).put("body", body).encode();
    vertx.eventBus().publish(ADDRESS, frame, new DeliveryOptions().addHeader(ADDRESS_HEADER, address));
  }
}
