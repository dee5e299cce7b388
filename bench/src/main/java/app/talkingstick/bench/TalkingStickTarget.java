package app.talkingstick.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * TalkingStick through its public protocol only (docs/protocol.md): accounts, groups and invites
 * over the HTTP API, then per member a single-use ticket and a raw WebSocket on
 * {@code /eventbus/websocket} speaking the bridge's JSON frames. Member 0 of each room is the
 * group's therapist, who must be present (and have started a session) for clients to speak;
 * members 1..M-1 are clients who joined with the group's invite. Messages are {@code say} actions
 * sent to {@code group.{id}.in} with a reply address; the reply is the acknowledgement after
 * commit, and the room's {@code message} events on {@code group.{id}.out} are the deliveries.
 */
public final class TalkingStickTarget implements Target {

  private static final long REPLY_MAGIC = 0xB0B0B0B0_0000_4000L;
  private static final long CONTROL_MAGIC = 0xC0C0C0C0_0000_4000L;
  private static final String PASSWORD = "bench password 2024";
  private static final long REFRESH_AFTER_NANOS = TimeUnit.MINUTES.toNanos(3);
  private static final int SETUP_CONCURRENCY = 6;

  static final class Account {
    final String username;
    String accessToken;
    String refreshToken;
    long issuedAt;
    String memberId;
    /** The account's id (therapists: from their creation), for {@code user.{id}.inbox}. */
    String accountId;
    /** Picks the member's next sentence (see Payload#sentence): from its own start, plus what it has said in every run so far. */
    long said;

    Account(String username) {
      this.username = username;
    }
  }

  static final class Room {
    final String groupId;
    final Account[] members;

    Room(String groupId, int members) {
      this.groupId = groupId;
      this.members = new Account[members];
    }
  }

  private final String name;
  private final String host;
  private final int port;
  private final String adminUsername;
  private final String adminPassword;
  private final String tag = randomTag();
  private final Map<Integer, List<Room>> prepared = new HashMap<>();
  private Http http;
  private Context setup;
  private Account admin;
  private volatile List<Room> active = List.of();
  /** Bumped by every prepare() that creates rooms, so a failed half-made room never collides with a later one. */
  private int attempt;
  /** CRISIS_EVERY is on: each room's therapist socket also registers their inbox, where crisis alerts arrive. */
  private final boolean watchInbox;

  public TalkingStickTarget(String name, String host, int port, String adminUsername, String adminPassword,
                            boolean watchInbox) {
    this.name = name;
    this.host = host;
    this.port = port;
    this.adminUsername = adminUsername;
    this.adminPassword = adminPassword;
    this.watchInbox = watchInbox;
  }

  @Override
  public boolean alertsOnCrisis() {
    return watchInbox;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean acknowledges() {
    return true;
  }

  @Override
  public long pingIntervalMillis() {
    return 20_000;
  }

  @Override
  public int maxSocketsPerMember() {
    return 5; // MAX_SOCKETS_PER_USER's default
  }

  private static String randomTag() {
    String letters = "abcdefghijklmnopqrstuvwxyz";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5; i++) b.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
    return b.toString();
  }

  // ------------------------------------------------------------------ setup over the HTTP API

  private <T> Future<T> onSetup(Supplier<Future<T>> body) {
    Promise<T> p = Promise.promise();
    setup.runOnContext(v -> {
      try {
        body.get().onComplete(p);
      } catch (Throwable t) {
        p.fail(t);
      }
    });
    return p.future();
  }

  private List<Room> rooms(int members) {
    List<Room> list = prepared.get(members);
    if (list == null) throw new IllegalStateException("prepare() was not called for rooms of " + members);
    return list;
  }

