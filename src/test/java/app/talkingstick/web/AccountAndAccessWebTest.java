package app.talkingstick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.GroupFixtures;
import app.talkingstick.support.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Accounts and the parts of the client around the room: signing up and in with kind errors,
 * staying signed in across a reload (refresh token in this tab's sessionStorage only), signing
 * out, a phone-sized room, labelled controls, and panels for features the server does not serve
 * yet staying hidden.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAndAccessWebTest {

  private TestServer server;
  private Api api;
  private GroupFixtures groups;
  private Browser browser;

  @BeforeAll
  void start() {
    server = TestServer.start(Map.of());
    api = new Api(null, server.port());
    groups = new GroupFixtures(api, server);
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.open("phone", server.origin(), 390, 844);
  }

  @AfterEach
  void closeBrowser(TestInfo info) {
    try {
      browser.screenshot("AccountAndAccessWebTest-" + info.getTestMethod().orElseThrow().getName());
    } finally {
      browser.close();
    }
  }

  @AfterAll
  void stop() {
    if (server != null) server.close();
  }

  @Test
  void signUpSignInKindErrorsReloadAndSignOut() {
    String username = "morgan-" + UUID.randomUUID().toString().substring(0, 6);
    browser.go("#/signup");
    browser.assertControlsLabelled();
    browser.type(By.name("username"), username);
    browser.type(By.name("displayName"), "Morgan");
    browser.type(By.name("password"), "short");
    browser.click(By.cssSelector("form button[type=submit]"));
    browser.textAppears(By.cssSelector(".field-error"), "Please choose a password of at least 10 characters.");
    browser.type(By.name("password"), "a calm and long password");
    browser.click(By.cssSelector("form button[type=submit]"));
    browser.textAppears(By.tagName("h1"), "My groups");
    browser.visible(By.id("join-form"));
    browser.assertControlsLabelled();

    // a reload keeps the sign-in: the refresh token lives in this tab's sessionStorage, nothing else does
    browser.driver.navigate().refresh();
    browser.textAppears(By.tagName("h1"), "My groups");
    String storage = browser.storage();
    assertTrue(storage.contains("\"local\":{}"), storage);
    assertTrue(storage.contains("talkingstick.refreshToken"), storage);
    assertFalse(storage.contains("eyJ"), "no access token (JWT) is stored: " + storage);

    browser.click(By.xpath("//button[normalize-space()='Sign out']"));
    browser.textAppears(By.cssSelector(".form-message.good"), "You have signed out. Take care.");
    assertTrue(browser.storage().contains("\"session\":{}"), browser.storage());

    // a wrong password is explained in plain words
    browser.type(By.name("username"), username);
    browser.type(By.name("password"), "not the password");
    browser.visible(By.name("password")).sendKeys(Keys.ENTER);
    browser.textAppears(By.cssSelector(".form-message.problem"),
        "That username and password don't match. Please check them and try again.");
    browser.type(By.name("password"), "a calm and long password");
    browser.click(By.cssSelector("form button[type=submit]"));
    browser.textAppears(By.tagName("h1"), "My groups");
    browser.assertNoScriptProblems();
  }

  @Test
  void aClientRoomOnAPhoneIsReadableLabelledAndKind() {
    Session therapist = api.newTherapist("dr");
    Session client = api.newClient("robin");
    UUID groupId = groups.createGroup(therapist);
    groups.joinNewClient(therapist, groupId, client, "Wren");
    browser.signIn(client.username(), "a long enough password");
    browser.click(By.cssSelector("a.group-link"));
    browser.visible(By.cssSelector(".composer textarea"));
    browser.textContains(By.cssSelector(".hint"), "You appear here as Wren.");
    browser.textContains(By.cssSelector(".session-line"), "Not in session");
    browser.assertControlsLabelled();
    browser.assertNoHorizontalScroll();
    // the group is closed: a message is refused kindly, and kept in the box
    browser.say("Is anyone here?");
    browser.textAppears(By.cssSelector(".composer-status"),
        "The group isn't in session right now. You can share when the next session opens.");
    // live regions for announcements exist; crisis resources use the assertive one
    assertEquals("polite", browser.visible(By.cssSelector("body")).findElement(By.id("live-polite")).getAttribute("aria-live"));
    assertEquals("assertive", browser.driver.findElement(By.id("live-assertive")).getAttribute("aria-live"));
    browser.go("#/");
    browser.visible(By.cssSelector("a.group-link"));
    browser.assertControlsLabelled();
    browser.assertNoHorizontalScroll();
    browser.assertNoScriptProblems();
  }

  @Test
  void theTherapistConsoleOnAPhoneOffersOnlyWhatTheServerServes() {
    Session therapist = api.newTherapist("dr");
    Session client = api.newClient("ash");
    UUID groupId = groups.createGroup(therapist);
    groups.joinNewClient(therapist, groupId, client, "Fern");
    browser.signIn(therapist.username(), "therapist password 1");
    browser.click(By.cssSelector("a.group-link"));
    browser.visible(By.id("start-session"));
    browser.visible(By.id("create-invite"));
    browser.visible(By.id("show-audit"));
    browser.assertControlsLabelled();
    browser.assertNoHorizontalScroll();
    // moderation actions the room does not serve yet (warn, mute, redact…) are not offered
    browser.textContains(By.cssSelector(".staff-panel"), "Nothing right now.");
    assertTrue(browser.driver.findElements(By.xpath("//button[normalize-space()='Send a private note']")).isEmpty());
    assertTrue(browser.driver.findElements(By.xpath("//button[normalize-space()='Remove message']")).isEmpty());
    browser.assertNoScriptProblems();
  }
}
