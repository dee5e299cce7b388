package app.talkingstick.channel;

import static app.talkingstick.channel.ChannelFixture.act;
import static app.talkingstick.channel.ChannelFixture.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.config.ConfigException;
import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.TestDatabase;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Channel messages at rest: only ciphertext in the rows, bound to their row, with keys that rotate. */
@ExtendWith(VertxExtension.class)
class ChannelEncryptionTest {

  private record Conversation(Session therapist, Session client, UUID channelId) {}

  private static Conversation conversation(ChannelFixture fx) {
    Session therapist = fx.api.newTherapist("sealed");
    Session client = fx.api.newClient("sealed");
    return new Conversation(therapist, client, fx.channel(therapist, client));
  }

  private static long send(ChannelFixture fx, Session who, UUID channelId, String text) {
    try (BusSocket socket = fx.socket(who)) {
      JsonObject reply = act(socket, channelId, say(text));
      assertTrue(reply.getBoolean("ok"), reply.encode());
      return reply.getLong("seq");
    }
  }

  private static Row row(TestServer server, UUID channelId, long seq) {
    return server.sql("SELECT ciphertext, nonce, key_id, client_msg_id FROM channel_messages WHERE channel_id = '"
        + channelId + "' AND seq = " + seq).iterator().next();
  }

  private static JsonArray history(ChannelFixture fx, Session who, UUID channelId) {
    return fx.history(who, channelId, "?after=0").json().getJsonArray("messages");
  }

  private static String writeKey(Path file) throws Exception {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n");
    return ChannelKeys.keyId(raw);
  }

