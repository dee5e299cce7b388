package app.talkingstick.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.group.GroupMessageStore.NewMessage;
import app.talkingstick.group.GroupMessageStore.RoomMessage;
import app.talkingstick.conversation.ConversationLog.Stored;
import app.talkingstick.support.Api;
import app.talkingstick.support.RoomFixture;
import app.talkingstick.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several rooms' messages in one statement: each keeps its own seq, and a retried clientMsgId finds its own room's. */
@ExtendWith(VertxExtension.class)
class GroupMessageWriterTest {

  private static TestServer server;
  private static Api api;
  private static Vertx vertx;

  @BeforeAll
  static void start(Vertx v) {
    vertx = v;
    server = TestServer.start(Map.of());
    api = new Api(v, server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void writesSeveralRoomsAtOnceAndResolvesRetriesPerRoom() {
    try (RoomFixture a = RoomFixture.create(server, api, vertx, "open", 1);
         RoomFixture b = RoomFixture.create(server, api, vertx, "open", 1)) {
      GroupMessageStore store = new GroupMessageStore(server.server().services().pool());
      Instant now = Instant.now();
      NewMessage a1 = message(a.groupId, 1, a.clients.get(0).memberId, "A", "same-id", "hello from a", now);
      NewMessage b1 = message(b.groupId, 1, b.clients.get(0).memberId, "B", "same-id", "hello from b", now);
      assertEquals(List.of(new Stored(1, false), new Stored(1, false)),
          store.insertAll(List.of(new RoomMessage(a.groupId, a1), new RoomMessage(b.groupId, b1))).await());

      NewMessage a2 = message(a.groupId, 2, a.clients.get(0).memberId, "A", "other-id", "second in a", now);
      NewMessage b2Retry = message(b.groupId, 2, b.clients.get(0).memberId, "B", "same-id", "hello from b", now);
      assertEquals(List.of(new Stored(2, false), new Stored(1, true)),
          store.insertAll(List.of(new RoomMessage(a.groupId, a2), new RoomMessage(b.groupId, b2Retry))).await());

      assertEquals(2L, count("SELECT count(*) FROM group_messages WHERE group_id = '" + a.groupId + "'"));
      assertEquals(1L, count("SELECT count(*) FROM group_messages WHERE group_id = '" + b.groupId + "'"));
    }
  }

  @Test
  void roomsWritingAtOnceShareCommitsAndKeepTheirOwnOrder() {
    List<RoomFixture> rooms = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) rooms.add(RoomFixture.create(server, api, vertx, "open", 1));
      GroupMessageWriter writer = server.server().services().groupMessages();
      List<Future<List<Stored>>> written = new ArrayList<>();
      vertx.runOnContext(v -> {
        for (int seq = 1; seq <= 5; seq++) {
          for (RoomFixture room : rooms) {
            NewMessage m = message(room.groupId, seq, room.clients.get(0).memberId, "M", "m" + seq, "message " + seq,
                Instant.now());
            synchronized (written) {
              written.add(writer.insert(room.groupId, List.of(m)));
            }
          }
        }
      });
      long deadline = System.currentTimeMillis() + 10_000;
      while (count("SELECT count(*) FROM group_messages WHERE client_msg_id LIKE 'm%' AND group_id IN ("
          + String.join(",", rooms.stream().map(r -> "'" + r.groupId + "'").toList()) + ")") < 20
          && System.currentTimeMillis() < deadline) {
        Thread.onSpinWait();
      }
      synchronized (written) {
        assertEquals(20, written.size());
        for (Future<List<Stored>> f : written) assertEquals(false, f.await().get(0).duplicate());
      }
      for (RoomFixture room : rooms) {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seqs(room));
      }
      long transactions = count("SELECT count(DISTINCT xmin::text) FROM group_messages WHERE group_id IN ("
          + String.join(",", rooms.stream().map(r -> "'" + r.groupId + "'").toList()) + ")");
      assertTrue(transactions <= 3, "20 messages of 4 rooms submitted together took " + transactions + " commits");
    } finally {
      rooms.forEach(RoomFixture::close);
    }
  }

  /** Below the say action's own cleaning: a row PostgreSQL refuses fails alone, not the other rooms' rows in its commit. */
  @Test
  void aRowTheDatabaseRefusesFailsAloneAndTheRestOfTheCommitIsStored() {
    try (RoomFixture a = RoomFixture.create(server, api, vertx, "open", 1);
         RoomFixture b = RoomFixture.create(server, api, vertx, "open", 1)) {
      GroupMessageWriter writer = server.server().services().groupMessages();
      List<Future<List<Stored>>> written = new ArrayList<>();
      vertx.runOnContext(v -> {
        synchronized (written) {
          for (int seq = 1; seq <= 3; seq++) {
            // the text is sealed (bytea): a NUL in the client's message id is what PostgreSQL refuses here
            String clientMsgId = seq == 2 ? "bad\u0000id" : "a" + seq;
            written.add(writer.insert(a.groupId, List.of(message(a.groupId, seq, a.clients.get(0).memberId, "A", clientMsgId,
                "fine " + seq, Instant.now()))));
            written.add(writer.insert(b.groupId, List.of(message(b.groupId, seq, b.clients.get(0).memberId, "B", "b" + seq,
                "fine " + seq, Instant.now()))));
          }
        }
      });
      long deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline) {
        synchronized (written) {
          if (written.size() == 6 && written.stream().allMatch(Future::isComplete)) break;
        }
        Thread.onSpinWait();
      }
      synchronized (written) {
        for (int i = 0; i < 6; i++) {
          boolean theBadOne = i == 2;
          assertEquals(theBadOne, written.get(i).failed(), "write " + i);
        }
      }
      assertEquals(List.of(1L, 3L), seqs(a));
      assertEquals(List.of(1L, 2L, 3L), seqs(b));
    }
  }

  private static NewMessage message(UUID groupId, long seq, UUID memberId, String pseudonym, String clientMsgId, String text,
                                    Instant at) {
    return NewMessage.of(server.server().services().channelCipher(), groupId, seq, memberId, pseudonym, clientMsgId, text,
        "visible", false, at);
  }

  private static List<Long> seqs(RoomFixture room) {
    List<Long> seqs = new ArrayList<>();
    server.sql("SELECT seq FROM group_messages WHERE group_id = '" + room.groupId + "' ORDER BY created_at, seq")
        .forEach(r -> seqs.add(r.getLong(0)));
    return seqs;
  }

  private static long count(String sql) {
    return server.sql(sql).iterator().next().getLong(0);
  }
}
