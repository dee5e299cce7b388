package app.talkingstick.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.talkingstick.bridge.UserAddresses;
import app.talkingstick.support.Api;
import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import app.talkingstick.support.BusSocket;
import app.talkingstick.support.GroupFixtures;
import app.talkingstick.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Care relationships, channels and sockets for the channel tests, made through the public API. */
final class ChannelFixture {

  private static final AtomicInteger MSG = new AtomicInteger();

  final TestServer server;
  final Api api;
  final Vertx vertx;
  final GroupFixtures groups;

  ChannelFixture(TestServer server, Api api, Vertx vertx) {
    this.server = server;
    this.api = api;
    this.vertx = vertx;
    this.groups = new GroupFixtures(api, server);
  }

  Session admin() {
    return api.login(TestServer.ADMIN_USERNAME, TestServer.ADMIN_PASSWORD);
  }

  /** The client joins one of the therapist's groups (a new one); returns the member id. */
  UUID careByGroup(Session therapist, Session client) {
    UUID groupId = groups.createGroup(therapist);
    return groups.joinNewClient(therapist, groupId, client, "Pseudo " + GroupFixtures.shortId().replaceAll("[0-9]", "x"));
  }

  /** The client redeems the therapist's direct invite. */
  void careByInvite(Session therapist, Session client) {
    Response r = join(client, invite(therapist));
    assertEquals(201, r.status(), r.body().toString());
  }

  String invite(Session therapist) {
    Response r = api.post("/api/clients/invites", null, therapist.accessToken());
    assertEquals(201, r.status(), r.body().toString());
    return r.json().getString("code");
  }

  Response join(Session client, String code) {
    return api.post("/api/clients/join", new JsonObject().put("code", code), client.accessToken());
  }

  Response open(Session therapist, UUID clientId) {
    return api.post("/api/channels", new JsonObject().put("clientId", clientId.toString()), therapist.accessToken());
  }

  /** A therapist and a new client in care (by invite), and their channel's id. */
  UUID channel(Session therapist, Session client) {
    careByInvite(therapist, client);
    Response r = open(therapist, client.id());
    assertEquals(201, r.status(), r.body().toString());
    return UUID.fromString(r.json().getString("id"));
  }

  Response history(Session who, UUID channelId, String query) {
    return api.get("/api/channels/" + channelId + "/messages" + query, who.accessToken());
  }

  Response markRead(Session who, UUID channelId, Object seq) {
    return api.post("/api/channels/" + channelId + "/read", new JsonObject().put("seq", seq), who.accessToken());
  }

  JsonObject listed(Session who, UUID channelId) {
    return api.get("/api/channels", who.accessToken()).json().getJsonArray("channels").stream()
        .map(o -> (JsonObject) o).filter(c -> channelId.toString().equals(c.getString("id"))).findFirst().orElse(null);
  }

  Response patch(String path, JsonObject body, Session who) {
    return api.request(HttpMethod.PATCH, path, body == null ? null : body.toBuffer(), who.accessToken());
  }

  Response postRaw(String path, String raw, Session who) {
    return api.request(HttpMethod.POST, path, Buffer.buffer(raw), who.accessToken());
  }

  long count(String sql) {
    return server.sql(sql).iterator().next().getLong(0);
  }

  // ---- sockets ----

  BusSocket socket(Session s) {
    return BusSocket.open(vertx, server.port(), api.ticket(s), server.origin());
  }

  /** Registers the channel's {@code .out} and proves the registration is live by a delivery round trip. */
  void listen(BusSocket socket, UUID channelId) {
    socket.registerLive(ChannelAddresses.out(channelId),
        probe -> server.server().vertx().eventBus().publish(ChannelAddresses.out(channelId), probe));
  }

  /** Registers the account's inbox and proves it live. */
  void listenToInbox(BusSocket socket, Session s) {
    socket.registerLive(UserAddresses.inbox(s.id()), probe -> server.server().services().inbox().deliver(s.id(), probe));
  }

  static JsonObject say(String text) {
    return new JsonObject().put("type", "say").put("text", text).put("clientMsgId", "c" + MSG.incrementAndGet());
  }

  /** Sends to the channel and returns the reply body, or {@code {bridgeError}} when the guard refused. */
  static JsonObject act(BusSocket socket, UUID channelId, Object action) {
    JsonObject frame = socket.request(ChannelAddresses.in(channelId), action);
    if ("err".equals(frame.getString("type"))) return new JsonObject().put("bridgeError", frame.getString("body"));
    return frame.getJsonObject("body");
  }

  /** The next event of the given type on the socket (channel or inbox). */
  static JsonObject next(BusSocket socket, String type) {
    return socket.nextMatching(f -> f.getJsonObject("body") != null && type.equals(f.getJsonObject("body").getString("type")),
        Duration.ofSeconds(10)).getJsonObject("body");
  }

  static String code(JsonObject reply) {
    JsonObject error = reply.getJsonObject("error");
    return error == null ? null : error.getString("code");
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
