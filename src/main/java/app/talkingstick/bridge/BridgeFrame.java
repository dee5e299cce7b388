package app.talkingstick.bridge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * One frame a client sent, read as vertx-web's event bus bridge read it: a JSON object with {@code type} ({@code send},
 * {@code publish}, {@code register}, {@code unregister} or {@code ping}), {@code address} (all but ping),
 * {@code body}, {@code replyAddress}. A frame that cannot be read is an {@link #error} with the bridge's own code
 * ({@code invalid_json}, {@code missing_type}, {@code missing_address}, {@code invalid_type}, with the type kept). The client's
 * {@code headers} are not read: the guard stamps its own. Pure.
 */
record BridgeFrame(String type, String address, Object body, String replyAddress, String error) {

  static final String PING = "ping";
  static final String SEND = "send";
  static final String PUBLISH = "publish";
  static final String REGISTER = "register";
  static final String UNREGISTER = "unregister";

  static BridgeFrame parse(Buffer data) {
    JsonObject msg;
    try {
      msg = new JsonObject(data.toString());
    } catch (DecodeException | ClassCastException e) {
      return failed("invalid_json");
    }
    if (!(msg.getValue("type") instanceof String type)) return failed("missing_type");
    if (type.equals(PING)) return new BridgeFrame(PING, null, null, null, null);
    if (!(msg.getValue("address") instanceof String address)) return failed("missing_address");
    return switch (type) {
      case SEND, PUBLISH, REGISTER, UNREGISTER -> {
        Object reply = msg.getValue("replyAddress");
        yield new BridgeFrame(type, address, msg.getValue("body"),
            reply == null ? null : String.valueOf(reply), null);
      }
      default -> new BridgeFrame(type, null, null, null, "invalid_type"); // type kept for the log line
    };
  }

  private static BridgeFrame failed(String code) {
    return new BridgeFrame(null, null, null, null, code);
  }

  boolean failed() {
    return error != null;
  }
}
