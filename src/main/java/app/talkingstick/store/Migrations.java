package app.talkingstick.store;

import org.flywaydb.core.Flyway;

/** Brings the schema up to date with the Flyway scripts in {@code db/migration}. */
public final class Migrations {
  private Migrations() {}

  public static void apply(DatabaseTarget target) {
    Flyway.configure()
        .dataSource(target.jdbcUrl(), target.user(), target.password())
        .locations("classpath:db/migration")
        .connectRetries(5)
        .load()
        .migrate();
  }
}
