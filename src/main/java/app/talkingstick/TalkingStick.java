package app.talkingstick;

import app.talkingstick.auth.AccessTokens;
import app.talkingstick.auth.AuthService;
import app.talkingstick.auth.JwtKeys;
import app.talkingstick.auth.PasswordHasher;
import app.talkingstick.auth.RefreshTokenStore;
import app.talkingstick.auth.TicketStore;
import app.talkingstick.bridge.AddressRules;
import app.talkingstick.bridge.Inbox;
import app.talkingstick.bridge.UserAddresses;
import app.talkingstick.channel.ChannelAccess;
import app.talkingstick.channel.ChannelCipher;
import app.talkingstick.channel.ChannelKeys;
import app.talkingstick.channel.ChannelService;
import app.talkingstick.channel.ChannelVerticle;
import app.talkingstick.conduct.ConductPolicy;
import app.talkingstick.conduct.ConductWarmup;
import app.talkingstick.conduct.CrisisClassifier;
import app.talkingstick.conduct.SemanticLayer;
import app.talkingstick.config.Config;
import app.talkingstick.config.ConfigException;
import app.talkingstick.conversation.Screening;
import app.talkingstick.safety.EscalationWatchVerticle;
import app.talkingstick.http.ApiError;
import app.talkingstick.demo.DemoSeeder;
import app.talkingstick.group.GroupAccess;
import app.talkingstick.group.GroupMessageStore;
import app.talkingstick.group.GroupMessageWriter;
import app.talkingstick.group.MembershipStore;
import app.talkingstick.group.FacilitatorVerticle;
import app.talkingstick.live.LiveDirectoryVerticle;
import java.util.Map;
import app.talkingstick.group.RoomNotifier;
import app.talkingstick.http.HttpServerVerticle;
import app.talkingstick.store.DatabaseTarget;
import app.talkingstick.store.EmbeddedDatabase;
import app.talkingstick.store.Migrations;
import app.talkingstick.store.Pools;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server: its database (embedded or external), its Vert.x instance and verticles.
 * {@link Main} runs one; tests run many, each on a random port.
 */
