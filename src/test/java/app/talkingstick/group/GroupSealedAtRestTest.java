package app.talkingstick.group;

import static app.talkingstick.support.RoomFixture.nextEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.channel.ChannelKeys;
import app.talkingstick.safety.ModerationStore;
import app.talkingstick.support.Api;
import app.talkingstick.support.RoomFixture;
import app.talkingstick.support.RoomFixture.Person;
import app.talkingstick.support.TestDatabase;
import app.talkingstick.support.TestServer;
import app.talkingstick.bridge.UserAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Group messages, escalation notes and moderation reasons at rest: the rows hold only ciphertext
 * (read raw with SQL), everything that reads them still shows the text, and a key rotation keeps old rows open.
 */
@ExtendWith(VertxExtension.class)
class GroupSealedAtRestTest {

  private static RoomFixture room(TestServer server, Api api, Vertx vertx) {
    RoomFixture room = RoomFixture.create(server, api, vertx, "open", 2);
    room.connectAll();
    room.everyone().forEach(p -> p.socket.register(UserAddresses.inbox(p.session.id())));
    room.startSession();
    return room;
  }

  private static Row one(TestServer server, String sql) {
    return server.sql(sql).iterator().next();
  }

  /** The plaintext's bytes appear nowhere in the sealed bytes. */
  private static void assertSealed(Buffer sealed, String plaintext) {
    assertNotNull(sealed, "sealed");
    String raw = new String(sealed.getBytes(), StandardCharsets.ISO_8859_1);
    assertFalse(raw.contains(new String(plaintext.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)),
        "no plaintext in the ciphertext");
  }

  private static JsonArray history(Api api, RoomFixture room, Person reader) {
    return api.get("/api/groups/" + room.groupId + "/messages?after=0", reader.session.accessToken()).json().getJsonArray("messages");
  }

  private static String writeKey(Path file) throws Exception {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n");
    return ChannelKeys.keyId(raw);
  }

  @Test
  void messagesNotesAndReasonsAreStoredOnlySealedAndStillRead(Vertx vertx) {
    try (TestServer server = TestServer.start()) {
      Api api = new Api(vertx, server.port());
      try (RoomFixture room = room(server, api, vertx)) {
        Person author = room.clients.get(0);
        Person other = room.clients.get(1);
        String key = server.server().services().channelCipher().activeKeyId();

        String text = "nobody knows about the pineapple orchard";
        long seq = room.say(author, text).getLong("seq");
        Row row = one(server, "SELECT body, ciphertext, nonce, key_id FROM group_messages WHERE group_id = '"
            + room.groupId + "' AND seq = " + seq);
        assertNull(row.getString("body"), "no plaintext column value");
        assertSealed(row.getBuffer("ciphertext"), text);
        assertEquals(12, row.getBuffer("nonce").length());
        assertEquals(key, row.getString("key_id"));
        assertEquals(0L, one(server, "SELECT count(*) FROM group_messages WHERE body IS NOT NULL").getLong(0));
        assertEquals(text, history(api, room, other).getJsonObject(0).getString("text"));

        // held, then approved: the room is shown the opened text
        long held = room.say(author, "what an idiot").getLong("seq");
        assertSealed(one(server, "SELECT ciphertext FROM group_messages WHERE group_id = '" + room.groupId + "' AND seq = "
            + held).getBuffer("ciphertext"), "what an idiot");
        assertTrue(room.act(room.therapist, new JsonObject().put("type", "approve").put("seq", held)).getBoolean("ok"));
        JsonObject approved = nextEvent(other, "message");
        while (approved.getLong("seq") != held) approved = nextEvent(other, "message");
        assertEquals("what an idiot", approved.getString("text"));

        // a mute's reason, in member_mutes and in the audit log
        String reason = "shouted about the lighthouse keeper";
        assertTrue(room.act(room.therapist, new JsonObject().put("type", "mute").put("memberId", author.memberId.toString())
            .put("seconds", 600).put("reason", reason)).getBoolean("ok"));
        nextEvent(author, "muted");
        Row mute = one(server, "SELECT reason, reason_ciphertext, reason_key_id FROM member_mutes WHERE member_id = '"
            + author.memberId + "'");
        assertNull(mute.getString("reason"));
        assertSealed(mute.getBuffer("reason_ciphertext"), reason);
        assertEquals(key, mute.getString("reason_key_id"));
        assertEquals(reason, new ModerationStore(server.server().services().pool(), server.server().services().channelCipher())
            .muteReason(author.memberId).await().orElseThrow());
        long deadline = System.currentTimeMillis() + 2_000;
        while (one(server, "SELECT count(*) FROM audit_log WHERE group_id = '" + room.groupId + "' AND action = 'muted'")
            .getLong(0) == 0 && System.currentTimeMillis() < deadline) {
          Thread.onSpinWait();
        }
        Row audit = one(server, "SELECT reason, reason_ciphertext FROM audit_log WHERE group_id = '" + room.groupId
            + "' AND action = 'muted'");
        assertNull(audit.getString("reason"));
        assertSealed(audit.getBuffer("reason_ciphertext"), reason);
        JsonArray entries = api.get("/api/groups/" + room.groupId + "/audit", room.therapist.session.accessToken())
            .json().getJsonArray("entries");
        assertTrue(entries.stream().map(e -> (JsonObject) e)
            .anyMatch(e -> "muted".equals(e.getString("action")) && reason.equals(e.getString("reason"))), entries.encode());
        assertEquals(0L, one(server, "SELECT count(*) FROM audit_log WHERE reason IS NOT NULL").getLong(0));

        // an escalation's resolution note
        JsonObject crisis = room.say(other, "I don't want to be here anymore");
        assertTrue(crisis.getBoolean("ok"), crisis.encode());
        String escalationId = nextEvent(room.therapist, "crisis").getString("escalationId");
        String note = "Called them after the session about the blue notebook";
        String token = room.therapist.session.accessToken();
        JsonObject resolved = api.post("/api/escalations/" + escalationId + "/resolve", new JsonObject().put("note", note), token)
            .json();
        assertEquals(note, resolved.getString("note"), resolved.encode());
        Row escalation = one(server, "SELECT note, note_ciphertext, note_key_id FROM escalations WHERE id = '" + escalationId + "'");
        assertNull(escalation.getString("note"));
        assertSealed(escalation.getBuffer("note_ciphertext"), note);
        assertEquals(key, escalation.getString("note_key_id"));
        JsonArray all = api.get("/api/escalations?all=true", token).json().getJsonArray("escalations");
        assertTrue(all.stream().map(e -> (JsonObject) e)
            .anyMatch(e -> escalationId.equals(e.getString("id")) && note.equals(e.getString("note"))), all.encode());
      }
    }
  }

