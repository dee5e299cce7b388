package app.talkingstick.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.GroupFixtures;
import app.talkingstick.support.TestMail;
import app.talkingstick.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * An alert nobody acknowledges in time (ESCALATION_ACK_SECONDS=2) reaches the group's second
 * therapist and the admin in their browsers, and goes out by e-mail without the client's words
 * or name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrisisEscalationWebTest {

  private TestMail mail;
  private TestServer server;
  private Api api;
  private Session firstTherapist;
  private Session secondTherapist;
  private Session riverAccount;
  private UUID groupId;
  private Browser second;
  private Browser admin;
  private Browser river;

  @BeforeAll
  void start() {
    mail = TestMail.start();
    server = TestServer.start(Map.of("ESCALATION_ACK_SECONDS", "2", "SMTP_URL", mail.smtpUrl(),
        "PUBLIC_URL", "http://talkingstick.example", "ADMIN_EMAIL", "admin@talkingstick.example"));
    api = new Api(null, server.port());
    GroupFixtures groups = new GroupFixtures(api, server);
    firstTherapist = therapist("first", "first@talkingstick.example");
    secondTherapist = therapist("second", "second@talkingstick.example");
    riverAccount = api.newClient("river");
    groupId = UUID.fromString(groups.createGroup(firstTherapist, GroupFixtures.groupBody(CrisisAlertWebTest.GROUP)).getString("id"));
    // the second therapist co-leads the group
    server.sql("INSERT INTO group_members (group_id, account_id, role, pseudonym) VALUES ('" + groupId + "', '"
        + secondTherapist.id() + "', 'therapist', 'Dr Second')");
    groups.joinNewClient(firstTherapist, groupId, riverAccount, "River");
    second = Browser.open("second", server.origin(), 1366, 768);
    admin = Browser.open("admin", server.origin(), 390, 844);
    river = Browser.open("river", server.origin(), 1366, 768);
  }

  private Session therapist(String prefix, String email) {
    Session adminSession = api.login(TestServer.ADMIN_USERNAME, TestServer.ADMIN_PASSWORD);
    String username = prefix + "-" + GroupFixtures.shortId();
    Response r = api.post("/api/admin/therapists", new JsonObject().put("username", username)
        .put("password", "therapist password 1").put("displayName", "Dr " + prefix).put("email", email), adminSession.accessToken());
    assertTrue(r.status() == 201, r.status() + " " + r.body());
    return api.login(username, "therapist password 1");
  }

  @AfterAll
  void stop() {
    for (Browser b : new Browser[] {second, admin, river}) {
      if (b != null) b.close();
    }
    if (server != null) server.close();
    if (mail != null) mail.close();
  }

  @Test
  void anUnacknowledgedAlertReachesTheSecondTherapistTheAdminAndTheMailboxWithoutTheWords() {
    second.signIn(secondTherapist.username(), "therapist password 1");
    admin.signIn(TestServer.ADMIN_USERNAME, TestServer.ADMIN_PASSWORD);
    river.signIn(riverAccount.username(), "a long enough password");
    river.go("#/groups/" + groupId);
    river.visible(By.cssSelector(".composer textarea"));

    river.say(CrisisAlertWebTest.KILL);
    river.visible(By.cssSelector(".support-card"));
    for (Browser b : List.of(second, admin)) {
      b.waitFor(d -> b.isVisible(By.cssSelector("#alerts .alert-banner")), Duration.ofSeconds(20));
      b.textContains(By.cssSelector("#alerts .alert-banner"), "Possible crisis");
    }
    second.screenshot("CrisisEscalationWebTest-second-therapist-laptop");
    admin.screenshot("CrisisEscalationWebTest-admin-phone");
    // the admin hears that an alert waits and where, never the words or the name, and is not sent into the group
    String adminBanner = admin.visible(By.cssSelector("#alerts .alert-banner")).getText();
    assertFalse(adminBanner.contains("River") || adminBanner.contains("kill"), adminBanner);
    assertFalse(admin.isVisible(By.cssSelector("#alerts a.alert-open")), "no link into a group the admin is not in");
    admin.click(By.cssSelector("#alerts a.alert-all"));
    admin.textAppears(By.tagName("h1"), "Crisis alerts");
    admin.visible(By.cssSelector("li.escalation[data-status='open']"));
    String page = admin.visible(By.cssSelector(".escalations-page")).getText();
    assertFalse(page.contains("River") || page.contains("kill"), page);
    assertFalse(admin.isVisible(By.cssSelector("li.escalation textarea[name=note]")), "only a therapist resolves");
    admin.screenshot("CrisisEscalationWebTest-admin-escalations-phone");

    List<TestMail.Mail> mails = mail.waitForMessages(1, Duration.ofSeconds(20));
    assertFalse(mails.isEmpty(), "an e-mail goes out");
    for (TestMail.Mail m : mails) {
      String all = m.everything();
      assertFalse(all.contains("kill myself"), "the words stay out of the mail: " + all);
      assertFalse(all.contains("River"), "the pseudonym stays out of the mail: " + all);
      assertFalse(all.contains(riverAccount.username()), "the name stays out of the mail: " + all);
    }
    for (Browser b : List.of(second, admin, river)) b.assertNoScriptProblems();
  }
}