public final class TalkingStick implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TalkingStick.class);

  private final Config config;
  private final Optional<EmbeddedDatabase> embedded;
  private final Vertx vertx;
  private final Services services;
  private final int port;

  private TalkingStick(Config config, Optional<EmbeddedDatabase> embedded, Vertx vertx, Services services, int port) {
    this.config = config;
    this.embedded = embedded;
    this.vertx = vertx;
    this.services = services;
    this.port = port;
  }

  /** Starts everything and blocks until the server accepts work. Call from a non-event-loop thread. */
  public static TalkingStick start(Config config) {
    nativeLibrariesUnder(config.dataDir());
    JwtKeys keys = JwtKeys.load(config);
    ChannelCipher channelCipher = ChannelKeys.load(config);
    Optional<EmbeddedDatabase> embedded = config.databaseUrl().isPresent()
        ? Optional.empty()
        : Optional.of(EmbeddedDatabase.start(config.dataDir(), 0));
    Vertx vertx = null;
    try {
      DatabaseTarget target = config.databaseUrl().map(DatabaseTarget::fromUrl)
          .orElseGet(() -> embedded.get().target());
      Migrations.apply(target);
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      vertx = Vertx.builder()
          .with(vertxOptions(config))
          .withMetrics(new MicrometerMetricsFactory(metrics))
          .build();
      Services services = assemble(config, vertx, Pools.create(vertx, target, config.maxDbConnections()), metrics, keys,
          channelCipher);
      bootstrapAccounts(vertx, config, services).await();
      sealPlaintextAtRest(services);
      if (!config.moderatesAndStores()) {
        LOG.warn("TS_PROFILE=bare: group messages are neither screened nor stored. For benchmarks only.");
      }
      CrisisClassifier.bundled(); // trains in about a second: here, not on the event loop of the first message
      warmUpConduct(config);
      vertx.deployVerticle(new HousekeepingVerticle(services.auth())).await();
      vertx.deployVerticle(services.groupMessages()).await();
      if (config.moderatesAndStores()) vertx.deployVerticle(new EscalationWatchVerticle(services)).await();
      vertx.deployVerticle(new LiveDirectoryVerticle(Map.of(
          FacilitatorVerticle.KIND, groupId -> new FacilitatorVerticle(groupId, services),
          ChannelVerticle.KIND, channelId -> new ChannelVerticle(channelId, services)))).await();
      HttpServerVerticle http = new HttpServerVerticle(services);
      vertx.deployVerticle(http).await();
      return new TalkingStick(config, embedded, vertx, services, http.actualPort());
    } catch (Exception e) { // await() rethrows checked failures (a port in use) as they are
      if (vertx != null) vertx.close().await();
      embedded.ifPresent(EmbeddedDatabase::close);
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * A one-off after V9: rows written before it held group messages, escalation notes, mute reasons and
   * audit reasons in the clear; they are sealed here in batches (a start that finds none does nothing).
   * audit_log's trigger allows this one update since V10.
   */
  private static void sealPlaintextAtRest(Services services) {
    int batch = 500;
    long messages = GroupMessageStore.sealPlaintext(services.pool(), services.channelCipher(), batch).await();
    long notes = app.talkingstick.safety.EscalationStore.sealPlaintext(services.pool(), services.channelCipher(), batch).await();
    long reasons = app.talkingstick.safety.ModerationStore.sealPlaintext(services.pool(), services.channelCipher(), batch).await();
    long audit = app.talkingstick.audit.AuditLog.sealPlaintext(services.pool(), services.channelCipher(), batch).await();
    if (messages + notes + reasons + audit > 0) {
      LOG.info("Sealed what was stored in the clear: {} group message(s), {} escalation note(s), {} mute reason(s),"
          + " {} audit reason(s)", messages, notes, reasons, audit);
    }
  }

  private static Services assemble(Config config, Vertx vertx, Pool pool, PrometheusMeterRegistry metrics, JwtKeys keys,
                                   ChannelCipher channelCipher) {
    AccessTokens accessTokens = new AccessTokens(vertx, keys, config);
    TicketStore tickets = new TicketStore(pool, config.wsTicketTtl());
    AuthService auth = new AuthService(vertx, pool, accessTokens, new RefreshTokenStore(config.refreshTokenTtl()),
        tickets, PasswordHasher.standard(), config.registrationsPerAddressPerHour());
    AddressRules rules = new AddressRules()
        .allowRegister(UserAddresses.INBOX_RE, (socket, address) ->
            Future.succeededFuture(socket.accountId().equals(UUID.fromString(address.group(1)))));
    MembershipStore memberships = new MembershipStore(pool);
    new GroupAccess(vertx, memberships).install(rules);
    new ChannelAccess(vertx, pool).install(rules);
    Inbox inbox = new Inbox(vertx);
    return new Services(config, pool, metrics, accessTokens, tickets, auth, inbox, rules,
        memberships, new RoomNotifier(vertx), channelCipher,
        new GroupMessageWriter(new GroupMessageStore(pool), config.groupCommitGap()), Screening.bundled(vertx),
        new ChannelService(pool, inbox, channelCipher).privateLines());
  }

  /**
   * One event loop per CPU the process may use unless EVENT_LOOPS says otherwise (Vert.x's own default is two per
   * CPU): nothing blocks an event loop here, so a second loop per CPU only adds hand-offs between threads on it.
   */
  private static VertxOptions vertxOptions(Config config) {
    int loops = config.eventLoops() > 0 ? config.eventLoops() : Runtime.getRuntime().availableProcessors();
    return new VertxOptions()
        .setEventLoopPoolSize(loops)
        .setMetricsOptions(new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
  }

  /**
   * Compiles the conduct policy, then loads and compiles the learned screening, before the first connection
   * (CONDUCT_WARMUP_MS each, 0 to skip).
   */
  private static void warmUpConduct(Config config) {
    if (!config.moderatesAndStores() || config.conductWarmup().isZero()) {
      return;
    }
    long start = System.nanoTime();
    int messages = ConductWarmup.run(ConductPolicy.defaults(), config.conductWarmup(), System::nanoTime);
    LOG.info("Conduct warm-up: {} sample messages screened in {} ms", messages, (System.nanoTime() - start) / 1_000_000);
    start = System.nanoTime();
    int texts = ConductWarmup.screen(SemanticLayer.bundled(), Screening.MAX_BATCH, config.conductWarmup(), System::nanoTime);
    LOG.info("Screening warm-up: {} sample texts screened by both layers in {} ms", texts, (System.nanoTime() - start) / 1_000_000);
  }

  private static Future<Void> bootstrapAccounts(Vertx vertx, Config config, Services services) {
    Future<Void> admin = config.admin()
        .map(a -> services.auth().ensureAdmin(a.username(), a.password(), a.email()).recover(err -> Future.failedFuture(
            err instanceof ApiError api && api.status() == 400
                ? new ConfigException("ADMIN_USERNAME/ADMIN_PASSWORD: " + api.getMessage())
                : err)))
        .orElse(Future.succeededFuture());
    return config.demo() ? admin.compose(v -> new DemoSeeder(vertx, services).seed()) : admin;
  }

  /**
   * The tokenizer library unpacks its native code into a cache, by default in the home directory,
   * which a service account may not be able to write (the Docker image's cannot): under DATA_DIR
   * instead, unless DJL_CACHE_DIR says otherwise.
   */
  private static void nativeLibrariesUnder(java.nio.file.Path dataDir) {
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", dataDir.resolve("cache").resolve("djl").toString());
    }
  }

  public int port() {
    return port;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Services services() {
    return services;
  }

  public Config config() {
    return config;
  }

  /** The embedded database, when this server runs one (tests stop and restart it). */
  public Optional<EmbeddedDatabase> embeddedDatabase() {
    return embedded;
  }

  /** Stops accepting, lets verticles finish their writes, closes the pool, then stops the embedded database. */
  @Override
  public void close() {
    LOG.info("Shutting down");
    try {
      vertx.close().await();
    } finally {
      embedded.ifPresent(EmbeddedDatabase::close);
    }
  }
}
