package app.talkingstick.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fan-out of one broadcast to a room's sockets: a socket that closed an instant ago (still in the registry) or
 * one that stopped reading must not keep the frame from the sockets after it. The sockets are stand-ins that record
 * what is done to them; the event bus, the registry and the rules are the server's own.
 */
@ExtendWith(VertxExtension.class)
class BroadcastFanoutTest {

  private static final String ADDRESS = "group.0b7e6c1e-0000-4000-8000-000000000001.out";

  /** A socket that records writes and closes; {@code state} says how it answers writeQueueFull. */
  private record Recording(SockJSSocket socket, List<String> writes, List<Integer> closes) {}

  private static Recording socket(String state) {
    List<String> writes = new CopyOnWriteArrayList<>();
    List<Integer> closes = new CopyOnWriteArrayList<>();
    SockJSSocket socket = (SockJSSocket) Proxy.newProxyInstance(SockJSSocket.class.getClassLoader(),
        new Class<?>[] {SockJSSocket.class}, (proxy, method, args) -> switch (method.getName()) {
          case "writeQueueFull" -> {
            if (state.equals("closed")) throw new IllegalStateException("WebSocket is closed");
            yield state.equals("stalled");
          }
          case "write" -> {
            writes.add(String.valueOf(args[0]));
            yield Future.succeededFuture();
          }
          case "close" -> {
            closes.add(args == null || args.length == 0 ? 0 : (Integer) args[0]);
            yield Future.succeededFuture();
          }
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "socket(" + state + ")";
          default -> null;
        });
    return new Recording(socket, writes, closes);
  }

  @Test
  void aClosedOrStalledSocketDoesNotKeepTheFrameFromTheOthers(Vertx vertx, VertxTestContext test) {
    SocketRegistry registry = new SocketRegistry(vertx, 10);
    List<Recording> sockets = List.of(socket("closed"), socket("open"), socket("stalled"), socket("open"));
    vertx.runOnContext(v -> {
      for (Recording r : sockets) {
        registry.add(r.socket(), new Principal(UUID.randomUUID(), "member", Role.CLIENT, 0,
            Instant.now().plusSeconds(600)));
        registry.subscribe(r.socket(), ADDRESS);
      }
      BroadcastFanout.attach(vertx, registry, new AddressRules());
      Broadcast.publish(vertx, ADDRESS, new JsonObject().put("type", "message").put("seq", 1));
      vertx.setTimer(200, t -> test.verify(() -> {
        for (Recording open : List.of(sockets.get(1), sockets.get(3))) {
          assertEquals(1, open.writes().size(), "an open socket after the closed one still gets the frame");
          assertTrue(open.writes().get(0).contains("\"seq\":1"));
          assertTrue(open.closes().isEmpty());
        }
        assertTrue(sockets.get(0).writes().isEmpty());
        assertEquals(List.of(BroadcastFanout.CLOSE_TOO_SLOW), sockets.get(2).closes(), "the stalled one is closed");
        assertTrue(sockets.get(2).writes().isEmpty());
        test.completeNow();
      }));
    });
    assertTrue(awaited(test));
  }

  @Test
  void aReceiveDecisionIsTakenAgainWhenTheSessionsFactsChange(Vertx vertx, VertxTestContext test) {
    SocketRegistry registry = new SocketRegistry(vertx, 10);
    Recording member = socket("open");
    AddressRules rules = new AddressRules().filterReceive("group\\.[^.]+\\.out", (s, m) -> s.fact("member") != null);
    vertx.runOnContext(v -> {
      registry.add(member.socket(), new Principal(UUID.randomUUID(), "member", Role.CLIENT, 0,
          Instant.now().plusSeconds(600)));
      registry.subscribe(member.socket(), ADDRESS);
      SocketSession session = registry.sessionOf(member.socket());
      BroadcastFanout.attach(vertx, registry, rules);
      Broadcast.publish(vertx, ADDRESS, new JsonObject().put("seq", 1));
      vertx.setTimer(100, t1 -> {
        session.remember("member", true);
        session.forgetReceiveDecisions();
        Broadcast.publish(vertx, ADDRESS, new JsonObject().put("seq", 2));
        vertx.setTimer(100, t2 -> {
          session.forget("member");
          session.forgetReceiveDecisions();
          Broadcast.publish(vertx, ADDRESS, new JsonObject().put("seq", 3));
          vertx.setTimer(100, t3 -> test.verify(() -> {
            assertEquals(1, member.writes().size(), "only the broadcast sent while the rule allowed it: " + member.writes());
            assertTrue(member.writes().get(0).contains("\"seq\":2"));
            test.completeNow();
          }));
        });
      });
    });
    assertTrue(awaited(test));
  }

  private static boolean awaited(VertxTestContext test) {
    try {
      return test.awaitCompletion(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