  @Override
  public synchronized Future<Void> prepare(Vertx vertx, int roomCount, int members) {
    if (members < 2) return Future.failedFuture("TalkingStick rooms need at least 2 members (a therapist and a client)");
    if (members - 1 > 50) return Future.failedFuture("TalkingStick groups hold at most 50 clients");
    if (http == null) {
      http = new Http(vertx, host, port);
      setup = vertx.getOrCreateContext();
    }
    List<Room> list = prepared.computeIfAbsent(members, k -> new ArrayList<>());
    int have = list.size();
    return onSetup(() -> signInAdmin()
        .compose(v -> {
          long started = System.nanoTime();
          int missing = Math.max(0, roomCount - have);
          if (missing > 0) Bench.log("%s: creating %d rooms of %d (1 therapist + %d clients) through the API...", name, missing, members, members - 1);
          Room[] made = new Room[missing];
          String batch = tag + (missing > 0 ? Integer.toString(attempt++, 36) : "");
          int[] done = {0};
          return Shard.limited(missing, SETUP_CONCURRENCY, i -> createRoom(batch, have + i, members).onSuccess(r -> {
            made[i] = r;
            if (++done[0] % 20 == 0 || done[0] == missing) {
              Bench.log("%s: %d/%d rooms ready (%.0f s)", name, done[0], missing, (System.nanoTime() - started) / 1e9);
            }
          })).map(x -> {
            for (Room r : made) list.add(r);
            return null;
          });
        })
        .compose(v -> refreshStale(list.subList(0, Math.min(roomCount, list.size()))))
        .onSuccess(v -> active = list));
  }

  private Future<Void> signInAdmin() {
    if (admin != null && System.nanoTime() - admin.issuedAt < REFRESH_AFTER_NANOS) return Future.succeededFuture();
    if (adminUsername == null || adminPassword == null) {
      return Future.failedFuture("TalkingStick setup needs the admin account: set TS_ADMIN_USERNAME and TS_ADMIN_PASSWORD"
          + " (the server creates it from ADMIN_USERNAME / ADMIN_PASSWORD)");
    }
    Account a = new Account(adminUsername);
    return login(a, adminPassword).onSuccess(v -> admin = a);
  }

  private Future<Void> login(Account a, String password) {
    return http.expect(200, HttpMethod.POST, "/api/auth/login",
            new JsonObject().put("username", a.username).put("password", password), null)
        .map(tokens -> {
          a.accessToken = tokens.getString("accessToken");
          a.refreshToken = tokens.getString("refreshToken");
          a.issuedAt = System.nanoTime();
          return null;
        });
  }

  private Future<Room> createRoom(String batch, int index, int members) {
    Account therapist = new Account("b" + batch + "-t" + index);
    return http.expect(201, HttpMethod.POST, "/api/admin/therapists", new JsonObject()
            .put("username", therapist.username).put("password", PASSWORD).put("displayName", "Dr Bench " + index),
            admin.accessToken)
        .compose(created -> {
          therapist.accountId = created.getString("id");
          return login(therapist, PASSWORD);
        })
        .compose(v -> http.expect(201, HttpMethod.POST, "/api/groups", new JsonObject()
            .put("name", "Bench room " + index)
            .put("description", "Load generator room")
            .put("topic", "Benchmark")
            .put("mode", "open")
            .put("capacity", Math.max(2, members - 1))
            .put("sessionMinutes", 480), therapist.accessToken))
        .compose(group -> {
          Room room = new Room(group.getString("id"), members);
          therapist.memberId = group.getJsonObject("you").getString("memberId");
          room.members[0] = therapist;
          therapist.said = Payload.firstSentence(index, 0);
          return http.expect(201, HttpMethod.POST, "/api/groups/" + room.groupId + "/invites",
                  new JsonObject().put("maxUses", members - 1).put("expiresInHours", 720), therapist.accessToken)
              .compose(invite -> addClients(room, invite.getString("code"), batch, index, 1))
              .map(room);
        });
  }

