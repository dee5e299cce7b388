package app.talkingstick.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real SMTP server on a free port of 127.0.0.1 (GreenMail), for the tests of mail the server sends. */
public final class TestMail implements AutoCloseable {

  /** One received mail: its recipients, subject and plain-text body. */
  public record Mail(List<String> to, String subject, String body) {
    /** Subject and body together, to check what a mail must never contain. */
    public String everything() {
      return subject + "\n" + body;
    }
  }

  private final GreenMail mail;

  private TestMail(GreenMail mail) {
    this.mail = mail;
  }

  public static TestMail start() {
    GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mail.start();
    return new TestMail(mail);
  }

  /** For the server's {@code SMTP_URL}. */
  public String smtpUrl() {
    return "smtp://127.0.0.1:" + mail.getSmtp().getPort();
  }

  /** The mails received so far, once there are at least {@code count} (or when {@code timeout} has passed). */
  public List<Mail> waitForMessages(int count, Duration timeout) {
    mail.waitForIncomingEmail(timeout.toMillis(), count);
    return received();
  }

  public List<Mail> received() {
    List<Mail> all = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      try {
        List<String> to = new ArrayList<>();
        for (Address a : m.getAllRecipients()) to.add(a.toString());
        all.add(new Mail(to, m.getSubject(), GreenMailUtil.getBody(m)));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return all;
  }

  @Override
  public void close() {
    mail.stop();
  }
}