  @Test
  void aRowHoldsOnlyCiphertextSealedWithTheGeneratedKey(Vertx vertx) throws Exception {
    Path dataDir = TestServer.tempDir();
    try (TestServer server = TestServer.start(Map.of("DATA_DIR", dataDir.toString()))) {
      ChannelFixture fx = new ChannelFixture(server, new Api(vertx, server.port()), vertx);
      Conversation c = conversation(fx);
      String text = "I have not told anyone about the pineapple letter";
      long seq = send(fx, c.client(), c.channelId(), text);

      Row row = row(server, c.channelId(), seq);
      byte[] ciphertext = row.getBuffer("ciphertext").getBytes();
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length + 16, ciphertext.length, "ciphertext and a 128-bit tag");
      assertFalse(new String(ciphertext, StandardCharsets.ISO_8859_1).contains("pineapple"));
      assertEquals(12, row.getBuffer("nonce").length());
      assertEquals(0, fx.count("SELECT count(*) FROM channel_messages WHERE position(convert_to('pineapple', 'UTF8') in ciphertext) > 0"));
      assertEquals(0, fx.count("SELECT count(*) FROM audit_log WHERE details::text LIKE '%pineapple%'"));

      List<Path> keyFiles;
      try (Stream<Path> files = Files.list(dataDir.resolve("keys"))) {
        keyFiles = files.filter(p -> p.getFileName().toString().startsWith("channel-")).toList();
      }
      assertEquals(1, keyFiles.size());
      String keyId = ChannelKeys.keyId(Base64.getDecoder().decode(Files.readString(keyFiles.get(0)).strip()));
      assertEquals("channel-" + keyId + ".key", keyFiles.get(0).getFileName().toString());
      assertEquals(keyId, row.getString("key_id"));
      assertEquals(16, keyId.length());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFiles.get(0))));

      assertEquals(text, history(fx, c.therapist(), c.channelId()).getJsonObject(0).getString("text"));
      assertTrue(Files.readString(keyFiles.get(0)).strip().length() > 40);
    }
  }

  @Test
  void aCiphertextMovedToAnotherRowNoLongerOpens(Vertx vertx) {
    try (TestServer server = TestServer.start()) {
      ChannelFixture fx = new ChannelFixture(server, new Api(vertx, server.port()), vertx);
      Conversation c = conversation(fx);
      send(fx, c.therapist(), c.channelId(), "first");
      send(fx, c.therapist(), c.channelId(), "second");
      send(fx, c.client(), c.channelId(), "third");
      server.sql("UPDATE channel_messages m SET ciphertext = o.ciphertext, nonce = o.nonce FROM channel_messages o"
          + " WHERE m.channel_id = '" + c.channelId() + "' AND o.channel_id = m.channel_id AND m.seq = 1 AND o.seq = 2");

      JsonArray messages = history(fx, c.client(), c.channelId());
      assertEquals(3, messages.size());
      assertNull(messages.getJsonObject(0).getString("text"), "sealed for seq 2, it does not open as seq 1");
      assertTrue(messages.getJsonObject(0).getBoolean("unreadable"));
      assertEquals("second", messages.getJsonObject(1).getString("text"));
      assertEquals("third", messages.getJsonObject(2).getString("text"), "the rest of the history is unaffected");
    }
  }

  @Test
  void keysRotateAndOldMessagesStillOpen(Vertx vertx) throws Exception {
    Path dataDir = TestServer.tempDir();
    Path outside = TestServer.tempDir();
    Path oldKey = outside.resolve("old.key");
    Path newKey = outside.resolve("new.key");
    String oldId = writeKey(oldKey);
    String newId = writeKey(newKey);
    String databaseUrl = TestDatabase.freshDatabaseUrl().toString();
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "DATABASE_URL", databaseUrl);

    Conversation c;
    try (TestServer first = TestServer.start(with(env, "CHANNEL_KEY_FILE", oldKey.toString()))) {
      ChannelFixture fx = new ChannelFixture(first, new Api(vertx, first.port()), vertx);
      c = conversation(fx);
      assertEquals(oldId, row(first, c.channelId(), send(fx, c.therapist(), c.channelId(), "under the old key")).getString("key_id"));
    }
    Files.createDirectories(dataDir.resolve("keys"));
    Files.copy(oldKey, dataDir.resolve("keys").resolve("channel-retired.key"));
    try (TestServer second = TestServer.start(with(env, "CHANNEL_KEY_FILE", newKey.toString()))) {
      ChannelFixture fx = new ChannelFixture(second, new Api(vertx, second.port()), vertx);
      Session therapist = fx.api.login(c.therapist().username(), "therapist password 1");
      assertEquals(newId, row(second, c.channelId(), send(fx, therapist, c.channelId(), "under the new key")).getString("key_id"));
      JsonArray messages = history(fx, therapist, c.channelId());
      assertEquals("under the old key", messages.getJsonObject(0).getString("text"));
      assertEquals("under the new key", messages.getJsonObject(1).getString("text"));
    }
    Files.delete(dataDir.resolve("keys").resolve("channel-retired.key"));
    try (TestServer third = TestServer.start(with(env, "CHANNEL_KEY_FILE", newKey.toString()))) {
      ChannelFixture fx = new ChannelFixture(third, new Api(vertx, third.port()), vertx);
      Session therapist = fx.api.login(c.therapist().username(), "therapist password 1");
      JsonArray messages = history(fx, therapist, c.channelId());
      assertNull(messages.getJsonObject(0).getString("text"), "without its key an old message cannot be read");
      assertEquals("under the new key", messages.getJsonObject(1).getString("text"));
    }
  }

  @Test
  void aBadKeyFileStopsTheStartWithoutShowingTheFile() throws Exception {
    Path file = TestServer.tempDir().resolve("short.key");
    Files.writeString(file, Base64.getEncoder().encodeToString("only sixteen byt".getBytes(StandardCharsets.US_ASCII)));
    ConfigException e = assertThrows(ConfigException.class, () -> TestServer.start(Map.of("CHANNEL_KEY_FILE", file.toString())));
    assertEquals("CHANNEL_KEY_FILE " + file + " must hold one base64-encoded 32-byte key", e.getMessage());
    ConfigException missing = assertThrows(ConfigException.class,
        () -> TestServer.start(Map.of("CHANNEL_KEY_FILE", "/nonexistent/channel.key")));
    assertEquals("CHANNEL_KEY_FILE /nonexistent/channel.key cannot be read", missing.getMessage());
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put(key, value);
    return all;
  }
}
