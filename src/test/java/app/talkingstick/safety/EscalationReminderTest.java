package app.talkingstick.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.bridge.UserAddresses;
import app.talkingstick.support.Api;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.RoomFixture;
import app.talkingstick.support.RoomFixture.Person;
import app.talkingstick.support.TestMail;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An alert nobody acknowledges is not left there: after ESCALATION_ACK_SECONDS (shortened here) it is
 * sent again to the group's therapists, to its other therapists and to the admins, and e-mailed through a
 * real (embedded) SMTP server, in words that hold neither what was written nor who wrote it.
 */
@ExtendWith(VertxExtension.class)
class EscalationReminderTest {

  private static final String ADMIN_EMAIL = "admin@example.org";
  private static TestServer server;
  private static TestMail mail;
  private static Api api;
  private static Vertx vertx;

  @BeforeAll
  static void start(Vertx v) {
    vertx = v;
    mail = TestMail.start();
    server = TestServer.start(Map.of("ESCALATION_ACK_SECONDS", "1", "SMTP_URL", mail.smtpUrl(),
        "ADMIN_EMAIL", ADMIN_EMAIL, "PUBLIC_URL", "https://talk.example.org"));
    api = new Api(v, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    mail.close();
  }

  private static JsonObject body(JsonObject frame) {
    return frame.getJsonObject("body") == null ? new JsonObject() : frame.getJsonObject("body");
  }

  private static BusSocket inboxOf(Api.Session who) {
    BusSocket socket = BusSocket.open(vertx, server.port(), api.ticket(who), server.origin());
    socket.registerLive(UserAddresses.inbox(who.id()), probe -> server.server().services().inbox().deliver(who.id(), probe));
    return socket;
  }

  @Test
  void anUnacknowledgedAlertReachesTheOtherTherapistAndTheAdminAndIsMailedWithoutItsWords() {
    try (RoomFixture room = RoomFixture.create(server, api, vertx, "raise-hand", 1)) {
      room.connectAll();
      room.startSession();
      server.sql("UPDATE accounts SET email = 'first@example.org' WHERE id = '" + room.therapist.session.id() + "'");
      Api.Session second = api.newTherapist("second");
      server.sql("UPDATE accounts SET email = 'second@example.org' WHERE id = '" + second.id() + "'");
      Api.Session admin = api.login(TestServer.ADMIN_USERNAME, TestServer.ADMIN_PASSWORD);
      Person author = room.clients.get(0);
      try (BusSocket first = inboxOf(room.therapist.session); BusSocket other = inboxOf(second); BusSocket root = inboxOf(admin)) {
        // the second therapist joins the group after the room went live: reminders read the group as it is now
        server.sql("INSERT INTO group_members (group_id, account_id, role, pseudonym) VALUES ('" + room.groupId + "', '"
            + second.id() + "', 'therapist', 'Dr Second')");
        String text = "I have the pills saved up and I'm doing it tonight";
        JsonObject reply = room.say(author, text);
        assertTrue(reply.getBoolean("ok"), reply.encode());
        assertFalse(reply.getBoolean("shared"), "out of turn: to the therapists only");

        JsonObject firstAlert = first.nextMatching(f -> "crisis".equals(body(f).getString("type")), Duration.ofSeconds(5)).getJsonObject("body");
        assertFalse(firstAlert.getBoolean("reminder"));
        JsonObject reminder = other.nextMatching(f -> "crisis".equals(body(f).getString("type")), Duration.ofSeconds(10))
            .getJsonObject("body");
        assertTrue(reminder.getBoolean("reminder"));
        assertEquals(text, reminder.getString("text"), "a therapist of the group reads what was written");
        JsonObject toAdmin = root.nextMatching(f -> "crisis".equals(body(f).getString("type")), Duration.ofSeconds(10))
            .getJsonObject("body");
        assertNull(toAdmin.getString("text"), "an admin is told only that one is waiting, and where");
        assertNull(toAdmin.getString("pseudonym"));
        assertEquals(firstAlert.getString("escalationId"), toAdmin.getString("escalationId"));
        assertTrue(first.nextMatching(f -> "crisis".equals(body(f).getString("type")), Duration.ofSeconds(5))
            .getJsonObject("body").getBoolean("reminder"), "and the first therapist hears it again");

        List<TestMail.Mail> mails = mail.waitForMessages(3, Duration.ofSeconds(10));
        assertEquals(3, mails.size(), mails.toString());
        assertEquals(List.of("admin@example.org", "first@example.org", "second@example.org"),
            mails.stream().flatMap(m -> m.to().stream()).sorted().toList());
        for (TestMail.Mail m : mails) {
          String all = m.everything().toLowerCase();
          assertFalse(all.contains("pills"), all);
          assertFalse(all.contains("tonight"), all);
          assertFalse(all.contains(author.pseudonym.toLowerCase()), all);
          assertFalse(all.contains(author.session.username().toLowerCase()), all);
          assertTrue(all.contains("https://talk.example.org/#/escalations"), all);
        }

        String id = firstAlert.getString("escalationId");
        JsonObject acknowledged = api.post("/api/escalations/" + id + "/acknowledge", null, admin.accessToken()).json();
        assertEquals("acknowledged", acknowledged.getString("status"), "an admin who reached someone may acknowledge");
        assertNull(acknowledged.getString("text"));
        assertEquals(id, other.nextMatching(f -> "escalation-updated".equals(body(f).getString("type")), Duration.ofSeconds(5))
            .getJsonObject("body").getString("escalationId"));
        assertEquals(403, api.post("/api/escalations/" + id + "/resolve", new JsonObject().put("note", "x"), admin.accessToken()).status());
        pause(1_500);
        assertEquals(3, mail.received().size(), "one reminder per escalation");
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
