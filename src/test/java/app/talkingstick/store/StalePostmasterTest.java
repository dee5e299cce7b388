package app.talkingstick.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which process is a postmaster of this data directory, and what postmaster.pid says. */
class StalePostmasterTest {

  private static final Path PG_DATA = Path.of("/srv/ts/data/postgres");

  private static boolean isOurs(String command, String... args) {
    return StalePostmaster.isPostgresOf(Optional.ofNullable(command), Optional.of(args), PG_DATA);
  }

  @Test
  void aPostgresStartedOnThisDataDirectoryIsOurs() {
    assertTrue(isOurs("/srv/ts/data/postgres-bin/PG-1/bin/postgres", "-D", "/srv/ts/data/postgres", "-p", "41234"));
    assertTrue(isOurs("/x/bin/postgres", "-D", "/srv/ts/data/./postgres/", "-F"), "the same path written otherwise");
  }

  @Test
  void anythingElseIsNot() {
    assertFalse(isOurs("/x/bin/postgres", "-D", "/srv/other/postgres"), "another data directory");
    assertFalse(isOurs("/x/bin/postgres", "-D", "/srv/ts/data/postgres-old"), "a longer name");
    assertFalse(isOurs("/usr/bin/vim", "-D", "/srv/ts/data/postgres"), "another program naming the directory");
    assertFalse(isOurs("/x/bin/postgres", "/srv/ts/data/postgres"), "no -D");
    assertFalse(isOurs("/x/bin/postgres", "-D"), "-D last");
    assertFalse(StalePostmaster.isPostgresOf(Optional.empty(), Optional.empty(), PG_DATA), "unknown (another user's)");
  }

  @Test
  void postmasterPidGivesPidDirectoryAndPort() {
    PostmasterPid pid = PostmasterPid.parse(List.of("12345", "/srv/ts/data/postgres", "1765100000", "41234",
        "/tmp", "127.0.0.1", "  5432001   3", "ready")).orElseThrow();
    assertEquals(new PostmasterPid(12345, "/srv/ts/data/postgres", 41234), pid);
    assertEquals(Optional.empty(), PostmasterPid.parse(List.of("12345", "/srv")), "cut short while written");
    assertEquals(Optional.empty(), PostmasterPid.parse(List.of("x", "/srv", "1", "5432")));
    assertEquals(Optional.empty(), PostmasterPid.parse(List.of("12", "/srv", "1", "70000")));
  }
}
