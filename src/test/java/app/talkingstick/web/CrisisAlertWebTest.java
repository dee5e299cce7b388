package app.talkingstick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.GroupFixtures;
import app.talkingstick.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Crisis safety end to end in real browsers: a client who writes words of crisis sees support
 * beside the box they typed in and keeps their draft; the therapist gets a banner on every page
 * of the console that survives reloads, a link to the message in context and an escalations page
 * to acknowledge and resolve from; the other client sees nothing. Steps build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrisisAlertWebTest {

  static final String GROUP = "Thursday Evening Circle";
  static final String KILL = "I want to kill myself tonight";
  static final String PILLS = "I have the pills in my hand right now";
  static final String DRAFT = "and I don't know who else to tell";
  /** A crisis only the encoders see, which the room shares before its reading comes (GlanceTest). */
  static final String ROOF = "on the roof of the car park now. it's quiet up here";
  static final Dimension LAPTOP = new Dimension(1366, 768);
  static final Dimension PHONE = new Dimension(390, 844);

  private TestServer server;
  private Api api;
  private Session therapistAccount;
  private Session riverAccount;
  private Session skyAccount;
  private UUID groupId;
  private String channelId;
  private Browser therapist;
  private Browser river;
  private Browser sky;

  @BeforeAll
  void start() {
    server = TestServer.start(Map.of());
    api = new Api(null, server.port());
    GroupFixtures groups = new GroupFixtures(api, server);
    therapistAccount = api.newTherapist("dr");
    riverAccount = api.newClient("river");
    skyAccount = api.newClient("sky");
    groupId = UUID.fromString(groups.createGroup(therapistAccount, GroupFixtures.groupBody(GROUP)).getString("id"));
    groups.joinNewClient(therapistAccount, groupId, riverAccount, "River");
    groups.joinNewClient(therapistAccount, groupId, skyAccount, "Sky");
    channelId = openChannel(api, therapistAccount, riverAccount);
    therapist = Browser.open("therapist", server.origin(), LAPTOP.width, LAPTOP.height);
    river = Browser.open("river", server.origin(), PHONE.width, PHONE.height);
    sky = Browser.open("sky", server.origin(), LAPTOP.width, LAPTOP.height);
  }

  @AfterAll
  void stop() {
    for (Browser b : new Browser[] {therapist, river, sky}) {
      if (b != null) b.close();
    }
    if (server != null) server.close();
  }

  /** The client becomes the therapist's own client and the two get a private channel. */
  static String openChannel(Api api, Session therapist, Session client) {
    Response invite = api.post("/api/clients/invites", null, therapist.accessToken());
    assertEquals(201, invite.status(), invite.body().toString());
    Response joined = api.post("/api/clients/join", new JsonObject().put("code", invite.json().getString("code")), client.accessToken());
    assertEquals(201, joined.status(), joined.body().toString());
    Response channel = api.post("/api/channels", new JsonObject().put("clientId", client.id().toString()), therapist.accessToken());
    assertTrue(channel.status() == 201 || channel.status() == 200, channel.body().toString());
    return channel.json().getString("id");
  }

  /** Screenshots at laptop and phone size, then back to the browser's own size. */
  static void shootBoth(Browser b, String name) {
    Dimension own = b.driver.manage().window().getSize();
    for (Map.Entry<String, Dimension> size : Map.of("laptop", LAPTOP, "phone", PHONE).entrySet()) {
      b.driver.manage().window().setSize(size.getValue());
      pause(Duration.ofMillis(400));
      b.assertNoHorizontalScroll();
      b.screenshot("CrisisAlertWebTest-" + name + "-" + size.getKey());
    }
    b.driver.manage().window().setSize(own);
  }

  static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends a message and, before its reply can come back, puts a draft in the box (as if typing on). */
  static void sayAndKeepTyping(Browser b, String text, String draft) {
    b.say(text);
    b.js("const box = document.querySelector('.composer textarea'); box.value = arguments[0];", draft);
  }

  static String title(Browser b) {
    return (String) b.js("return document.title");
  }

  static String bannerText(Browser b) {
    return b.visible(By.cssSelector("#alerts .alert-banner")).getText();
  }

  /** The author's support card sits right above their composer, has focus, and the draft is intact. */
  static void assertSupportBesideComposer(Browser b, String draft) {
    WebElement card = b.visible(By.cssSelector(".support-slot .support-card"));
    assertTrue(card.getText().contains("Support is here for you"), card.getText());
    assertEquals(Boolean.TRUE, b.js("const slot = document.querySelector('.support-slot');"
        + "return slot.nextElementSibling && slot.nextElementSibling.matches('form.composer');"), "the card sits by the composer");
    b.waitFor(d -> Boolean.TRUE.equals(b.js("return document.activeElement === document.querySelector('.support-card h2')")));
    assertEquals(draft, b.js("return document.querySelector('.composer textarea').value"), "the draft is kept");
    assertFalse(b.isVisible(By.cssSelector("#notices .notice-care")), "one card only, beside the composer");
  }

  @Test
  @Order(1)
  void aClientWithoutTheFloorWritesACrisisAndTheTherapistSeesABannerAtOnce() {
    therapist.signIn(therapistAccount.username(), "therapist password 1");
    startSession("Checking in", "raise-hand", "Raise your hand to speak");
    therapist.go("#/");
    river.signIn(riverAccount.username(), "a long enough password");
    river.go("#/groups/" + groupId);
    river.textContains(By.cssSelector(".session-line"), "In session · Checking in");
    sky.signIn(skyAccount.username(), "a long enough password");
    sky.go("#/groups/" + groupId);
    sky.textContains(By.cssSelector(".session-line"), "In session · Checking in");
    assertFalse(therapist.isVisible(By.cssSelector("#alerts .alert-banner")));

    long sent = System.nanoTime();
    sayAndKeepTyping(river, KILL, DRAFT);
    therapist.waitFor(d -> therapist.isVisible(By.cssSelector("#alerts .alert-banner")), Duration.ofSeconds(5));
    long millis = (System.nanoTime() - sent) / 1_000_000;
    assertTrue(millis < 2500, "the banner took " + millis + " ms");
    assertTrue(bannerText(therapist).contains("Possible crisis — River in " + GROUP), bannerText(therapist));
    String href = therapist.visible(By.cssSelector("#alerts a.alert-open")).getAttribute("href");
    assertTrue(href.matches(".*#/groups/" + groupId + "\\?seq=\\d+$"), href);
    assertTrue(title(therapist).startsWith("⚠ Alert — "), title(therapist));
    assertEquals("alert", therapist.visible(By.cssSelector("#alerts .alert-banner")).getAttribute("role"));
    assertTrue(therapist.visible(By.id("nav")).getText().contains("1 open"));

    assertSupportBesideComposer(river, DRAFT);
    // the reply, which may come after the inbox's card, adds where the words went
    river.textContains(By.cssSelector(".support-card .support-reached"), "it has gone to your therapist");
    WebElement own = river.message(KILL);
    assertTrue(own.getText().contains("Only you and the therapists can see this"), own.getText());
    // the composer says nothing of turns: the message was not refused (an empty status is hidden)
    String status = (String) river.js("return document.querySelector('.composer-status').textContent");
    assertFalse(status.contains("turn"), status);
    shootBoth(river, "support-card-in-session");
    river.click(By.xpath("//section[contains(@class,'support-card')]//button[normalize-space()='Close this message']"));
    river.waitFor(d -> Boolean.TRUE.equals(river.js("return document.activeElement === document.querySelector('.composer textarea')")));
    assertEquals(DRAFT, river.js("return document.querySelector('.composer textarea').value"));

    pause(Duration.ofSeconds(1));
    assertEquals(0, sky.count(KILL), "the other client never sees it");
    assertFalse(sky.isVisible(By.cssSelector(".notice-care")));
    assertFalse(sky.isVisible(By.cssSelector(".support-card")));
    shootBoth(therapist, "banner-home");
    therapist.assertControlsLabelled();
    for (Browser b : List.of(therapist, river, sky)) b.assertNoScriptProblems();
  }

  @Test
  @Order(2)
  void betweenSessionsACrisisStillReachesTheTherapist() {
    therapist.go("#/groups/" + groupId);
    therapist.click(By.id("end-session"));
    therapist.click(By.id("end-session"));
    river.textContains(By.cssSelector(".session-line"), "Not in session");
    river.js("document.querySelector('.composer textarea').value = ''");
    sayAndKeepTyping(river, PILLS, "");
    therapist.waitFor(d -> bannerText(therapist).contains("2 alerts"), Duration.ofSeconds(5));
    assertTrue(bannerText(therapist).contains("Possible crisis — River in " + GROUP), bannerText(therapist));
    assertSupportBesideComposer(river, "");
    river.textContains(By.cssSelector(".support-card .support-reached"), "it has gone to your therapist");
    assertTrue(river.message(PILLS).getText().contains("Only you and the therapists can see this"));
    // the session has ended, yet the console's panel keeps both crises
    therapist.waitFor(d -> therapist.driver.findElements(By.cssSelector(".attention-item.crisis")).size() == 2);
    assertFalse(therapist.visible(By.id("staff-panel")).getText().contains("Nothing right now"));
    pause(Duration.ofMillis(500));
    assertEquals(0, sky.count(PILLS));
    shootBoth(therapist, "banner-room");
  }

  @Test
  @Order(3)
  void theBannerLinkShowsTheMessageInContextWithoutReactions() {
    therapist.go("#/clients/" + riverAccount.id());
    therapist.click(By.cssSelector("#alerts a.alert-open"));
    String hash = (String) therapist.js("return location.hash");
    assertTrue(hash.matches("#/groups/" + groupId + "\\?seq=\\d+"), hash);
    String seq = hash.replaceAll(".*seq=", "");
    WebElement li = therapist.visible(By.cssSelector("li.msg[data-seq='" + seq + "']"));
    therapist.waitFor(d -> li.getAttribute("class").contains("highlight"));
    assertEquals("true", li.getAttribute("aria-current"));
    assertTrue(li.getText().contains(PILLS), li.getText());
    assertTrue(li.getText().contains("Sent privately to the therapists"), li.getText());
    assertTrue(li.findElements(By.cssSelector(".react-toggle, button.reaction")).isEmpty(), "no reactions on a crisis");
    therapist.screenshotOfWindow("CrisisAlertWebTest-message-in-context-laptop");
  }

  @Test
  @Order(4)
  void theAlertSurvivesAReloadAndAPrivateChatAndACrisisThereShowsToo() {
    therapist.go("#/");
    therapist.waitFor(d -> bannerText(therapist).contains("2 alerts"));
    therapist.go("#/channels/" + channelId);
    therapist.waitFor(d -> bannerText(therapist).contains("2 alerts"));
    assertTrue(title(therapist).startsWith("⚠ Alert — "), title(therapist));

    river.go("#/channels/" + channelId);
    river.visible(By.cssSelector(".composer textarea"));
    sayAndKeepTyping(river, KILL, DRAFT);
    therapist.waitFor(d -> bannerText(therapist).contains("3 alerts"), Duration.ofSeconds(5));
    assertTrue(bannerText(therapist).contains("Possible crisis — in a private conversation with Person " + riverAccount.username()),
        bannerText(therapist));
    assertSupportBesideComposer(river, DRAFT);
    shootBoth(river, "support-card-channel");
    river.assertNoScriptProblems();
  }

  @Test
  @Order(5)
  void acknowledgeAndResolveFromTheEscalationsPage() {
    therapist.click(By.xpath("//nav//a[contains(., 'Crisis alerts')]"));
    therapist.textAppears(By.tagName("h1"), "Crisis alerts");
    therapist.waitFor(d -> therapist.driver.findElements(By.cssSelector("li.escalation[data-status='open']")).size() == 3);
    String page = therapist.visible(By.cssSelector(".escalations-page")).getText();
    assertTrue(page.contains(KILL) && page.contains(PILLS), page);
    assertTrue(page.contains("Respond") || page.contains("Check in soon"), page);
    assertTrue(page.contains("The group did not see this message"), page);
    assertFalse(page.contains("imminent") || page.contains("self_harm") || page.contains("suicide"), "no codes on screen");
    shootBoth(therapist, "escalations-page");
    therapist.assertControlsLabelled();

    while (!therapist.driver.findElements(By.xpath("//li[@data-status='open']//button[normalize-space()=\"I've seen this\"]")).isEmpty()) {
      therapist.click(By.xpath("(//li[@data-status='open']//button[normalize-space()=\"I've seen this\"])[1]"));
      pause(Duration.ofMillis(300));
    }
    therapist.waitFor(d -> !therapist.isVisible(By.cssSelector("#alerts .alert-banner")));
    therapist.waitFor(d -> !title(therapist).startsWith("⚠"));
    assertEquals(3, count("SELECT count(*) FROM escalations WHERE status = 'acknowledged'"));

    WebElement first = therapist.visible(By.cssSelector("li.escalation[data-status='acknowledged']"));
    first.findElement(By.cssSelector("textarea[name=note]")).sendKeys("Called River; they are safe with their sister tonight.");
    first.findElement(By.xpath(".//button[normalize-space()='Resolve']")).click();
    therapist.waitFor(d -> therapist.driver.findElements(By.cssSelector("li.escalation[data-status='resolved']")).size() == 1);
    therapist.textContains(By.cssSelector("li.escalation[data-status='resolved']"), "Called River");
    assertEquals(1, count("SELECT count(*) FROM escalations WHERE status = 'resolved'"));
    for (Browser b : List.of(therapist, river)) {
      String stored = b.storage();
      assertFalse(stored.contains(KILL) || stored.contains(PILLS), b.name + " keeps message text in storage");
    }
    therapist.assertNoScriptProblems();
  }

  @Test
  @Order(6)
  void aCrisisOnlyTheEncodersSeeIsSharedAndThenNobodyCanReactToIt() {
    startSession("Second evening", "open", "Open conversation");
    for (Browser b : List.of(river, sky)) {
      b.go("#/groups/" + groupId);
      b.textContains(By.cssSelector(".session-line"), "In session · Second evening");
    }
    river.say(ROOF);
    therapist.waitFor(d -> therapist.isVisible(By.cssSelector("#alerts .alert-banner")), Duration.ofSeconds(5));
    assertTrue(bannerText(therapist).contains("Possible crisis — River in " + GROUP), bannerText(therapist));
    river.visible(By.cssSelector(".support-slot .support-card"));
    sky.waitFor(d -> sky.message(ROOF).findElements(By.cssSelector(".react-toggle, button.reaction")).isEmpty());
    shootBoth(sky, "shared-crisis-no-reactions");
    shootBoth(river, "support-card-shared");
    for (Browser b : List.of(therapist, river, sky)) b.assertNoScriptProblems();
  }

  /** The therapist starts a session on {@code topic} from the group's console and sets its mode. */
  private void startSession(String topic, String mode, String modeLine) {
    therapist.go("#/groups/" + groupId);
    therapist.type(By.cssSelector(".console input[type=text]"), topic);
    therapist.click(By.id("start-session"));
    therapist.select(By.cssSelector(".console select[name=mode]"), mode);
    therapist.click(By.id("apply-mode"));
    therapist.textAppears(By.cssSelector(".mode-line"), modeLine);
  }

  private long count(String sql) {
    return server.sql(sql).iterator().next().getLong(0);
  }
}
