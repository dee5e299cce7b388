package app.talkingstick.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a running PostgreSQL records in {@code postmaster.pid} in its data directory: its process id (line 1), the
 * data directory (line 2) and its port (line 4).
 */
public record PostmasterPid(long pid, String dataDirectory, int port) {

  public static final String FILE = "postmaster.pid";

  /** The file's lines, or empty when they do not hold a pid and a port (a file being written, or not one of these). */
  public static Optional<PostmasterPid> parse(List<String> lines) {
    if (lines.size() < 4) return Optional.empty();
    try {
      long pid = Long.parseLong(lines.get(0).trim());
      int port = Integer.parseInt(lines.get(3).trim());
      if (pid <= 0 || port <= 0 || port > 65_535) return Optional.empty();
      return Optional.of(new PostmasterPid(pid, lines.get(1).trim(), port));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Reads {@code pgData/postmaster.pid}; empty when there is none or it cannot be read. */
  public static Optional<PostmasterPid> read(Path pgData) {
    try {
      return parse(Files.readAllLines(pgData.resolve(FILE)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