  @Test
  void aMessageMovedToAnotherSeqNoLongerOpens(Vertx vertx) {
    try (TestServer server = TestServer.start()) {
      Api api = new Api(vertx, server.port());
      try (RoomFixture room = room(server, api, vertx)) {
        Person author = room.clients.get(0);
        long first = room.say(author, "first").getLong("seq");
        long second = room.say(author, "second").getLong("seq");
        server.sql("UPDATE group_messages SET ciphertext = o.ciphertext, nonce = o.nonce FROM group_messages o"
            + " WHERE group_messages.group_id = '" + room.groupId + "' AND group_messages.seq = " + second
            + " AND o.group_id = group_messages.group_id AND o.seq = " + first);
        JsonArray messages = history(api, room, room.clients.get(1));
        assertEquals("first", messages.getJsonObject(0).getString("text"));
        assertNull(messages.getJsonObject(1).getString("text"), "a ciphertext copied to another row does not open");
      }
    }
  }

  /** Runs a statement that audit_log's trigger must refuse, and says so. */
  private static void refused(TestServer server, String statement) {
    Throwable refusal = assertThrows(Throwable.class, () -> server.sql(statement), statement);
    assertTrue(String.valueOf(refusal.getMessage()).contains("append-only"), statement + ": " + refusal);
  }

