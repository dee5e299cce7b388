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
    assertTrue(o.exitCode() != 0);
    String lastLine = o.stderr().strip().lines().reduce((a, b) -> b).orElse("");
    assertTrue(lastLine.startsWith("talkingstick: could not start:"), o.stderr());
    assertTrue(!o.stderr().contains("\tat "), "no stack trace: " + o.stderr());
  }
}
