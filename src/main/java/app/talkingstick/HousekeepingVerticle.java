package app.talkingstick;

import app.talkingstick.auth.AuthService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes expired tickets and old sign-in failures now and then. */
public final class HousekeepingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HousekeepingVerticle.class);
  private static final long PERIOD_MS = 5 * 60_000;

  private final AuthService auth;

  public HousekeepingVerticle(AuthService auth) {
    this.auth = auth;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(PERIOD_MS, id -> auth.purgeExpired()
        .onFailure(err -> LOG.warn("Housekeeping skipped: {}", err.getClass().getSimpleName())));
    return Future.succeededFuture();
  }
}