  private Future<Void> addClients(Room room, String code, String batch, int index, int m) {
    if (m >= room.members.length) return Future.succeededFuture();
    Account client = new Account("b" + batch + "-r" + index + "-m" + m);
    client.said = Payload.firstSentence(index, m);
    return http.expect(201, HttpMethod.POST, "/api/auth/register", new JsonObject()
            .put("username", client.username).put("password", PASSWORD).put("displayName", "Bench client " + index + "." + m),
            null)
        .compose(v -> login(client, PASSWORD))
        .compose(v -> http.expect(201, HttpMethod.POST, "/api/groups/join", new JsonObject()
            .put("code", code).put("pseudonym", "Member " + m).put("agreementAccepted", true), client.accessToken))
        .compose(joined -> {
          client.memberId = joined.getString("memberId");
          room.members[m] = client;
          return addClients(room, code, batch, index, m + 1);
        });
  }

  /** Access tokens last 15 minutes and a socket closes when its token expires: refresh the old ones before a run. */
  private Future<Void> refreshStale(List<Room> rooms) {
    List<Account> stale = new ArrayList<>();
    long now = System.nanoTime();
    for (Room r : rooms) for (Account a : r.members) if (now - a.issuedAt > REFRESH_AFTER_NANOS) stale.add(a);
    return Shard.limited(stale.size(), 16, i -> {
      Account a = stale.get(i);
      return http.expect(200, HttpMethod.POST, "/api/auth/refresh", new JsonObject().put("refreshToken", a.refreshToken), null)
          .map(tokens -> {
            a.accessToken = tokens.getString("accessToken");
            a.refreshToken = tokens.getString("refreshToken");
            a.issuedAt = System.nanoTime();
            return null;
          });
    }).mapEmpty();
  }

  // ------------------------------------------------------------------ sockets