  @Test
  void theAuditLogAllowsOnlyTheSealingOfAReasonWrittenInTheClear(Vertx vertx) {
    try (TestServer server = TestServer.start()) {
      Api api = new Api(vertx, server.port());
      try (RoomFixture room = room(server, api, vertx)) {
        // as a server before V9 left it (planted after this server's start-up sealing)
        String actor = room.therapist.session.id().toString();
        String other = room.clients.get(0).session.id().toString();
        server.sql("INSERT INTO audit_log (group_id, actor_id, action, member_id, reason) VALUES ('" + room.groupId + "', '"
            + actor + "', 'legacy-removed', '" + room.clients.get(1).memberId + "', 'kept saying the password')");
        long id = one(server, "SELECT id FROM audit_log WHERE action = 'legacy-removed'").getLong(0);
        String row = " WHERE id = " + id;
        String seal = "reason = NULL, reason_ciphertext = '\\x01', reason_nonce = '\\x000102030405060708090a0b',"
            + " reason_key_id = 'k'";
        // the room may still be writing entries of its own (they are written after the reply): count those there now
        long last = one(server, "SELECT max(id) FROM audit_log").getLong(0);
        String upToNow = "SELECT count(*) FROM audit_log WHERE id <= " + last;
        long total = one(server, upToNow).getLong(0);

        // anything but exactly the sealing, on an entry in the clear
        refused(server, "UPDATE audit_log SET actor_id = '" + other + "'" + row);
        refused(server, "UPDATE audit_log SET " + seal + ", actor_id = '" + other + "'" + row);
        refused(server, "UPDATE audit_log SET " + seal + ", action = 'unmuted'" + row);
        refused(server, "UPDATE audit_log SET " + seal + ", at = at - interval '1 day'" + row);
        refused(server, "UPDATE audit_log SET " + seal + ", member_id = NULL" + row);
        refused(server, "UPDATE audit_log SET " + seal + ", details = '{\"x\": 1}'" + row);
        refused(server, "UPDATE audit_log SET " + seal + ", id = id + 1000" + row);
        refused(server, "UPDATE audit_log SET reason = 'something kinder'" + row);
        refused(server, "UPDATE audit_log SET reason = ''" + row.replace("WHERE", "WHERE reason_ciphertext IS NULL AND"));
        refused(server, "UPDATE audit_log SET reason = '', reason_ciphertext = '\\x01',"
            + " reason_nonce = '\\x000102030405060708090a0b', reason_key_id = 'k'" + row);
        refused(server, "UPDATE audit_log SET reason = NULL" + row);
        refused(server, "UPDATE audit_log SET reason = NULL, reason_ciphertext = '\\x01'" + row);
        refused(server, "DELETE FROM audit_log" + row);
        refused(server, "DELETE FROM audit_log");
        refused(server, "UPDATE audit_log SET action = 'x'");
        assertThrows(Throwable.class, () -> server.sql("TRUNCATE audit_log"));
        assertEquals("kept saying the password", one(server, "SELECT reason FROM audit_log" + row).getString(0));

        // the sealing itself (what a start does), then nothing more on that entry
        assertEquals(1L, app.talkingstick.audit.AuditLog.sealPlaintext(server.server().services().pool(),
            server.server().services().channelCipher(), 500).await());
        Row sealed = one(server, "SELECT reason, reason_ciphertext, reason_nonce, reason_key_id, action, actor_id FROM audit_log"
            + row);
        assertNull(sealed.getString("reason"));
        assertSealed(sealed.getBuffer("reason_ciphertext"), "kept saying the password");
        assertEquals("legacy-removed", sealed.getString("action"));
        assertEquals(actor, sealed.getUUID("actor_id").toString());
        refused(server, "UPDATE audit_log SET reason = 'kept saying the password', reason_ciphertext = NULL,"
            + " reason_nonce = NULL, reason_key_id = NULL" + row);
        refused(server, "UPDATE audit_log SET reason_ciphertext = NULL, reason_nonce = NULL, reason_key_id = NULL" + row);
        refused(server, "UPDATE audit_log SET reason_ciphertext = NULL" + row);
        refused(server, "UPDATE audit_log SET reason_ciphertext = '\\x02'" + row);
        refused(server, "UPDATE audit_log SET reason_key_id = 'other'" + row);
        refused(server, "UPDATE audit_log SET action = 'x'" + row);
        refused(server, "DELETE FROM audit_log" + row);
        assertEquals(total, one(server, upToNow).getLong(0), "nothing erased");
        assertEquals(0L, one(server, "SELECT count(*) FROM audit_log WHERE reason IS NOT NULL").getLong(0));
        assertEquals(0L, app.talkingstick.audit.AuditLog.sealPlaintext(server.server().services().pool(),
            server.server().services().channelCipher(), 500).await(), "a second run finds nothing");

        JsonArray entries = api.get("/api/groups/" + room.groupId + "/audit", room.therapist.session.accessToken())
            .json().getJsonArray("entries");
        assertTrue(entries.stream().map(e -> (JsonObject) e).anyMatch(e -> "legacy-removed".equals(e.getString("action"))
            && "kept saying the password".equals(e.getString("reason"))), entries.encode());
      }
    }
  }

