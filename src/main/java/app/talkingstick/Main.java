package app.talkingstick;

import app.talkingstick.config.Config;
import app.talkingstick.config.ConfigException;
import app.talkingstick.config.ConfigLoader;
import java.net.BindException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar talkingstick.jar [--demo]}: configuration from the environment (see docs/operations.md);
 * {@code java -jar talkingstick.jar screen}: the conduct policy on lines from standard input ({@link ScreenCommand}).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    List<String> flags = List.of(args);
    if (flags.contains("--help") || flags.contains("-h")) {
      System.err.println("usage: java -jar talkingstick.jar [--demo]   (settings: see docs/operations.md)");
      System.err.println("       java -jar talkingstick.jar screen [--kind group|channel] < lines.txt");
      return;
    }
    if (!flags.isEmpty() && "screen".equals(flags.get(0))) {
      System.setProperty("LOG_LEVEL", "ERROR"); // standard output carries the answers, one JSON object a line
      try {
        System.exit(ScreenCommand.run(args, System.in, System.out, System.err));
      } catch (java.io.IOException e) {
        System.err.println("talkingstick screen: " + e.getMessage());
        System.exit(1);
      }
      return;
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    Config config;
    try {
      config = ConfigLoader.fromEnvironment(System.getenv(), flags.contains("--demo"));
    } catch (ConfigException e) {
      System.err.println("talkingstick: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    TalkingStick server;
    try {
      server = TalkingStick.start(config);
    } catch (RuntimeException e) {
      boolean badConfig = causeOf(e, ConfigException.class) != null;
      System.err.println("talkingstick: " + (badConfig ? "configuration error: " : "could not start: ") + explain(e, config));
      System.exit(badConfig ? 2 : 1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    log.info("TalkingStick is listening on http://localhost:{}", server.port());
  }

  private static Throwable causeOf(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) return t;
      if (t.getCause() == t) break;
    }
    return null;
  }

  private static String explain(Throwable e, Config config) {
    Throwable badSetting = causeOf(e, ConfigException.class);
    if (badSetting != null) return badSetting.getMessage();
    if (causeOf(e, BindException.class) != null) {
      return "port " + config.port() + " is already in use (set PORT to another one)";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
