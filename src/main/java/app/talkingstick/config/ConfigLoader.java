package app.talkingstick.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads configuration from environment variables, optionally layered over a JSON file named by
 * {@code CONFIG_FILE} whose keys are the same names. The environment wins.
 */
public final class ConfigLoader {

  private final Map<String, String> values;

  private ConfigLoader(Map<String, String> values) {
    this.values = values;
  }

  public static Config fromEnvironment(Map<String, String> env, boolean demoFlag) {
    Map<String, String> merged = new HashMap<>();
    String file = env.get("CONFIG_FILE");
    if (file != null && !file.isBlank()) {
      merged.putAll(readJsonFile(Path.of(file)));
    }
    env.forEach((k, v) -> {
      if (v != null && !v.isBlank()) merged.put(k, v);
    });
    if (demoFlag) merged.put("DEMO", "true");
    return new ConfigLoader(merged).build();
  }

  private Config build() {
    Path dataDir = Path.of(text("DATA_DIR", "./data")).toAbsolutePath().normalize();
    return new Config(
        text("HOST", "0.0.0.0"),
        integer("PORT", 8080, 0, 65535),
        dataDir,
        databaseUrl(),
        origins(),
        admin(),
        jwtKeyFiles(),
        text("JWT_ISSUER", "talkingstick"),
        text("JWT_AUDIENCE", "talkingstick"),
        Duration.ofSeconds(integer("ACCESS_TOKEN_TTL_SECONDS", 900, 1, 86_400)),
        Duration.ofDays(integer("REFRESH_TOKEN_TTL_DAYS", 30, 1, 365)),
        Duration.ofSeconds(integer("WS_TICKET_TTL_SECONDS", 30, 1, 300)),
        integer("MAX_SOCKETS_PER_USER", 5, 1, 100),
        integer("DB_POOL_SIZE", 8, 1, 200),
        Duration.ofSeconds(integer("ROOM_IDLE_SECONDS", 300, 1, 86_400)),
        bool("DEMO"),
        Optional.ofNullable(values.get("CHANNEL_KEY_FILE")).map(f -> Path.of(f.trim())),
        profile(),
        integer("FLOOD_BURST", 5, 1, 1_000),
        Duration.ofMillis(integer("FLOOD_REFILL_MS", 4_000, 50, 3_600_000)),
        Duration.ofMillis(integer("GROUP_COMMIT_MS", 5, 0, 100)),
        Duration.ofMillis(integer("CONDUCT_WARMUP_MS", 3000, 0, 60_000)),
        integer("EVENT_LOOPS", 0, 0, 256),
        alerts(),
        // sign-in and registration limits (auth)
        integer("REGISTRATIONS_PER_ADDRESS_PER_HOUR", 20, 1, 1_000_000),
        connectionLimits(),
        socketLimits(),
        trustedProxies());
  }

