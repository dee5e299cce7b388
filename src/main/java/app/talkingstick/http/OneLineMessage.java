package app.talkingstick.http;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The {@code %oneLineMsg} of {@code logback.xml}: every log message, the libraries' included, printed
 * as one line through {@link LogSafe#line}. A library that puts what a client sent into its message
 * (the event bus bridge logs an unknown frame {@code type} as it came) cannot forge a second line.
 * Stack traces are printed by {@code %ex}, not here.
 */
public final class OneLineMessage extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return LogSafe.line(event.getFormattedMessage());
  }
}
