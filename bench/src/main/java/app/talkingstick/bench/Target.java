package app.talkingstick.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A server under test, seen through one thin protocol adapter. The load engine is the same for
 * every peer; an adapter only knows how to set up accounts (if any), open a socket and join a
 * room, frame a message, and tell payload frames from control frames.
 */
public interface Target {

  /** What a client reports back to the engine. Called on the client's event loop. */
  interface Sink {
    /** A frame holding a generated payload, the marker at {@code markerAt}. */
    void payload(Buffer frame, int markerAt, long nowNanos);

    /** The server's reply to this client's message {@code seq} (peers that acknowledge only). */
    void ack(long seq, boolean ok, long serverSeq, String code, long nowNanos);

    /**
     * For peers that answer crisis texts: the reply to this client's crisis text {@code seq};
     * {@code shared} false when the room kept it for the therapists (delivered to no member).
     * Called instead of {@link #ack} for a message sent with {@link Client#send(long, String, String)}.
     */
    default void crisisAck(long seq, boolean ok, long serverSeq, String code, boolean shared, long nowNanos) {
      ack(seq, ok, serverSeq, code, nowNanos);
    }

    /** An event on this (host's) account inbox: {@code crisis} (not a reminder) or {@code check-in}, with its seq (-1: none). */
    default void inbox(String type, long serverSeq, long nowNanos) {}

    /** Something the adapter did not expect (an error frame, a parse failure). */
    void error(String what);

    /** The socket closed without the engine asking for it. */
    void closed(String why);
  }

  /** One connected member socket. Used only on its event loop. */
  interface Client {
    /** Writes one message (the text already carries room, sender, seq and intended time). */
    void send(long seq, String text);

    /**
     * Writes a crisis text: {@code text} as for {@link #send(long, String)} (its marker identifies the
     * message), {@code crisis} the words the member writes. Peers without crisis screening send the marker text.
     */
    default void send(long seq, String text, String crisis) {
      send(seq, text);
    }

    /** Application-level keep-alive, for peers that need one. */
    default void ping() {}

    Future<Void> close();
  }

  String name();

  /** Whether the peer acknowledges each message to its sender (TalkingStick does, after commit). */
  default boolean acknowledges() {
    return false;
  }

  /** Whether the peer screens for crisis and alerts the host on their inbox (CRISIS_EVERY is measured only then). */
  default boolean alertsOnCrisis() {
    return false;
  }

  /** How often the engine calls {@link Client#ping()}; 0 for never. */
  default long pingIntervalMillis() {
    return 0;
  }

  /** How many sockets one member may hold open at once (for the idle-memory probe). */
  default int maxSocketsPerMember() {
    return Integer.MAX_VALUE;
  }

  /** Creates whatever the peer needs for {@code rooms} rooms of {@code members}; idempotent. Any thread. */
  default Future<Void> prepare(Vertx vertx, int rooms, int members) {
    return Future.succeededFuture();
  }

  /**
   * Opens a socket for member {@code member} (0 is the room's host) of room {@code room} and
   * joins the room. With {@code awaitJoin}, completes only once the socket will receive the
   * room's messages. {@code slot} numbers extra sockets of the same member (idle probe). Called on
   * the event loop that will own the client; the websocket client belongs to that loop.
   */
  Future<Client> connect(Shard shard, int room, int member, int slot, boolean awaitJoin, Sink sink);

  /** Runs on the hosts' event loops after every client has joined, before any load (TalkingStick: starts sessions). */
  default Future<Void> beforeLoad(int room, Client host) {
    return Future.succeededFuture();
  }

  /**
   * After a run: checks that what the peer acknowledged is durable (TalkingStick reads each
   * room's history back over HTTP). {@code ackedSeqs} holds, per room, the server seqs acknowledged.
   * Returns null when the peer stores nothing.
   */
  default Future<JsonObject> verifyDurable(Vertx vertx, int members, List<long[]> ackedSeqs) {
    return Future.succeededFuture(null);
  }

  /** Closes HTTP clients and the like. */
  default void close() {}
}