  /** {@code TRUSTED_PROXIES}: addresses or CIDR blocks, comma-separated; unset: none (X-Forwarded-For is ignored). */
  private TrustedProxies trustedProxies() {
    try {
      return TrustedProxies.parse(values.get("TRUSTED_PROXIES"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("TRUSTED_PROXIES must be comma-separated IP addresses or CIDR blocks"
          + " (like 127.0.0.1, 10.0.0.0/8): " + e.getMessage());
    }
  }

  /** The per-socket bounds of the event bus bridge, documented in docs/operations.md. */
  private Config.SocketLimits socketLimits() {
    Config.SocketLimits d = Config.SocketLimits.DEFAULTS;
    return new Config.SocketLimits(
        integer("SOCKET_MAX_FRAMES_PER_SECOND", d.framesPerSecond(), 1, 100_000),
        integer("SOCKET_FRAME_BURST", d.frameBurst(), 1, 100_000),
        integer("SOCKET_MAX_QUEUED_KB", d.maxQueuedBytes() / 1024, 64, 1024 * 1024) * 1024,
        integer("SOCKET_TOTAL_QUEUED_MB", 0, 0, 1024 * 1024) * 1024L * 1024);
  }

  /** The per-connection and per-address bounds, documented in docs/operations.md. */
  private Config.ConnectionLimits connectionLimits() {
    Config.ConnectionLimits d = Config.ConnectionLimits.DEFAULTS;
    return new Config.ConnectionLimits(
        Duration.ofSeconds(integer("HTTP_IDLE_SECONDS", (int) d.httpIdle().toSeconds(), 0, 86_400)),
        Duration.ofSeconds(integer("HTTP_HEADER_SECONDS", (int) d.headerTimeout().toSeconds(), 1, 600)),
        integer("MAX_CONNECTIONS_PER_ADDRESS", d.maxPerAddress(), 0, 1_000_000));
  }

  private Config.Alerts alerts() {
    int port = integer("PORT", 8080, 0, 65535);
    String publicUrl = text("PUBLIC_URL", "http://localhost:" + port).replaceAll("/+$", "");
    if (!publicUrl.matches("https?://[^\\s]+")) {
      throw new ConfigException("PUBLIC_URL must be the address people open, like https://talk.example.org");
    }
    return new Config.Alerts(Duration.ofSeconds(integer("ESCALATION_ACK_SECONDS", 300, 1, 86_400)), smtp(), publicUrl);
  }

  /** {@code SMTP_URL}: smtp://[user:password@]host[:port] (STARTTLS when offered), smtps://... (TLS), ?starttls=required. */
  private Optional<Config.Smtp> smtp() {
    String raw = values.get("SMTP_URL");
    if (raw == null) return Optional.empty();
    String problem = "SMTP_URL must look like smtp://user:password@mail.example.org:587 or smtps://mail.example.org:465";
    try {
      URI uri = new URI(raw.trim());
      boolean ssl = "smtps".equals(uri.getScheme());
      if (!ssl && !"smtp".equals(uri.getScheme()) || uri.getHost() == null) throw new ConfigException(problem);
      int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 465 : 587;
      Optional<String> user = Optional.empty();
      Optional<String> password = Optional.empty();
      if (uri.getUserInfo() != null) {
        String[] parts = uri.getUserInfo().split(":", 2);
        user = Optional.of(parts[0]);
        password = parts.length == 2 ? Optional.of(parts[1]) : Optional.empty();
      }
      boolean startTlsRequired = "starttls=required".equals(uri.getQuery());
      String from = text("SMTP_FROM", "TalkingStick <alerts@" + uri.getHost() + ">");
      return Optional.of(new Config.Smtp(uri.getHost(), port, ssl, startTlsRequired, user, password, from));
    } catch (URISyntaxException e) {
      throw new ConfigException(problem);
    }
  }

  private Config.Profile profile() {
    String value = text("TS_PROFILE", "product");
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "", "product" -> Config.Profile.PRODUCT;
      case "bare" -> Config.Profile.BARE;
      default -> throw new ConfigException("TS_PROFILE must be 'product' or 'bare' (benchmarks only), not '" + value + "'");
    };
  }

  private static Map<String, String> readJsonFile(Path path) {
    try {
      JsonObject json = new JsonObject(Files.readString(path));
      Map<String, String> map = new HashMap<>();
      json.forEach(e -> map.put(e.getKey(), String.valueOf(e.getValue())));
      return map;
    } catch (IOException e) {
      throw new ConfigException("CONFIG_FILE " + path + " cannot be read: " + e.getMessage());
    } catch (DecodeException e) {
      throw new ConfigException("CONFIG_FILE " + path + " is not a JSON object");
    }
  }

  private String text(String key, String fallback) {
    return values.getOrDefault(key, fallback).trim();
  }

  private int integer(String key, int fallback, int min, int max) {
    String raw = values.get(key);
    if (raw == null) return fallback;
    try {
      int value = Integer.parseInt(raw.trim());
      if (value < min || value > max) {
        throw new ConfigException(key + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, got '" + raw + "'");
    }
  }

  private boolean bool(String key) {
    String raw = values.getOrDefault(key, "false").trim().toLowerCase();
    return switch (raw) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new ConfigException(key + " must be true or false, got '" + raw + "'");
    };
  }

  private Optional<URI> databaseUrl() {
    String raw = values.get("DATABASE_URL");
    if (raw == null) return Optional.empty();
    try {
      URI uri = new URI(raw.trim());
      boolean postgresScheme = "postgresql".equals(uri.getScheme()) || "postgres".equals(uri.getScheme());
      if (!postgresScheme || uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
        throw new ConfigException(
            "DATABASE_URL must look like postgresql://user:password@host:5432/database");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw new ConfigException(
          "DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database");
    }
  }

  private List<String> origins() {
    String raw = values.get("ALLOWED_ORIGINS");
    if (raw == null) return List.of();
    List<String> origins = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String origin : origins) {
      if (!origin.matches("https?://[^/\\s]+")) {
        throw new ConfigException(
            "ALLOWED_ORIGINS entries must be scheme://host[:port] with no path, got '" + origin + "'");
      }
    }
    return origins;
  }

  private Optional<Config.AdminAccount> admin() {
    String user = values.get("ADMIN_USERNAME");
    String password = values.get("ADMIN_PASSWORD");
    if (user == null && password == null) return Optional.empty();
    if (user == null || password == null) {
      throw new ConfigException("ADMIN_USERNAME and ADMIN_PASSWORD must be set together");
    }
    String email = values.get("ADMIN_EMAIL");
    return Optional.of(new Config.AdminAccount(user.trim(), password, Optional.ofNullable(email).map(String::trim)));
  }

  private Optional<Config.JwtKeyFiles> jwtKeyFiles() {
    String privateKey = values.get("JWT_PRIVATE_KEY_FILE");
    String publicKey = values.get("JWT_PUBLIC_KEY_FILE");
    if (privateKey == null && publicKey == null) return Optional.empty();
    if (privateKey == null || publicKey == null) {
      throw new ConfigException("JWT_PRIVATE_KEY_FILE and JWT_PUBLIC_KEY_FILE must be set together");
    }
    return Optional.of(new Config.JwtKeyFiles(Path.of(privateKey.trim()), Path.of(publicKey.trim())));
  }
}
