package app.talkingstick.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the server is configured with, validated. Built by {@link ConfigLoader}. */
public record Config(
    String host,
    int port,
    Path dataDir,
    Optional<URI> databaseUrl,
    List<String> allowedOrigins,
    Optional<AdminAccount> admin,
    Optional<JwtKeyFiles> jwtKeyFiles,
    String jwtIssuer,
    String jwtAudience,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    Duration wsTicketTtl,
    int maxSocketsPerUser,
    int maxDbConnections,
    Duration roomIdle,
    boolean demo,
    Optional<Path> channelKeyFile,
    Profile profile,
    int floodBurst,
    Duration floodRefill,
    Duration groupCommitGap,
    Duration conductWarmup,
    int eventLoops,
    Alerts alerts,
    // sign-in and registration limits (auth)
    int registrationsPerAddressPerHour,
    ConnectionLimits connections,
    SocketLimits sockets,
    // reverse proxies whose X-Forwarded-For names the client for the per-address limits (TRUSTED_PROXIES)
    TrustedProxies trustedProxies) {

  /**
   * PRODUCT is the server as shipped. BARE turns moderation (conduct and crisis detection) and
   * persistence of messages off, to measure what they cost: for benchmarks only, never for people.
   */
  public enum Profile { PRODUCT, BARE }

  /** Whether messages are screened and stored: false only in the benchmark's BARE profile. */
  public boolean moderatesAndStores() {
    return profile == Profile.PRODUCT;
  }

  /** {@code email}: where escalation reminders go (empty: none). */
  public record AdminAccount(String username, String password, Optional<String> email) {
    @Override
    public String toString() {
      return "AdminAccount[username=" + username + ", password=***]";
    }
  }

  /**
   * Crisis alerts: an escalation nobody acknowledges within {@code ackWithin} is sent again, to more
   * people, and e-mailed when {@code smtp} is set; links in those mails start with {@code publicUrl}.
   */
  public record Alerts(Duration ackWithin, Optional<Smtp> smtp, String publicUrl) {}

  /** An SMTP server to send through ({@code SMTP_URL}); the password never appears in {@link #toString}. */
  public record Smtp(String host, int port, boolean ssl, boolean startTlsRequired, Optional<String> username,
                     Optional<String> password, String from) {
    @Override
    public String toString() {
      return "Smtp[" + host + ":" + port + (ssl ? ", ssl" : "") + "]";
    }
  }

  /**
   * Bounds on what one connection or one client address may hold (docs/operations.md): an HTTP connection that
   * says nothing for {@code httpIdle} (zero: never), or has not finished its request's headers within
   * {@code headerTimeout} of connecting, is closed; one address may hold {@code maxPerAddress} connections at once
   * (zero: no cap).
   */
  public record ConnectionLimits(Duration httpIdle, Duration headerTimeout, int maxPerAddress) {
    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(Duration.ofSeconds(120), Duration.ofSeconds(10), 200);
  }

  /**
   * Bounds on one event bus socket (docs/operations.md): it may send {@code framesPerSecond} frames a second after a
   * burst of {@code frameBurst}, valid or not; the server may hold at most {@code maxQueuedBytes} written to it that its
   * client has not taken yet, and all sockets of the process together {@code totalQueuedBytes} (zero: a quarter of the
   * heap).
   */
  public record SocketLimits(int framesPerSecond, int frameBurst, int maxQueuedBytes, long totalQueuedBytes) {
    public static final SocketLimits DEFAULTS = new SocketLimits(50, 100, 1024 * 1024, 0);
  }

  public record JwtKeyFiles(Path privateKeyPem, Path publicKeyPem) {}

  /** With no allowlist configured, only the server's own origin may open a socket. */
  public boolean sameOriginOnly() {
    return allowedOrigins.isEmpty();
  }
}
