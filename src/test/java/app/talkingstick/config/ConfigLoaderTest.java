package app.talkingstick.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  private static Config load(Map<String, String> env) {
    return ConfigLoader.fromEnvironment(env, false);
  }

  private static String problem(Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> load(env)).getMessage();
  }

  @Test
  void defaultsMatchTheOperationsContract() {
    Config c = load(Map.of());
    assertEquals(8080, c.port());
    assertTrue(c.moderatesAndStores(), "the product screens and stores unless TS_PROFILE=bare");
    assertEquals(5, c.floodBurst());
    assertEquals(java.time.Duration.ofSeconds(4), c.floodRefill());
    assertTrue(c.dataDir().endsWith("data"));
    assertTrue(c.databaseUrl().isEmpty());
    assertTrue(c.sameOriginOnly());
    assertTrue(c.admin().isEmpty());
    assertEquals(Duration.ofMinutes(15), c.accessTokenTtl());
    assertEquals(Duration.ofSeconds(30), c.wsTicketTtl());
    assertFalse(c.demo());
    assertEquals(Duration.ofSeconds(3), c.conductWarmup());
    assertEquals(0, c.eventLoops(), "0: one per CPU the process may use");
  }

  @Test
  void readsEveryVariable() {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "9000");
    env.put("DATA_DIR", "/tmp/somewhere");
    env.put("DATABASE_URL", "postgresql://u:p%40ss@db.internal:6543/talk");
    env.put("ALLOWED_ORIGINS", "https://care.example, http://localhost:3000");
    env.put("ADMIN_USERNAME", "root");
    env.put("ADMIN_PASSWORD", "secret secret");
    env.put("DEMO", "yes");
    env.put("CONDUCT_WARMUP_MS", "0");
    env.put("EVENT_LOOPS", "1");
    Config c = load(env);
    assertEquals(9000, c.port());
    assertEquals(Path.of("/tmp/somewhere"), c.dataDir());
    assertEquals("db.internal", c.databaseUrl().orElseThrow().getHost());
    assertEquals(List.of("https://care.example", "http://localhost:3000"), c.allowedOrigins());
    assertEquals("root", c.admin().orElseThrow().username());
    assertFalse(c.admin().orElseThrow().toString().contains("secret"), "password never printed");
    assertTrue(c.demo());
    assertTrue(c.conductWarmup().isZero());
    assertEquals(1, c.eventLoops());
  }

  @Test
  void badValuesAreExplainedInOneLine() {
    assertEquals("PORT must be a whole number, got 'eighty'", problem(Map.of("PORT", "eighty")));
    assertEquals("TS_PROFILE must be 'product' or 'bare' (benchmarks only), not 'fast'",
        problem(Map.of("TS_PROFILE", "fast")));
    assertEquals("FLOOD_REFILL_MS must be between 50 and 3600000, got 10", problem(Map.of("FLOOD_REFILL_MS", "10")));
    assertEquals("PORT must be between 0 and 65535, got 70000", problem(Map.of("PORT", "70000")));
    assertEquals("CONDUCT_WARMUP_MS must be between 0 and 60000, got -1", problem(Map.of("CONDUCT_WARMUP_MS", "-1")));
    assertTrue(problem(Map.of("DATABASE_URL", "mysql://x/y")).startsWith("DATABASE_URL must look like"));
    assertTrue(problem(Map.of("DATABASE_URL", "postgresql://host-without-db")).startsWith("DATABASE_URL must look like"));
    assertTrue(problem(Map.of("ALLOWED_ORIGINS", "https://ok.example/path")).contains("no path"));
    assertEquals("ADMIN_USERNAME and ADMIN_PASSWORD must be set together", problem(Map.of("ADMIN_USERNAME", "root")));
    assertEquals("JWT_PRIVATE_KEY_FILE and JWT_PUBLIC_KEY_FILE must be set together", problem(Map.of("JWT_PUBLIC_KEY_FILE", "/k.pem")));
    assertEquals("DEMO must be true or false, got 'maybe'", problem(Map.of("DEMO", "maybe")));
    for (String message : List.of(problem(Map.of("PORT", "x")), problem(Map.of("ACCESS_TOKEN_TTL_SECONDS", "0")))) {
      assertFalse(message.contains("\n"));
    }
  }

  @Test
  void aConfigFileIsLayeredUnderTheEnvironment() throws Exception {
    Path file = Files.createTempFile("talkingstick", ".json");
    Files.writeString(file, "{\"PORT\": 7000, \"DEMO\": true, \"JWT_ISSUER\": \"clinic\"}");
    Config c = load(Map.of("CONFIG_FILE", file.toString(), "PORT", "7001"));
    assertEquals(7001, c.port());
    assertTrue(c.demo());
    assertEquals("clinic", c.jwtIssuer());
    Files.writeString(file, "not json");
    assertTrue(problem(Map.of("CONFIG_FILE", file.toString())).contains("is not a JSON object"));
  }
}