  @Test
  void rowsStoredInTheClearAreSealedAtStartAndOldKeysStillOpenAfterARotation(Vertx vertx) throws Exception {
    Path dataDir = TestServer.tempDir();
    Path outside = TestServer.tempDir();
    Path oldKey = outside.resolve("old.key");
    Path newKey = outside.resolve("new.key");
    String oldId = writeKey(oldKey);
    String newId = writeKey(newKey);
    Map<String, String> env = new HashMap<>(Map.of("DATA_DIR", dataDir.toString(),
        "DATABASE_URL", TestDatabase.freshDatabaseUrl().toString()));

    RoomFixture room;
    env.put("CHANNEL_KEY_FILE", oldKey.toString());
    try (TestServer first = TestServer.start(env)) {
      Api api = new Api(vertx, first.port());
      room = room(first, api, vertx);
      long seq = room.say(room.clients.get(0), "under the old key").getLong("seq");
      assertEquals(oldId, one(first, "SELECT key_id FROM group_messages WHERE group_id = '" + room.groupId + "' AND seq = "
          + seq).getString("key_id"));
      // as a server before V9 left them: a message, a mute reason and a note in the clear
      first.sql("INSERT INTO group_messages (group_id, seq, member_id, client_msg_id, body) VALUES ('" + room.groupId
          + "', " + (seq + 1) + ", '" + room.clients.get(1).memberId + "', 'legacy-1', 'written before sealing')");
      first.sql("INSERT INTO member_mutes (member_id, until, reason) VALUES ('" + room.clients.get(1).memberId
          + "', now() + interval '1 hour', 'an old plain reason')");
      first.sql("INSERT INTO audit_log (group_id, actor_id, action, member_id, reason, at) VALUES ('" + room.groupId
          + "', '" + room.therapist.session.id() + "', 'legacy-muted', '" + room.clients.get(1).memberId
          + "', 'an old plain audit reason', '2020-01-02T03:04:05.123456Z')");
      room.close();
    }
    Files.createDirectories(dataDir.resolve("keys"));
    Files.copy(oldKey, dataDir.resolve("keys").resolve("channel-retired.key"));
    env.put("CHANNEL_KEY_FILE", newKey.toString());
    try (TestServer second = TestServer.start(env)) {
      Api api = new Api(vertx, second.port());
      RoomFixture again = RoomFixture.reattach(room, second, api, vertx);
      assertEquals(0L, one(second, "SELECT count(*) FROM group_messages WHERE body IS NOT NULL").getLong(0), "sealed at start");
      assertEquals(0L, one(second, "SELECT count(*) FROM member_mutes WHERE reason IS NOT NULL").getLong(0), "sealed at start");
      Row legacy = one(second, "SELECT ciphertext, key_id FROM group_messages WHERE client_msg_id = 'legacy-1'");
      assertSealed(legacy.getBuffer("ciphertext"), "written before sealing");
      assertEquals(newId, legacy.getString("key_id"));
      assertEquals(0L, one(second, "SELECT count(*) FROM audit_log WHERE reason IS NOT NULL").getLong(0), "sealed at start");
      Row audit = one(second, "SELECT actor_id, member_id, at, reason_ciphertext, reason_nonce, reason_key_id FROM audit_log"
          + " WHERE action = 'legacy-muted'");
      assertSealed(audit.getBuffer("reason_ciphertext"), "an old plain audit reason");
      assertEquals(12, audit.getBuffer("reason_nonce").length());
      assertEquals(newId, audit.getString("reason_key_id"));
      assertEquals(room.therapist.session.id(), audit.getUUID("actor_id"), "the rest of the entry as written");
      assertEquals(room.clients.get(1).memberId, audit.getUUID("member_id"));
      assertEquals(java.time.Instant.parse("2020-01-02T03:04:05.123456Z"), audit.getOffsetDateTime("at").toInstant());
      JsonArray entries = api.get("/api/groups/" + room.groupId + "/audit", again.therapist.session.accessToken())
          .json().getJsonArray("entries");
      JsonObject legacyEntry = entries.stream().map(e -> (JsonObject) e).filter(e -> "legacy-muted".equals(e.getString("action")))
          .findFirst().orElseThrow(() -> new AssertionError(entries.encode()));
      assertEquals("an old plain audit reason", legacyEntry.getString("reason"), "reads back the same");
      assertEquals(room.clients.get(1).memberId.toString(), legacyEntry.getString("memberId"));
      assertEquals("2020-01-02T03:04:05.123456Z", legacyEntry.getString("at"));
      assertEquals("an old plain reason", new ModerationStore(second.server().services().pool(),
          second.server().services().channelCipher()).muteReason(room.clients.get(1).memberId).await().orElseThrow());

      JsonArray messages = api.get("/api/groups/" + room.groupId + "/messages?after=0",
          again.therapist.session.accessToken()).json().getJsonArray("messages");
      assertEquals("under the old key", messages.getJsonObject(0).getString("text"));
      assertEquals("written before sealing", messages.getJsonObject(1).getString("text"));
    }
  }
}
