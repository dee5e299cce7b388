package app.talkingstick.safety;

import app.talkingstick.config.Config;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Duration;

/**
 * The e-mail that tells someone an alert is waiting, and where. It never holds the words that
 * raised it, who wrote them or anything else about the client: mail is not a private channel.
 */
final class AlertMail {

  private final MailClient client;
  private final Config.Smtp smtp;
  private final String publicUrl;

  AlertMail(Vertx vertx, Config.Smtp smtp, String publicUrl) {
    this.smtp = smtp;
    this.publicUrl = publicUrl;
    MailConfig config = new MailConfig()
        .setHostname(smtp.host())
        .setPort(smtp.port())
        .setSsl(smtp.ssl())
        .setStarttls(smtp.ssl() ? StartTLSOptions.DISABLED
            : smtp.startTlsRequired() ? StartTLSOptions.REQUIRED : StartTLSOptions.OPTIONAL)
        .setKeepAlive(false);
    config.setConnectTimeout(10_000);
    smtp.username().ifPresent(user -> config.setUsername(user).setLogin(LoginOption.REQUIRED));
    smtp.password().ifPresent(config::setPassword);
    this.client = MailClient.create(vertx, config);
  }

  /** One mail to {@code to}. {@code where}: "the group “Thursday Evening Circle”" or "a private conversation". */
  Future<Void> send(String to, String where, Duration waiting) {
    long minutes = Math.max(1, waiting.toMinutes());
    String text = "A possible crisis alert in " + where + " has not been acknowledged for " + minutes
        + (minutes == 1 ? " minute" : " minutes") + ".\n\n"
        + "Please open TalkingStick and look at it now:\n" + publicUrl + "/#/escalations\n\n"
        + "This e-mail says only that an alert is waiting. What was written, and by whom, is in TalkingStick.\n";
    MailMessage message = new MailMessage()
        .setFrom(smtp.from())
        .setTo(to)
        .setSubject("TalkingStick: an alert is waiting for you")
        .setText(text);
    return client.sendMail(message).mapEmpty();
  }

  Future<Void> close() {
    return client.close();
  }
}
