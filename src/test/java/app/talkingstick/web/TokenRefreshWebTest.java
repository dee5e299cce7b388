package app.talkingstick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.GroupFixtures;
import app.talkingstick.support.TestServer;
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
 * With access tokens that live only 6 seconds, the client refreshes them before they expire, and
 * when the server closes a socket because the token it was opened with expired (4401), the client
 * reconnects at once with a new ticket, quietly (no offline banner), and the room carries on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRefreshWebTest {

  private TestServer server;
  private Browser therapist;
  private Browser client;

  @BeforeAll
  void start() {
    server = TestServer.start(Map.of("ACCESS_TOKEN_TTL_SECONDS", "6"));
    therapist = Browser.open("therapist", server.origin(), 1280, 900);
    client = Browser.open("client", server.origin(), 1280, 900);
  }

  @AfterAll
  void stop() {
    for (Browser b : new Browser[] {therapist, client}) {
      if (b != null) b.close();
    }
    if (server != null) server.close();
  }

  @Test
  void shortLivedTokensAreRefreshedAndExpiredSocketsReopenQuietly() throws InterruptedException {
    Api api = new Api(null, server.port());
    GroupFixtures groups = new GroupFixtures(api, server);
    Session t = api.newTherapist("dr");
    Session c = api.newClient("kai");
    UUID groupId = UUID.fromString(groups.createGroup(t, GroupFixtures.groupBody("Short tokens").put("mode", "open")).getString("id"));
    groups.joinNewClient(t, groupId, c, "Kai");

    therapist.signIn(t.username(), "therapist password 1");
    client.signIn(c.username(), "a long enough password");
    therapist.go("#/groups/" + groupId);
    client.go("#/groups/" + groupId);
    for (Browser b : List.of(therapist, client)) {
      b.textContains(By.cssSelector(".people"), "Kai");
      b.js("window.__opens = 0; window.__tsBus.on('open', () => { window.__opens += 1; });"
          + "window.__bannerShown = 0; const banner = document.getElementById('connection');"
          + "new MutationObserver(() => { if (!banner.hidden) window.__bannerShown += 1; })"
          + ".observe(banner, {attributes: true});");
    }
    therapist.click(By.id("start-session"));
    client.textContains(By.cssSelector(".session-line"), "In session");

    // two token lifetimes: each socket is closed by the server and opened again
    for (Browser b : List.of(therapist, client)) {
      b.waitFor(d -> ((Number) b.js("return window.__opens")).intValue() >= 2, Duration.ofSeconds(20));
    }
    client.say("Still here after my tokens changed.");
    therapist.message("Still here after my tokens changed.");
    therapist.say("Glad you are.");
    client.message("Glad you are.");
    for (Browser b : List.of(therapist, client)) {
      assertEquals(1, b.count("Still here after my tokens changed."));
      assertEquals(0L, ((Number) b.js("return window.__bannerShown")).longValue(), b.name + ": no offline banner");
      assertTrue(b.storage().contains("talkingstick.refreshToken"));
      b.assertNoScriptProblems();
      b.screenshot("TokenRefreshWebTest-shortLivedTokensAreRefreshedAndExpiredSocketsReopenQuietly-" + b.name);
    }
  }
}
