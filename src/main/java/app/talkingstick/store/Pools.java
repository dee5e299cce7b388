package app.talkingstick.store;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;

/** The one way this server opens a connection pool: bounded, with timeouts, never waiting forever. */
public final class Pools {
  private Pools() {}

  public static Pool create(Vertx vertx, DatabaseTarget target, int maxSize) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(target.host())
        .setPort(target.port())
        .setDatabase(target.database())
        .setUser(target.user())
        .setPassword(target.password())
        .setCachePreparedStatements(true)
        .setPipeliningLimit(64);
    PoolOptions pool = new PoolOptions()
        .setName("talkingstick")
        .setShared(false)
        .setMaxSize(maxSize)
        .setMaxWaitQueueSize(1_000)
        .setConnectionTimeout(3)
        .setConnectionTimeoutUnit(TimeUnit.SECONDS)
        .setIdleTimeout(5)
        .setIdleTimeoutUnit(TimeUnit.MINUTES)
        .setMaxLifetime(30)
        .setMaxLifetimeUnit(TimeUnit.MINUTES)
        .setPoolCleanerPeriod(10_000);
    return PgBuilder.pool()
        .with(pool)
        .with(new NetClientOptions().setConnectTimeout(2_000).setTcpKeepAlive(true))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }
}
