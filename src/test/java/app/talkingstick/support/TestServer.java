package app.talkingstick.support;

import app.talkingstick.TalkingStick;
import app.talkingstick.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real TalkingStick on a random port, with its own fresh database and key directory. */
public final class TestServer implements AutoCloseable {

  public static final String ADMIN_USERNAME = "admin";
  public static final String ADMIN_PASSWORD = "root-secret-password";

  private final TalkingStick server;

  private TestServer(TalkingStick server) {
    this.server = server;
  }

  /** Starts with the defaults a test wants; {@code overrides} are environment variables. */
  public static TestServer start(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("HOST", "127.0.0.1");
    env.put("DATA_DIR", tempDir().toString());
    env.put("DATABASE_URL", TestDatabase.freshDatabaseUrl().toString());
    env.put("ADMIN_USERNAME", ADMIN_USERNAME);
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("CONDUCT_WARMUP_MS", "0"); // a test server takes little load; its start-up time adds up over the suite
    env.put("REGISTRATIONS_PER_ADDRESS_PER_HOUR", "1000000"); // every test account registers from 127.0.0.1
    env.putAll(overrides);
    env.values().removeIf(v -> v == null || v.isEmpty());
    return new TestServer(TalkingStick.start(ConfigLoader.fromEnvironment(env, false)));
  }

  public static TestServer start() {
    return start(Map.of());
  }

  public static Path tempDir() {
    try {
      return Files.createTempDirectory("talkingstick-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TalkingStick server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  public String origin() {
    return "http://127.0.0.1:" + port();
  }

  /** Runs SQL against the server's own database (to age a ticket, read a raw row, ...). */
  public io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> sql(String statement) {
    return server.services().pool().query(statement).execute()
        .timeout(10, java.util.concurrent.TimeUnit.SECONDS).await();
  }

  @Override
  public void close() {
    server.close();
  }
}
