package app.talkingstick.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what the server logs, formatted exactly as the console appender of {@code logback.xml}
 * prints it (its own encoder), from the moment it is made until it is closed.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Encoder<ILoggingEvent> encoder;
  private final StringBuffer text = new StringBuffer();
  private final List<ILoggingEvent> events = new ArrayList<>();

  LogCapture() {
    @SuppressWarnings("unchecked")
    OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT");
    encoder = console.getEncoder();
    setContext(root.getLoggerContext());
    setName("capture");
    start();
    root.addAppender(this);
  }

  @Override
  protected void append(ILoggingEvent event) {
    synchronized (events) {
      events.add(event);
    }
    text.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
  }

  String text() {
    return text.toString();
  }

  /** The printed lines, stack trace lines included. */
  List<String> lines() {
    String all = text();
    return all.isEmpty() ? List.of() : Arrays.asList(all.split("\n"));
  }

  List<ILoggingEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
