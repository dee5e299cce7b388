package app.talkingstick.bridge;

import io.vertx.ext.web.handler.sockjs.SockJSSocket;

/**
 * One socket's registration of one address. A broadcast to the address finds here the socket, its session and the
 * last receive decision, so the fan-out, which runs once per delivery, looks nothing up. The decision is taken
 * again when the session's facts have changed since ({@link SocketSession#forgetReceiveDecisions}).
 */
final class Subscription {
  private final SockJSSocket socket;
  private final SocketSession session;
  private final SocketOut out;
  private final String address;
  private int decidedAtVersion = -1;
  private boolean receivable;

  Subscription(SockJSSocket socket, SocketSession session, SocketOut out, String address) {
    this.socket = socket;
    this.session = session;
    this.out = out;
    this.address = address;
  }

  SockJSSocket socket() {
    return socket;
  }

  /** Where the frames for this socket are written, counted against its bounds. */
  SocketOut out() {
    return out;
  }

  boolean mayReceive(AddressRules rules) {
    int version = session.receiveVersion();
    if (version != decidedAtVersion) {
      receivable = rules.mayReceive(session, address);
      decidedAtVersion = version;
    }
    return receivable;
  }
}
