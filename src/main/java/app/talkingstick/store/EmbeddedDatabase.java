package app.talkingstick.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started by this process, its data kept under {@code dataDir/postgres}
 * so that a restart keeps everything.
 *
 * <p>Supervised: a PostgreSQL left running on the data directory by a server killed with -9 is stopped before this
 * one starts ({@link StalePostmaster}), and a daemon thread checks every second that the postmaster still runs and
 * starts it again on the same port when it died (the connection pool opens new connections by itself).
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

  /** How often the supervisor checks that the postmaster still runs. */
  static final long CHECK_MILLIS = 1_000;

  private final Path dataDir;
  private final int port;
  private final ScheduledExecutorService supervisor;
  private EmbeddedPostgres postgres;
  /** The running postmaster; null while stopped. */
  private ProcessHandle postmaster;
  /** Whether it should run: false after {@link #stop()}, true after {@link #restart()}. */
  private boolean wanted = true;
  /** Set after a failed restart, so that each outage logs its failure once. */
  private boolean restartFailing;

  private EmbeddedDatabase(Path dataDir, EmbeddedPostgres running) {
    this.dataDir = dataDir;
    this.postgres = running;
    this.port = running.getPort();
    this.postmaster = postmasterOf(dataDir).orElse(null);
    this.supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "embedded-postgres-supervisor");
      thread.setDaemon(true);
      return thread;
    });
    supervisor.scheduleWithFixedDelay(this::superviseQuietly, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts the server on a free port, or on the given one when it is not 0, after stopping a PostgreSQL that an
   * earlier server left running on the same data directory.
   */
  public static EmbeddedDatabase start(Path dataDir, int port) {
    return new EmbeddedDatabase(dataDir, launch(dataDir, port));
  }

  private static Optional<ProcessHandle> postmasterOf(Path dataDir) {
    return PostmasterPid.read(dataDir.resolve("postgres")).flatMap(recorded -> ProcessHandle.of(recorded.pid()));
  }

  private void superviseQuietly() {
    try {
      supervise();
    } catch (RuntimeException e) { // never let the schedule die: the next check tries again
      LOG.warn("Embedded PostgreSQL supervisor: {}", e.toString());
    }
  }

  /** Starts the postmaster again when it should run and does not. */
  synchronized void supervise() {
    if (!wanted) return;
    if (postgres != null && postmaster != null && postmaster.isAlive()) return;
    if (postgres != null) {
      closeQuietly(postgres); // releases its lock on the data directory; its pg_ctl stop finds nothing to stop
      postgres = null;
      postmaster = null;
    }
    long started = System.nanoTime();
    try {
      postgres = launch(dataDir, port);
      postmaster = postmasterOf(dataDir).orElse(null);
      restartFailing = false;
      LOG.warn("Embedded PostgreSQL had stopped unexpectedly; restarted on 127.0.0.1:{} in {} ms", port,
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      if (!restartFailing) LOG.warn("Embedded PostgreSQL had stopped unexpectedly and could not restart yet: {}",
          e.getMessage());
      restartFailing = true;
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing the stopped embedded PostgreSQL: {}", e.toString());
    }
  }

  private static EmbeddedPostgres launch(Path dataDir, int requestedPort) {
    Path pgData = dataDir.resolve("postgres");
    Path work = dataDir.resolve("postgres-bin");
    try {
      Files.createDirectories(pgData);
      Files.createDirectories(work);
      StalePostmaster.stopIfLeftRunning(pgData);
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
    wanted = false;
    if (postgres == null) return;
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      postgres = null;
      postmaster = null;
    }
  }

  public synchronized void restart() {
    wanted = true;
    restartFailing = false;
    if (postgres == null) {
      postgres = launch(dataDir, port);
      postmaster = postmasterOf(dataDir).orElse(null);
    }
  }

  /** Stops supervising, then stops the server. */
  @Override
  public void close() {
    supervisor.shutdownNow();
    stop();
  }
}
