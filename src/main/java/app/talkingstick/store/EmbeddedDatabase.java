package app.talkingstick.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started by this process, its data kept under {@code dataDir/postgres}
 * so that a restart keeps everything.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /**
   * PostgreSQL zero-fills each new WAL segment while every commit waits for it, and a fresh database creates a
   * new one for all its WAL until checkpoints start recycling old ones. At 2,000 messages/s a 16 MB segment (the
   * default) came every 10–12 s and held commits for 50–90 ms even in memory; 1 MB ones cost a sixteenth each.
   * Read by initdb only: a data directory keeps the size it was made with.
   */
  private static final String WAL_SEGMENT_MB = "1";

  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres postgres;

  private EmbeddedDatabase(Path dataDir, EmbeddedPostgres running) {
    this.dataDir = dataDir;
    this.postgres = running;
    this.port = running.getPort();
  }

  /** Starts the server on a free port, or on the given one when it is not 0. */
  public static EmbeddedDatabase start(Path dataDir, int port) {
    return new EmbeddedDatabase(dataDir, launch(dataDir, port));
  }

  private static EmbeddedPostgres launch(Path dataDir, int requestedPort) {
    Path pgData = dataDir.resolve("postgres");
    Path work = dataDir.resolve("postgres-bin");
    try {
      Files.createDirectories(pgData);
      Files.createDirectories(work);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(work.toFile())
          .setLocaleConfig("wal-segsize", WAL_SEGMENT_MB) // zonky passes every "locale" entry to initdb as --key=value
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("fsync", "on")
          .setServerConfig("max_connections", "200")
          .setServerConfig("listen_addresses", "127.0.0.1");
      if (requestedPort != 0) builder.setPort(requestedPort);
      EmbeddedPostgres started = builder.start();
      LOG.info("Embedded PostgreSQL running on 127.0.0.1:{} with data in {}", started.getPort(), pgData);
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL could not start: " + e.getMessage(), e);
    }
  }

  public DatabaseTarget target() {
    return new DatabaseTarget("127.0.0.1", port, "postgres", "postgres", "postgres");
  }

  /** Stops the server; {@link #restart()} brings it back on the same port with the same data. */
  public synchronized void stop() {
    if (postgres == null) return;
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      postgres = null;
    }
  }

  public synchronized void restart() {
    if (postgres == null) postgres = launch(dataDir, port);
  }

  @Override
  public void close() {
    stop();
  }
}
