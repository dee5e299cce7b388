package app.talkingstick.config;

/** A configuration problem, explained in one line a person can act on. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
