package app.talkingstick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * A therapist and two clients, each in their own real Chromium, run a group session through the
 * web client against a real server: joining by invite, raise-hand turn-taking, a kind refusal,
 * reactions, and a dropped socket that resumes without gaps or duplicates. The steps build on
 * each other, in order, sharing one server and three browsers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupSessionWebTest {

  private static final String CLIENT_PASSWORD = "a long enough password";
  private static final String THERAPIST_PASSWORD = "therapist password 1";
  private static final String NOT_YOUR_TURN =
      "It's not your turn yet — raise your hand and the facilitator will bring you in.";

  private TestServer server;
  private Api api;
  private Session therapistAccount;
  private Session riverAccount;
  private Session skyAccount;
  private Browser therapist;
  private Browser river;
  private Browser sky;
  private String inviteCode;
  private String groupId;

  @BeforeAll
  void start() {
    server = TestServer.start(Map.of());
    api = new Api(null, server.port());
    therapistAccount = api.newTherapist("dr");
    riverAccount = api.newClient("river");
    skyAccount = api.newClient("sky");
    therapist = Browser.open("therapist", server.origin(), 1280, 900);
    river = Browser.open("river", server.origin(), 1280, 900);
    sky = Browser.open("sky", server.origin(), 390, 844); // a phone
  }

  @AfterAll
  void stop() {
    for (Browser b : new Browser[] {therapist, river, sky}) {
      if (b != null) b.close();
    }
    if (server != null) server.close();
  }

  @AfterEach
  void screenshots(TestInfo info) {
    String test = info.getTestMethod().orElseThrow().getName();
    for (Browser b : new Browser[] {therapist, river, sky}) {
      b.screenshot("GroupSessionWebTest-" + test + "-" + b.name);
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  @Order(1)
  void therapistCreatesAGroupAndAnInviteInTheConsole() {
    therapist.signIn(therapistAccount.username(), THERAPIST_PASSWORD);
    therapist.type(By.cssSelector("#create-group-form input[name=name]"), "Thursday evening circle");
    therapist.type(By.cssSelector("#create-group-form input[name=topic]"), "Getting through the week");
    therapist.select(By.cssSelector("#create-group-form select[name=mode]"), "open");
    therapist.click(By.cssSelector("#create-group-form button[type=submit]"));
    therapist.textAppears(By.tagName("h1"), "Thursday evening circle");
    groupId = ((String) therapist.js("return location.hash")).replaceAll("^#/groups/([0-9a-f-]+).*$", "$1");
    therapist.select(By.xpath("//label[normalize-space()='Can be used by']/following-sibling::select"), "5");
    therapist.click(By.id("create-invite"));
    inviteCode = therapist.visible(By.id("new-invite-code")).getText().trim();
    assertFalse(inviteCode.isEmpty());
    therapist.textContains(By.cssSelector(".invite-list"), inviteCode);
    therapist.assertControlsLabelled();
  }

  @Test
  @Order(2)
  void clientsJoinWithTheInviteCodeAcceptingTheAgreement() {
    river.signIn(riverAccount.username(), CLIENT_PASSWORD);
    river.textContains(By.id("join-form"), "Confidentiality");
    // a wrong code and a missing acceptance are explained kindly
    river.type(By.cssSelector("#join-form input[name=code]"), "NOT-A-CODE");
    river.type(By.cssSelector("#join-form input[name=pseudonym]"), "River");
    river.click(By.cssSelector("#join-form button[type=submit]"));
    river.textAppears(By.id("join-accept-error"), "To join, please read the agreement and tick the box to accept it.");
    river.click(By.id("join-accept"));
    river.click(By.cssSelector("#join-form button[type=submit]"));
    river.textContains(By.cssSelector("#join-form .field-error"), "That invite code didn't work.");
    river.type(By.cssSelector("#join-form input[name=code]"), inviteCode);
    river.click(By.cssSelector("#join-form button[type=submit]"));
    river.textAppears(By.cssSelector(".welcome h2"), "Welcome to Thursday evening circle");
    river.click(By.xpath("//button[normalize-space()='Continue to the room']"));

    sky.signIn(skyAccount.username(), CLIENT_PASSWORD);
    sky.type(By.cssSelector("#join-form input[name=code]"), inviteCode);
    sky.type(By.cssSelector("#join-form input[name=pseudonym]"), "River");
    sky.click(By.id("join-accept"));
    sky.click(By.cssSelector("#join-form button[type=submit]"));
    sky.textContains(By.cssSelector("#join-form .field-error"), "Someone in this group already uses that name.");
    sky.type(By.cssSelector("#join-form input[name=pseudonym]"), "Sky");
    sky.click(By.cssSelector("#join-form button[type=submit]"));
    sky.textAppears(By.cssSelector(".welcome h2"), "Welcome to Thursday evening circle");
    sky.click(By.xpath("//button[normalize-space()='Continue to the room']"));

    for (Browser b : List.of(therapist, river, sky)) {
      b.textContains(By.cssSelector(".people"), "River");
      b.textContains(By.cssSelector(".people"), "Sky");
    }
    sky.assertNoHorizontalScroll();
    river.assertControlsLabelled();
  }

  @Test
  @Order(3)
  void therapistStartsTheSessionAndSwitchesToRaiseHand() {
    therapist.type(By.cssSelector(".console input[type=text]"), "Small wins this week");
    therapist.click(By.id("start-session"));
    for (Browser b : List.of(therapist, river, sky)) {
      b.textContains(By.cssSelector(".session-line"), "In session · Small wins this week");
      b.textContains(By.cssSelector("li.prompt"), "Welcome, everyone. The session has started.");
    }
    therapist.select(By.cssSelector(".console select[name=mode]"), "raise-hand");
    therapist.select(By.cssSelector(".console select[name=turnSeconds]"), "180");
    therapist.click(By.id("apply-mode"));
    for (Browser b : List.of(therapist, river, sky)) {
      b.textAppears(By.cssSelector(".mode-line"), "Raise your hand to speak");
    }
    river.visible(By.id("hand-button"));
    therapist.say("Welcome back, everyone. Raise your hand when you'd like to share.");
    river.message("Welcome back, everyone. Raise your hand when you'd like to share.");
    sky.message("Welcome back, everyone. Raise your hand when you'd like to share.");
  }

  @Test
  @Order(4)
  void aRaisedHandGetsTheFloorAndEveryoneSeesWhatIsShared() {
    river.click(By.id("hand-button"));
    river.textAppears(By.cssSelector(".speaker-line"), "You have the floor.");
    river.textContains(By.cssSelector(".countdown"), "left");
    therapist.textAppears(By.cssSelector(".speaker-line"), "River has the floor.");
    sky.textAppears(By.cssSelector(".speaker-line"), "River has the floor.");
    river.say("I went for a walk every day this week.");
    for (Browser b : List.of(therapist, river, sky)) {
      b.message("I went for a walk every day this week.");
    }
    assertTrue(river.message("I went for a walk every day this week.").getAttribute("class").contains("mine"));
    assertTrue(sky.message("I went for a walk every day this week.").getAttribute("class").contains("theirs"));
  }

  @Test
  @Order(5)
  void anotherClientIsRefusedKindlyThenGrantedAndReactionsWork() {
    sky.say("Can I say something?");
    sky.textAppears(By.cssSelector(".composer-status"), NOT_YOUR_TURN);
    assertEquals("Can I say something?", sky.visible(By.cssSelector(".composer textarea")).getAttribute("value"),
        "a refused message goes back into the box");
    assertEquals(0, therapist.count("Can I say something?"));
    // Sky raises a hand and waits in line; the therapist gives Sky the floor
    sky.click(By.id("hand-button"));
    sky.textContains(By.cssSelector(".floor-message"), "You are number 1 in line.");
    therapist.textContains(By.cssSelector(".queue"), "Sky");
    therapist.click(By.cssSelector("button.grant[aria-label='Give the floor to Sky']"));
    sky.textAppears(By.cssSelector(".speaker-line"), "You have the floor.");
    sky.click(By.cssSelector(".composer button[type=submit]"));
    for (Browser b : List.of(therapist, river, sky)) {
      b.message("Can I say something?");
    }
    // reactions: River hugs Sky's message, then the therapist too
    river.message("Can I say something?").findElement(By.cssSelector(".react-toggle")).click();
    river.message("Can I say something?").findElement(By.cssSelector("button[aria-label='React with hug']")).click();
    for (Browser b : List.of(therapist, river, sky)) {
      b.waitFor(d -> b.message("Can I say something?").findElements(By.cssSelector("button.reaction")).stream()
          .anyMatch(r -> r.getText().replaceAll("\\s+", "").equals("🤗1")));
    }
    therapist.message("Can I say something?").findElement(By.cssSelector("button.reaction[data-emoji='🤗']")).click();
    for (Browser b : List.of(therapist, river, sky)) {
      b.waitFor(d -> b.message("Can I say something?").findElements(By.cssSelector("button.reaction")).stream()
          .anyMatch(r -> r.getText().replaceAll("\\s+", "").equals("🤗2")));
    }
  }

  @Test
  @Order(6)
  void aDroppedSocketReconnectsAndShowsWhatItMissedExactlyOnce() {
    sky.js("window.__tsBus.dropForTest(4000)");
    sky.visible(By.id("connection"));
    sky.textContains(By.id("connection"), "You're offline — reconnecting…");
    therapist.say("While you were away: thank you, Sky.");
    therapist.say("And a second note for everyone.");
    river.message("And a second note for everyone.");
    assertEquals(0, sky.count("While you were away: thank you, Sky."), "Sky is offline and cannot have it yet");
    sky.message("While you were away: thank you, Sky.");
    sky.message("And a second note for everyone.");
    sky.waitFor(d -> !sky.isVisible(By.id("connection")));
    assertEquals(1, sky.count("While you were away: thank you, Sky."));
    assertEquals(1, sky.count("And a second note for everyone."));
    sky.assertNoDuplicatesInOrder();
    assertEquals(therapist.seqs(), sky.seqs(), "after the resume Sky sees exactly what the therapist sees");
  }

  @Test
  @Order(7)
  void aMessageWhoseAcknowledgementWasLostIsSentAgainAndStoredOnce() {
    String text = "Sent just as the connection dropped.";
    // the say frame leaves, then the socket drops before the acknowledgement can come back
    therapist.js("const box = document.querySelector('.composer textarea');"
        + "box.value = arguments[0];"
        + "box.closest('form').requestSubmit();"
        + "window.__tsBus.dropForTest(2500);", text);
    therapist.visible(By.id("connection"));
    therapist.textContains(By.cssSelector("ol.outbox"), text);
    therapist.waitFor(d -> !therapist.isVisible(By.id("connection")));
    therapist.waitFor(d -> therapist.driver.findElements(By.cssSelector("ol.outbox li")).isEmpty());
    for (Browser b : List.of(therapist, river, sky)) {
      b.message(text);
      pause(Duration.ofMillis(300));
      assertEquals(1, b.count(text), b.name + " shows it once");
      b.assertNoDuplicatesInOrder();
    }
    assertEquals(1L, storedCopies(text), "stored once");
  }

  @Test
  @Order(8)
  void theSessionEndsWithASummaryForTheTherapistOnly() {
    therapist.click(By.id("end-session"));
    therapist.click(By.id("end-session"));
    for (Browser b : List.of(therapist, river, sky)) {
      b.textContains(By.cssSelector("li.prompt"), "The session has ended.");
      b.textContains(By.cssSelector(".session-line"), "Not in session");
    }
    therapist.textContains(By.cssSelector(".stats"), "Speaking time in the last session");
    therapist.textContains(By.cssSelector(".stats-table"), "River");
    assertFalse(river.isVisible(By.cssSelector(".stats")));
    therapist.click(By.id("show-audit"));
    therapist.textContains(By.cssSelector(".audit-list"), "Session started");
    therapist.textContains(By.cssSelector(".audit-list"), "Floor given");
  }

  @Test
  @Order(9)
  void theTherapistPullsAClientAsideIntoAPrivateConversation() {
    therapist.click(By.xpath("//li[@data-member-id]//summary[contains(., 'for River')]"));
    therapist.click(By.xpath("//li[@data-member-id][.//summary[contains(., 'for River')]]//button[normalize-space()='Talk privately']"));
    therapist.textContains(By.tagName("h1"), "Private conversation with Person river");
    // the group is told only that the therapist stepped away, not with whom
    sky.textContains(By.tagName("main"), "has stepped away for a moment");
    // River is told privately, with a way in
    river.textContains(By.cssSelector(".notices"), "would like to talk with you privately");
    river.click(By.xpath("//div[@id='notices']//a[normalize-space()='Open the conversation']"));
    river.textContains(By.tagName("h1"), "Private conversation with Dr dr");
    therapist.say("How are you feeling after today's session?");
    river.message("How are you feeling after today's session?");
    river.say("Lighter, thank you.");
    therapist.message("Lighter, thank you.");
    assertTrue(river.message("Lighter, thank you.").getAttribute("class").contains("mine"));
    assertEquals(0, sky.count("Lighter, thank you."), "the group never sees a private conversation");
    river.assertControlsLabelled();
    // nothing people wrote is kept in the browser's storage
    for (Browser b : List.of(therapist, river, sky)) {
      String stored = b.storage();
      assertFalse(stored.contains("walk every day"), b.name + ": " + stored);
      assertFalse(stored.contains("Lighter, thank you"), b.name + ": " + stored);
      b.assertNoScriptProblems();
    }
  }

  @Test
  @Order(10)
  void theTherapistRemovesAMemberWhoIsToldGently() {
    therapist.go("#/groups/" + groupId);
    sky.textContains(By.tagName("main"), "is back");
    therapist.textContains(By.cssSelector(".people"), "Sky");
    By skyRow = By.xpath("//li[@data-member-id][.//summary[contains(., 'for Sky')]]");
    therapist.click(By.xpath("//li[@data-member-id]//summary[contains(., 'for Sky')]"));
    therapist.visible(skyRow).findElement(By.xpath(".//button[normalize-space()='Remove from the group…']")).click();
    therapist.visible(skyRow).findElement(By.cssSelector(".remove-action textarea")).sendKeys("Asked to leave the group");
    therapist.visible(skyRow).findElement(By.xpath(".//button[normalize-space()='Yes, remove Sky']")).click();
    // told privately and kindly, and taken back to their (now empty) list of groups
    sky.textContains(By.cssSelector(".notices"), "Your place in Thursday evening circle has ended.");
    sky.textContains(By.cssSelector(".group-list-box"), "You haven't joined a group yet.");
    therapist.waitFor(d -> !therapist.visible(By.cssSelector(".people")).getText().contains("Sky"));
    therapist.click(By.id("show-audit"));
    // the log is oldest first, in pages: the newest entry may be on a later page
    therapist.waitFor(d -> {
      if (therapist.visible(By.cssSelector(".audit-list")).getText().contains("Asked to leave the group")) return true;
      d.findElements(By.xpath("//section[contains(@class,'audit')]//button[normalize-space()='Show more']")).stream()
          .filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().ifPresent(org.openqa.selenium.WebElement::click);
      return false;
    });
  }

  /**
   * Conduct and crisis safety end to end: an insult is refused kindly, a crisis message reaches the
   * therapist at once and is acknowledged on the escalation, the author privately gets resources.
   */
  @Test
  @Order(11)
  void anInsultIsRefusedKindlyAndACrisisAlertsTheTherapist() {
    therapist.go("#/groups/" + groupId);
    therapist.visible(By.id("staff-panel"));
    therapist.type(By.cssSelector(".console input[type=text]"), "Checking in");
    therapist.click(By.id("start-session"));
    therapist.select(By.cssSelector(".console select[name=mode]"), "open");
    therapist.click(By.id("apply-mode"));
    river.go("#/groups/" + groupId);
    river.textContains(By.cssSelector(".session-line"), "In session · Checking in");
    river.textAppears(By.cssSelector(".mode-line"), "Open conversation");

    river.say("you are pathetic");
    river.textContains(By.cssSelector(".composer-status"), "shared because it goes against the group agreement");
    assertEquals(0, therapist.count("you are pathetic"), "a blocked message reaches no one");

    river.say("I don't want to be here anymore");
    river.message("I don't want to be here anymore");
    therapist.textContains(By.cssSelector(".attention-item.crisis"), "I don't want to be here anymore");
    river.visible(By.cssSelector(".notice-care"));
    assertFalse(sky.isVisible(By.cssSelector(".notice-care")));
    therapist.screenshot("GroupSessionWebTest-crisis-therapist-panel");
    therapist.click(By.xpath("//li[contains(@class, 'crisis')]//button[normalize-space()=\"I've seen this\"]"));
    therapist.waitFor(d -> !therapist.isVisible(By.cssSelector(".attention-item.crisis")));
    therapist.waitFor(d -> server.sql("SELECT count(*) FROM escalations WHERE group_id = '" + groupId
        + "' AND status = 'acknowledged'").iterator().next().getLong(0) == 1);
    river.assertNoScriptProblems();
    therapist.assertNoScriptProblems();
  }

  @Test
  @Order(12)
  void aChangedAgreementIsShownAndMustBeAcceptedAgain() {
    therapist.click(By.xpath("//details[contains(@class, 'agreement-editor')]/summary"));
    org.openqa.selenium.WebElement text = therapist.visible(By.cssSelector(".agreement-editor textarea"));
    text.sendKeys(org.openqa.selenium.Keys.END, "\n6. Phones on silent during the session, please.");
    therapist.click(By.xpath("//button[normalize-space()='Save as a new version']"));
    therapist.textContains(By.cssSelector(".agreement-editor .console-status"), "Saved.");
    river.go("#/");
    river.go("#/groups/" + groupId);
    river.textContains(By.cssSelector(".agreement-update"), "6. Phones on silent during the session, please.");
    river.click(By.xpath("//button[normalize-space()='I accept the agreement']"));
    river.waitFor(d -> !river.isVisible(By.cssSelector(".agreement-update")));
    river.click(By.xpath("//summary[normalize-space()='Group agreement']"));
    river.textContains(By.cssSelector(".agreement-details"), "6. Phones on silent during the session, please.");
    river.assertNoScriptProblems();
    therapist.assertNoScriptProblems();
  }

  /** How many group message rows hold {@code text} (sealed: each row is opened with the server's keys). */
  private long storedCopies(String text) {
    app.talkingstick.channel.ChannelCipher cipher = server.server().services().channelCipher();
    long n = 0;
    for (io.vertx.sqlclient.Row r : server.sql("SELECT group_id, seq, member_id, ciphertext, nonce, key_id FROM group_messages")) {
      String opened = cipher.open(new app.talkingstick.channel.ChannelCipher.Sealed(r.getBuffer("ciphertext").getBytes(),
          r.getBuffer("nonce").getBytes(), r.getString("key_id")),
          app.talkingstick.channel.ChannelCipher.groupMessageContext(r.getUUID("group_id"), r.getLong("seq"), r.getUUID("member_id")));
      if (text.equals(opened)) n++;
    }
    return n;
  }
}
