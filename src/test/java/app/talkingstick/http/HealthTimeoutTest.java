package app.talkingstick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.store.EmbeddedDatabase;
import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /health} says within 2 s that the database is down, however it is down. */
@ExtendWith(VertxExtension.class)
class HealthTimeoutTest {

  /** Measured at the client: the server's own bound is lower, so that a busy machine still answers in time. */
  private static final long BUDGET_MS = 2_000;

  private static TestServer server;
  private static Api api;
  private static EmbeddedDatabase database;

  @BeforeAll
  static void start(Vertx vertx) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", ""); // its own embedded PostgreSQL, which the test can stop
    server = TestServer.start(env);
    database = server.server().embeddedDatabase().orElseThrow();
    api = new Api(vertx, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aStoppedDatabaseIsReportedWithin2Seconds() throws Exception {
    assertEquals(200, api.get("/health", null).status());
    database.stop();
    try {
      assertAllDownInTime(8);
    } finally {
      database.restart();
    }
    awaitHealthy();
  }

  /** The worst case: the database's port accepts connections and never answers (a hung or paused server). */
  @Test
  void aDatabaseThatAcceptsButNeverAnswersIsReportedWithin2Seconds(Vertx vertx) throws Exception {
    assertEquals(200, api.get("/health", null).status());
    int port = database.target().port();
    database.stop();
    List<NetSocket> held = new ArrayList<>();
    NetServer silent = vertx.createNetServer().connectHandler(socket -> {
      synchronized (held) {
        held.add(socket); // read nothing, answer nothing
      }
    });
    try {
      silent.listen(port, "127.0.0.1").await(5, TimeUnit.SECONDS);
      assertAllDownInTime(8);
      assertAllDownInTime(8); // again, with the pool's earlier attempts still hanging
    } finally {
      silent.close().await(5, TimeUnit.SECONDS);
      database.restart();
    }
    awaitHealthy();
  }

  private static void assertAllDownInTime(int parallel) throws Exception {
    List<CompletableFuture<long[]>> calls = new ArrayList<>();
    for (int i = 0; i < parallel; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> {
        long started = System.nanoTime();
        Response r = api.get("/health", null);
        return new long[] {r.status(), (System.nanoTime() - started) / 1_000_000};
      }));
    }
    for (CompletableFuture<long[]> call : calls) {
      long[] result = call.get(15, TimeUnit.SECONDS);
      assertEquals(503, result[0]);
      assertTrue(result[1] < BUDGET_MS, "health took " + result[1] + " ms");
    }
  }

  private static void awaitHealthy() {
    long deadline = System.currentTimeMillis() + 20_000;
    int status = 0;
    while (status != 200 && System.currentTimeMillis() < deadline) status = api.get("/health", null).status();
    assertEquals(200, status, "health recovers by itself");
  }
}
