package app.talkingstick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A therapist keeps goals and private session notes for a client in the web client, in a real
 * Chromium against a real server: adding goals (by keyboard and by button), marking one achieved,
 * changing another, writing notes (one save refused by the server and explained in plain words,
 * the text kept), and finding everything again after a reload, older notes paged in. The panel
 * sits beside the private conversation too. The client, another therapist and a co-therapist
 * cannot read any of it; nothing is stored in the browser or written to its console. The steps
 * build on each other, in order, sharing one server and three browsers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoalsAndNotesWebTest {

  private static final String CLIENT_PASSWORD = "a long enough password";
  private static final String THERAPIST_PASSWORD = "therapist password 1";
  private static final String GOAL_SLEEP = "Sleep seven hours on most nights";
  private static final String GOAL_WALK = "Walk outside three times a week";
  private static final String GOAL_WALK_CHANGED = "Walk outside four times a week";
  private static final String NOTE_FIRST = "Talked about the sleep routine.\nAgreed to try no screens after 10pm.";
  private static final String NOTE_SECOND = "Mentioned feeling isolated at work; follow up next session.";
  private static final int EARLIER_NOTES = 20;
  private static final Pattern SCRIPT_PROBLEM =
      Pattern.compile("Content Security Policy|Uncaught|TypeError|ReferenceError|SyntaxError");

  private TestServer server;
  private Api api;
  private Session therapistAccount;
  private Session clientAccount;
  private Session coTherapistAccount;
  private Session outsiderAccount;
  private String clientName;
  private Browser therapist;
  private Browser client;
  private Browser coTherapist;

  @BeforeAll
  void start() {
    server = TestServer.start(Map.of());
    api = new Api(null, server.port());
    therapistAccount = api.newTherapist("dr");
    clientAccount = api.newClient("sam");
    clientName = "Person " + clientAccount.username();
    coTherapistAccount = api.newTherapist("co");
    outsiderAccount = api.newTherapist("outsider");
    becomeClientOf(therapistAccount, clientAccount);
    becomeClientOf(coTherapistAccount, clientAccount);
    // an earlier course of notes, oldest first, so that a reload has more than one page
    for (int i = 1; i <= EARLIER_NOTES; i++) {
      Response r = api.post(notesPath(), new JsonObject().put("text", String.format("Earlier note %02d", i)),
          therapistAccount.accessToken());
      assertEquals(201, r.status(), r.body().toString());
    }
    therapist = Browser.open("therapist", server.origin(), 1280, 900);
    client = Browser.open("client", server.origin(), 390, 844); // a phone
    coTherapist = Browser.open("cotherapist", server.origin(), 390, 844); // a phone
  }

  @AfterAll
  void stop() {
    for (Browser b : new Browser[] {therapist, client, coTherapist}) {
      if (b != null) b.close();
    }
    if (server != null) server.close();
  }

  @AfterEach
  void screenshots(TestInfo info) {
    String test = info.getTestMethod().orElseThrow().getName();
    for (Browser b : new Browser[] {therapist, client, coTherapist}) {
      // a browser that has not opened the app yet has nothing to show
      if (b.driver.getCurrentUrl().startsWith(server.origin())) b.screenshot("GoalsAndNotesWebTest-" + test + "-" + b.name);
    }
  }

  // ---------------------------------------------------------------- the steps

  @Test
  @Order(1)
  void theTherapistOpensAClientAndKeepsGoals() {
    therapist.signIn(therapistAccount.username(), THERAPIST_PASSWORD);
    therapist.click(By.cssSelector("a[aria-label='Goals & notes for " + clientName + "']"));
    therapist.textAppears(By.tagName("h1"), clientName + ": goals and notes");
    therapist.textAppears(By.cssSelector(".records-goals .records-state"), "No goals yet. Add the first one below.");
    therapist.waitFor(d -> noteTexts(therapist).size() == EARLIER_NOTES);
    assertFalse(therapist.isVisible(By.cssSelector("button.older-notes")), "exactly one page of notes: nothing older");
    therapist.assertControlsLabelled();

    // an empty goal is explained before anything is sent
    therapist.click(By.xpath("//form[contains(@class,'goal-add')]//button[normalize-space()='Add goal']"));
    therapist.textAppears(By.cssSelector(".goal-add .field-error"), "Please write the goal first.");

    // one goal by keyboard (Enter adds it), one with the button
    WebElement box = therapist.visible(By.cssSelector("textarea[name=goal]"));
    box.sendKeys(GOAL_SLEEP);
    box.sendKeys(Keys.ENTER);
    assertEquals("Active", goalStatus(GOAL_SLEEP));
    therapist.waitFor(d -> therapist.visible(By.cssSelector("textarea[name=goal]")).getAttribute("value").isEmpty());
    assertFalse(therapist.isVisible(By.cssSelector(".goal-add .field-error")), "the earlier problem is gone");
    therapist.type(By.cssSelector("textarea[name=goal]"), GOAL_WALK);
    therapist.click(By.xpath("//form[contains(@class,'goal-add')]//button[normalize-space()='Add goal']"));
    assertEquals("Active", goalStatus(GOAL_WALK));
    assertFalse(therapist.isVisible(By.cssSelector(".records-goals .records-state")));

    // the first is achieved
    therapist.click(By.cssSelector("button[aria-label='Mark achieved: " + GOAL_SLEEP + "']"));
    therapist.waitFor(d -> "Achieved".equals(goalStatusNow(GOAL_SLEEP)));
    therapist.textContains(By.cssSelector("li.goal[data-status=achieved] .console-status"), "Marked as achieved.");
    assertTrue(therapist.driver.findElements(By.cssSelector("button[aria-label='Mark achieved: " + GOAL_SLEEP + "']")).isEmpty());
    assertEquals("Change goal: " + GOAL_SLEEP, therapist.js("return document.activeElement.getAttribute('aria-label')"),
        "the keyboard stays on the goal that changed");

    // the second is reworded and paused in its editor
    therapist.click(By.cssSelector("button[aria-label='Change goal: " + GOAL_WALK + "']"));
    therapist.type(By.cssSelector("form.goal-edit textarea[name=goalText]"), GOAL_WALK_CHANGED);
    therapist.select(By.cssSelector("form.goal-edit select[name=goalStatus]"), "paused");
    therapist.click(By.xpath("//form[contains(@class,'goal-edit')]//button[normalize-space()='Save changes']"));
    therapist.waitFor(d -> "Paused".equals(goalStatusNow(GOAL_WALK_CHANGED)));
    assertEquals(List.of(GOAL_SLEEP, GOAL_WALK_CHANGED), goalTexts(therapist));

    // Escape closes an editor without saving and gives the keyboard back
    therapist.click(By.cssSelector("button[aria-label='Change goal: " + GOAL_SLEEP + "']"));
    therapist.visible(By.cssSelector("form.goal-edit textarea[name=goalText]")).sendKeys(" and naps", Keys.ESCAPE);
    therapist.waitFor(d -> d.findElements(By.cssSelector("form.goal-edit")).isEmpty());
    assertEquals(List.of(GOAL_SLEEP, GOAL_WALK_CHANGED), goalTexts(therapist));
    assertEquals("Change goal: " + GOAL_SLEEP, therapist.js("return document.activeElement.getAttribute('aria-label')"));
    therapist.assertControlsLabelled();
  }

  @Test
  @Order(2)
  void theTherapistWritesNotesAndARefusedSaveKeepsTheText() {
    // Ctrl+Enter saves; a plain Enter is a new line
    WebElement box = therapist.visible(By.cssSelector("textarea[name=note]"));
    box.sendKeys(NOTE_FIRST);
    box.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    therapist.waitFor(d -> noteTexts(therapist).size() == EARLIER_NOTES + 1);
    assertEquals(NOTE_FIRST, noteTexts(therapist).get(0), "newest first, line break kept");
    therapist.textAppears(By.cssSelector(".note-add .console-status"), "Note saved.");

    // the server refuses the next save once (503): said in plain words, and the text stays in the box
    therapist.js(String.join("\n",
        "const realFetch = window.fetch;",
        "window.fetch = function (url, options) {",
        "  if (options && options.method === 'POST' && /\\/notes$/.test(String(url))) {",
        "    window.fetch = realFetch;",
        "    return Promise.resolve(new Response(JSON.stringify({ error: { code: 'UNAVAILABLE',",
        "      message: 'The service is temporarily unavailable; nothing was saved. Please try again.' } }),",
        "      { status: 503, headers: { 'Content-Type': 'application/json' } }));",
        "  }",
        "  return realFetch.apply(this, arguments);",
        "};"));
    therapist.type(By.cssSelector("textarea[name=note]"), NOTE_SECOND);
    therapist.click(By.xpath("//form[contains(@class,'note-add')]//button[normalize-space()='Save note']"));
    therapist.textAppears(By.cssSelector(".note-add .console-status"),
        "TalkingStick couldn't save this just now. Nothing was saved and your text is still here — please try again in a moment.");
    assertEquals(NOTE_SECOND, therapist.visible(By.cssSelector("textarea[name=note]")).getAttribute("value"));
    assertEquals(EARLIER_NOTES + 1, noteTexts(therapist).size());

    therapist.click(By.xpath("//form[contains(@class,'note-add')]//button[normalize-space()='Save note']"));
    therapist.waitFor(d -> noteTexts(therapist).size() == EARLIER_NOTES + 2);
    assertEquals(List.of(NOTE_SECOND, NOTE_FIRST), noteTexts(therapist).subList(0, 2));
    assertEquals("", therapist.visible(By.cssSelector("textarea[name=note]")).getAttribute("value"));
    assertEquals(EARLIER_NOTES + 2, server.sql("SELECT count(*) FROM client_notes WHERE client_id = '"
        + clientAccount.id() + "'").iterator().next().getLong(0), "the refused save stored nothing");
  }

  @Test
  @Order(3)
  void afterAReloadEverythingIsStillThereAndOlderNotesPageIn() {
    therapist.driver.navigate().refresh();
    therapist.textAppears(By.tagName("h1"), clientName + ": goals and notes");
    therapist.waitFor(d -> goalTexts(therapist).size() == 2);
    assertEquals(List.of(GOAL_SLEEP, GOAL_WALK_CHANGED), goalTexts(therapist));
    assertEquals("Achieved", goalStatusNow(GOAL_SLEEP));
    assertEquals("Paused", goalStatusNow(GOAL_WALK_CHANGED));

    // the newest page (20) first, newest at the top; the two oldest come with "Load older notes"
    therapist.waitFor(d -> noteTexts(therapist).size() == 20);
    assertEquals(List.of(NOTE_SECOND, NOTE_FIRST, "Earlier note 20"), noteTexts(therapist).subList(0, 3));
    therapist.click(By.xpath("//button[normalize-space()='Load older notes']"));
    therapist.waitFor(d -> noteTexts(therapist).size() == EARLIER_NOTES + 2);
    List<String> all = noteTexts(therapist);
    assertEquals(List.of("Earlier note 02", "Earlier note 01"), all.subList(all.size() - 2, all.size()));
    therapist.waitFor(d -> !therapist.isVisible(By.cssSelector("button.older-notes")));
    assertEquals("Earlier note 02", therapist.js("return document.activeElement.querySelector('.note-text').textContent"),
        "the keyboard moves to the first older note");

    // clinical notes and goals stay in the page: not in the browser's storage, not in its console
    assertKeptOutOfTheBrowser(therapist);
    therapist.screenshot("GoalsAndNotesWebTest-client-page");
  }

  @Test
  @Order(4)
  void theGoalsAndNotesAreBesideThePrivateConversationAndHiddenFromTheClient() {
    therapist.click(By.xpath("//button[normalize-space()='Start a private conversation']"));
    therapist.textAppears(By.tagName("h1"), "Private conversation with " + clientName);
    String channelId = ((String) therapist.js("return location.hash")).replaceAll("^#/channels/([0-9a-f-]+).*$", "$1");
    therapist.visible(By.cssSelector("#records-panel[open]"));
    therapist.waitFor(d -> "Achieved".equals(goalStatusNow(GOAL_SLEEP)));
    therapist.waitFor(d -> !noteTexts(therapist).isEmpty() && NOTE_SECOND.equals(noteTexts(therapist).get(0)));
    therapist.assertControlsLabelled();
    therapist.screenshot("GoalsAndNotesWebTest-beside-the-conversation");

    // the client, in the same conversation, sees no goals or notes, and is told plainly if they look for them
    client.signIn(clientAccount.username(), CLIENT_PASSWORD);
    client.go("#/channels/" + channelId);
    client.textAppears(By.tagName("h1"), "Private conversation with Dr dr");
    assertTrue(client.driver.findElements(By.id("records-panel")).isEmpty());
    String page = client.visible(By.tagName("main")).getText();
    assertFalse(page.contains("Goals & notes") || page.contains(GOAL_SLEEP) || page.contains("isolated at work"), page);
    client.go("#/clients/" + clientAccount.id());
    client.textAppears(By.cssSelector(".form-message.problem"),
        "Only a client's own therapist can see and keep their goals and notes.");
    assertKeptOutOfTheBrowser(client);
    assertKeptOutOfTheBrowser(therapist);
  }

  @Test
  @Order(5)
  void noOtherTherapistAndNotTheClientCanReadThem() {
    // over HTTP: the client and an admin are refused, another therapist finds no such client
    Session admin = api.login(TestServer.ADMIN_USERNAME, TestServer.ADMIN_PASSWORD);
    for (String path : List.of(notesPath(), goalsPath())) {
      assertError(api.get(path, clientAccount.accessToken()), 403, "FORBIDDEN");
      assertError(api.get(path, admin.accessToken()), 403, "FORBIDDEN");
      assertError(api.get(path, outsiderAccount.accessToken()), 404, "NOT_FOUND");
      assertError(api.post(path, new JsonObject().put("text", "sneaky"), outsiderAccount.accessToken()), 404, "NOT_FOUND");
    }
    // the client's other therapist keeps their own, separate records and cannot touch these
    assertEquals(new JsonArray(), api.get(notesPath(), coTherapistAccount.accessToken()).json().getJsonArray("notes"));
    assertEquals(new JsonArray(), api.get(goalsPath(), coTherapistAccount.accessToken()).json().getJsonArray("goals"));
    String sleepGoalId = api.get(goalsPath(), therapistAccount.accessToken()).json().getJsonArray("goals")
        .getJsonObject(0).getString("id");
    assertError(api.request(HttpMethod.PATCH, goalsPath() + "/" + sleepGoalId,
        new JsonObject().put("status", "dropped").toBuffer(), coTherapistAccount.accessToken()), 404, "NOT_FOUND");

    // and in their browser, on a phone, the co-therapist sees only their own (empty) goals and notes
    coTherapist.signIn(coTherapistAccount.username(), THERAPIST_PASSWORD);
    coTherapist.visible(By.cssSelector("a[aria-label='Goals & notes for " + clientName + "']"));
    coTherapist.assertNoHorizontalScroll();
    coTherapist.screenshot("GoalsAndNotesWebTest-clients-list-phone");
    coTherapist.click(By.cssSelector("a[aria-label='Goals & notes for " + clientName + "']"));
    coTherapist.textAppears(By.tagName("h1"), clientName + ": goals and notes");
    coTherapist.textAppears(By.cssSelector(".records-goals .records-state"), "No goals yet. Add the first one below.");
    coTherapist.textAppears(By.cssSelector(".records-notes .records-state"), "No notes yet.");
    String page = coTherapist.visible(By.tagName("main")).getText();
    for (String secret : List.of(GOAL_SLEEP, GOAL_WALK_CHANGED, "isolated at work", "screens after 10pm", "Earlier note")) {
      assertFalse(page.contains(secret), "the co-therapist must not see: " + secret);
    }
    coTherapist.assertNoHorizontalScroll();
    coTherapist.assertControlsLabelled();
    coTherapist.type(By.cssSelector("textarea[name=goal]"), "Practise the breathing exercise");
    coTherapist.click(By.xpath("//form[contains(@class,'goal-add')]//button[normalize-space()='Add goal']"));
    coTherapist.textAppears(By.cssSelector("li.goal .goal-text"), "Practise the breathing exercise");
    coTherapist.assertNoHorizontalScroll();
    coTherapist.screenshot("GoalsAndNotesWebTest-cotherapist-phone");
    assertKeptOutOfTheBrowser(coTherapist);

    // each therapist's goals stay their own
    JsonArray mine = api.get(goalsPath(), therapistAccount.accessToken()).json().getJsonArray("goals");
    assertEquals(List.of(GOAL_SLEEP, GOAL_WALK_CHANGED), mine.stream().map(o -> ((JsonObject) o).getString("text")).toList());
    assertEquals("achieved", mine.getJsonObject(0).getString("status"));
  }

  // ---------------------------------------------------------------- helpers

  private String goalsPath() {
    return "/api/clients/" + clientAccount.id() + "/goals";
  }

  private String notesPath() {
    return "/api/clients/" + clientAccount.id() + "/notes";
  }

  /** The client redeems the therapist's direct client invite. */
  private void becomeClientOf(Session therapistSession, Session clientSession) {
    Response invite = api.post("/api/clients/invites", null, therapistSession.accessToken());
    assertEquals(201, invite.status(), invite.body().toString());
    Response joined = api.post("/api/clients/join", new JsonObject().put("code", invite.json().getString("code")),
        clientSession.accessToken());
    assertEquals(201, joined.status(), joined.body().toString());
  }

  private static void assertError(Response r, int status, String code) {
    assertEquals(status, r.status(), r.body().toString());
    assertEquals(code, r.errorCode(), r.body().toString());
  }

  @SuppressWarnings("unchecked")
  private static List<String> noteTexts(Browser b) {
    return (List<String>) b.js("return [...document.querySelectorAll('.note-list li.record-note .note-text')]"
        + ".map(e => e.textContent)");
  }

  @SuppressWarnings("unchecked")
  private static List<String> goalTexts(Browser b) {
    return (List<String>) b.js("return [...document.querySelectorAll('.goal-list li.goal .goal-text')].map(e => e.textContent)");
  }

  /** The shown status of the goal with this text, or null while it is not shown. */
  private String goalStatusNow(String text) {
    return (String) therapist.js("const t = arguments[0];"
        + "const li = [...document.querySelectorAll('.goal-list li.goal')]"
        + "  .find(e => e.querySelector('.goal-text').textContent === t);"
        + "return li ? li.querySelector('.goal-status').textContent : null;", text);
  }

  /** Waits for the goal with this text and returns its shown status. */
  private String goalStatus(String text) {
    return therapist.waitFor(d -> goalStatusNow(text));
  }

  /**
   * Nothing the therapist wrote is in localStorage or sessionStorage, nor in anything the page
   * wrote to the console; and the page had no script errors or CSP violations.
   */
  private static void assertKeptOutOfTheBrowser(Browser b) {
    String stored = b.storage();
    for (String secret : List.of(GOAL_SLEEP, "isolated at work", "screens after 10pm", "Earlier note", "breathing")) {
      assertFalse(stored.contains(secret), b.name + " stores " + secret + ": " + stored);
    }
    List<String> console = b.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    for (String line : console) {
      for (String secret : List.of(GOAL_SLEEP, "isolated at work", "screens after 10pm", "Earlier note", "breathing")) {
        assertFalse(line.contains(secret), b.name + " logged " + secret + ": " + line);
      }
      assertFalse(SCRIPT_PROBLEM.matcher(line).find(), b.name + ": script error or CSP violation: " + line);
    }
  }
}
