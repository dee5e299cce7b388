package app.talkingstick.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bad configuration stops the real entry point with one clear line and exit code 2. */
class MainStartupTest {

  private record Outcome(int exitCode, String stderr) {}

  private static Outcome runMain(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"),
        "app.talkingstick.Main");
    pb.environment().keySet().removeIf(k -> k.equals("PORT") || k.equals("DATABASE_URL") || k.startsWith("ADMIN_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Main did not stop");
    }
    return new Outcome(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void aBadPortIsOneLineAndExitCode2() throws Exception {
    Outcome o = runMain(Map.of("PORT", "not-a-port"));
    assertEquals(2, o.exitCode());
    assertEquals("talkingstick: configuration error: PORT must be a whole number, got 'not-a-port'", o.stderr().strip());
  }

  @Test
  void aMissingKeyFileIsOneLineAndNoStackTrace() throws Exception {
    Outcome o = runMain(Map.of("DATABASE_URL", "postgresql://nobody:x@127.0.0.1:1/none",
        "JWT_PRIVATE_KEY_FILE", "/nonexistent/private.pem", "JWT_PUBLIC_KEY_FILE", "/nonexistent/public.pem"));
    assertEquals(2, o.exitCode());
    assertEquals("talkingstick: configuration error: JWT_PRIVATE_KEY_FILE /nonexistent/private.pem cannot be read",
        o.stderr().strip());
  }

  @Test
  void aPortInUseIsOneLineAndExitCode1() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Outcome o = runMain(Map.of("PORT", String.valueOf(taken.getLocalPort()), "HOST", "127.0.0.1",
          "DATABASE_URL", app.talkingstick.support.TestDatabase.freshDatabaseUrl().toString(),
          "DATA_DIR", app.talkingstick.support.TestServer.tempDir().toString()));
      assertEquals(1, o.exitCode(), o.stderr());
      assertEquals("talkingstick: could not start: port " + taken.getLocalPort()
          + " is already in use (set PORT to another one)", o.stderr().strip());
    }
  }
}
