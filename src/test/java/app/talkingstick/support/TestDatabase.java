package app.talkingstick.support;

import app.talkingstick.store.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL for the whole test run (the same server the product embeds);
 * every test server gets a fresh, empty database in it.
 */
public final class TestDatabase {
  private TestDatabase() {}

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedDatabase shared;

  private static synchronized EmbeddedDatabase shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("talkingstick-test-pg");
        shared = EmbeddedDatabase.start(dir, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** Creates an empty database and returns its postgresql:// URL. */
  public static URI freshDatabaseUrl() {
    var target = shared().target();
    String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database", e);
    }
    return URI.create("postgresql://" + target.user() + ":" + target.password() + "@" + target.host() + ":"
        + target.port() + "/" + name);
  }
}