  @Override
  public Future<Client> connect(Shard shard, int room, int member, int slot, boolean awaitJoin, Sink sink) {
    List<Room> all = active;
    if (room >= all.size() || member >= all.get(room).members.length) {
      return Future.failedFuture("no prepared room " + room + " with member " + member);
    }
    Room r = all.get(room);
    Account a = r.members[member];
    return http.expect(200, HttpMethod.POST, "/api/auth/ws-ticket", null, a.accessToken).compose(t -> {
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port)
          .setURI("/eventbus/websocket?ticket=" + t.getString("ticket"))
          .addHeader("Origin", "http://" + host + ":" + port);
      return shard.ws.connect(options);
    }).compose(ws -> {
      String inbox = member == 0 && watchInbox && a.accountId != null ? "user." + a.accountId + ".inbox" : null;
      TsClient client = new TsClient(ws, r.groupId, a, sink, inbox);
      Promise<Client> joined = Promise.promise();
      ws.handler(buf -> client.frame(buf, System.nanoTime(), a.memberId, joined));
      ws.closeHandler(v -> {
        joined.tryFail("socket closed before joining: " + ws.closeStatusCode() + " " + ws.closeReason());
        if (!client.closing) sink.closed("code " + ws.closeStatusCode() + " " + ws.closeReason());
      });
      ws.exceptionHandler(err -> sink.error("talkingstick: " + err));
      // the inbox first: registered before the presence that completes the join
      if (inbox != null) ws.writeTextMessage("{\"type\":\"register\",\"address\":\"" + inbox + "\"}");
      ws.writeTextMessage("{\"type\":\"register\",\"address\":\"group." + r.groupId + ".out\"}");
      if (member == 0) ws.writeTextMessage("{\"type\":\"register\",\"address\":\"group." + r.groupId + ".staff\"}");
      if (!awaitJoin) joined.tryComplete(client);
      return joined.future();
    });
  }

  @Override
  public Future<Void> beforeLoad(int room, Client host) {
    TsClient t = (TsClient) host;
    return t.request(new JsonObject().put("type", "start").put("topic", "Benchmark")).compose(reply -> {
      if (reply.getBoolean("ok", false)) return Future.succeededFuture();
      JsonObject error = reply.getJsonObject("error");
      String message = error == null ? "" : error.getString("message", "");
      if (message.contains("already running")) return Future.succeededFuture();
      return Future.failedFuture("session start refused in room " + room + ": " + reply.encode());
    });
  }

  private static final class TsClient implements Client {
    private final WebSocket ws;
    private final String in;
    private final Account account;
    private final Sink sink;
    private final String msgIdPrefix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private final Map<String, Promise<JsonObject>> pending = new HashMap<>();
    /** This run's crisis texts of this client, by the engine's seq: their replies go to Sink#crisisAck. */
    private final Set<Long> crisisSeqs = new HashSet<>();
    private final String inbox;
    private long controlSeq;
    boolean closing;

    TsClient(WebSocket ws, String groupId, Account account, Sink sink, String inbox) {
      this.ws = ws;
      this.in = "group." + groupId + ".in";
      this.account = account;
      this.sink = sink;
      this.inbox = inbox;
    }

    void frame(Buffer buf, long now, String memberId, Promise<Client> joined) {
      int at = Payload.indexOf(buf);
      if (at >= 0) {
        sink.payload(buf, at, now);
        return;
      }
      JsonObject f;
      try {
        f = new JsonObject(buf);
      } catch (RuntimeException e) {
        sink.error("talkingstick: not JSON: " + buf);
        return;
      }
      String type = f.getString("type");
      if ("err".equals(type)) {
        sink.error("bridge error frame: " + f.getValue("body"));
        return;
      }
      if (!"rec".equals(type)) return;
      String address = f.getString("address", "");
      Object rawBody = f.getValue("body");
      JsonObject body = rawBody instanceof JsonObject j ? j : null;
      if (address.length() == 36 && address.charAt(8) == '-') {
        UUID id;
        try {
          id = UUID.fromString(address);
        } catch (IllegalArgumentException e) {
          return;
        }
        if (id.getMostSignificantBits() == REPLY_MAGIC && body != null) {
          boolean ok = body.getBoolean("ok", false);
          if (ok && body.getBoolean("duplicate", false)) sink.error("acknowledged as a duplicate: " + body.encode());
          JsonObject error = body.getJsonObject("error");
          long seq = id.getLeastSignificantBits();
          long serverSeq = ok ? body.getLong("seq", -1L) : -1;
          String code = error == null ? null : error.getString("code");
          if (crisisSeqs.remove(seq)) sink.crisisAck(seq, ok, serverSeq, code, body.getBoolean("shared", true), now);
          else sink.ack(seq, ok, serverSeq, code, now);
        } else if (id.getMostSignificantBits() == CONTROL_MAGIC) {
          Promise<JsonObject> p = pending.remove(address);
          if (p != null) p.tryComplete(body == null ? new JsonObject() : body);
        }
        return;
      }
      if (inbox != null && body != null && inbox.equals(address)) {
        String kind = body.getString("type", "");
        if (("crisis".equals(kind) && !body.getBoolean("reminder", false)) || "check-in".equals(kind)) {
          Object seq = body.getValue("seq");
          sink.inbox(kind, seq instanceof Number n ? n.longValue() : -1, now);
        }
        return;
      }
      if (body != null && !joined.future().isComplete() && "presence".equals(body.getString("type"))) {
        JsonArray online = body.getJsonArray("online");
        for (int i = 0; online != null && i < online.size(); i++) {
          if (memberId.equals(online.getJsonObject(i).getString("memberId"))) {
            joined.tryComplete(this);
            return;
          }
        }
      }
    }

    Future<JsonObject> request(JsonObject body) {
      String reply = new UUID(CONTROL_MAGIC, ++controlSeq).toString();
      Promise<JsonObject> p = Promise.promise();
      pending.put(reply, p);
      ws.writeTextMessage(new JsonObject().put("type", "send").put("address", in).put("body", body)
          .put("replyAddress", reply).encode());
      return p.future().timeout(30, TimeUnit.SECONDS);
    }

    @Override
    public void send(long seq, String text) {
      // The marker travels as the clientMsgId, which the room echoes in its message event; the text is
      // ordinary words, so the room's conduct policy sees what people write (digit runs would be masked
      // as phone numbers). The payload holds only digits, letters, '~', ',' and spaces: no JSON escaping.
      String marker = Payload.header(text);
      // The sentence stands in for the padding (the same size or longer, 65 to 100 characters, so a
      // message carries about as many bytes as the other peers'), padded further only for a larger
      // PAYLOAD_BYTES. Picked by the member's own count of messages over every run, so neither a later
      // run (numbering from 0 again) nor a near neighbour repeats one: the room's repeat check would
      // refuse it.
      String padding = text.substring(marker.length()).strip();
      String sentence = Payload.sentence(account.said++).strip();
      String words = sentence.length() >= padding.length() ? sentence
          : sentence + " " + padding.substring(0, padding.length() - sentence.length() - 1).strip();
      ws.writeTextMessage("{\"type\":\"send\",\"address\":\"" + in + "\",\"body\":{\"type\":\"say\",\"text\":\"" + words
          + "\",\"clientMsgId\":\"" + marker + "\"},\"replyAddress\":\"" + new UUID(REPLY_MAGIC, seq) + "\"}");
    }

    @Override
    public void send(long seq, String text, String crisis) {
      // The member's words are the crisis line alone (no padding of ordinary words around it); the marker
      // travels as the clientMsgId as for every message, so a shared crisis text is delivered and counted
      // like any other. Rare, so encoded with JsonObject (the lines have no characters to escape anyway).
      crisisSeqs.add(seq);
      ws.writeTextMessage(new JsonObject().put("type", "send").put("address", in)
          .put("body", new JsonObject().put("type", "say").put("text", crisis).put("clientMsgId", Payload.header(text)))
          .put("replyAddress", new UUID(REPLY_MAGIC, seq).toString()).encode());
    }

    @Override
    public void ping() {
      if (!ws.isClosed()) ws.writeTextMessage("{\"type\":\"ping\"}");
    }

    @Override
    public Future<Void> close() {
      closing = true;
      return ws.isClosed() ? Future.succeededFuture() : ws.close();
    }
  }

  // ------------------------------------------------------------------ durability

  @Override
  public Future<JsonObject> verifyDurable(Vertx vertx, int members, List<long[]> ackedSeqs) {
    List<Room> rooms = rooms(members);
    long[] totals = new long[4]; // acked, found, missing, roomsChecked
    return onSetup(() -> refreshStale(rooms.subList(0, Math.min(rooms.size(), ackedSeqs.size())))
        .compose(v -> Shard.limited(ackedSeqs.size(), 8, i -> {
          long[] acked = ackedSeqs.get(i);
          if (acked == null || acked.length == 0) return Future.succeededFuture();
          long min = Long.MAX_VALUE;
          for (long s : acked) min = Math.min(min, s);
          Room room = rooms.get(i);
          Set<Long> stored = new HashSet<>();
          return readHistory(room, min - 1, stored, 0).map(x -> {
            totals[0] += acked.length;
            for (long s : acked) {
              if (stored.contains(s)) totals[1]++;
              else totals[2]++;
            }
            totals[3]++;
            return null;
          });
        })))
        .map(v -> new JsonObject()
            .put("method", "GET /api/groups/{id}/messages?after=… read back as each room's therapist")
            .put("roomsChecked", totals[3])
            .put("acked", totals[0])
            .put("ackedFound", totals[1])
            .put("ackedMissing", totals[2]));
  }

  private Future<Void> readHistory(Room room, long after, Set<Long> into, int pages) {
    if (pages > 10_000) return Future.failedFuture("history paging did not end");
    return http.expect(200, HttpMethod.GET, "/api/groups/" + room.groupId + "/messages?after=" + after + "&limit=200",
        null, room.members[0].accessToken).compose(page -> {
          JsonArray messages = page.getJsonArray("messages", new JsonArray());
          long last = after;
          for (int i = 0; i < messages.size(); i++) {
            long seq = messages.getJsonObject(i).getLong("seq");
            into.add(seq);
            last = Math.max(last, seq);
          }
          if (page.getBoolean("hasMore", false) && last > after) return readHistory(room, last, into, pages + 1);
          return Future.succeededFuture();
        });
  }

  @Override
  public void close() {
    if (http != null) http.close();
  }
}
