package app.talkingstick.support;

import app.talkingstick.group.GroupAddresses;
import app.talkingstick.support.Api.Session;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A group with a therapist and clients, each with an open socket listening to the room. */
public final class RoomFixture implements AutoCloseable {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  public final UUID groupId;
  public final Person therapist;
  public final List<Person> clients = new ArrayList<>();
  private final TestServer server;
  private final Api api;
  private final Vertx vertx;

  /** A member of the room; {@code socket} is null until {@link #connect}. */
  public static final class Person {
    public final Session session;
    public final UUID memberId;
    public final String pseudonym;
    public BusSocket socket;
    private int sent;

    Person(Session session, UUID memberId, String pseudonym) {
      this.session = session;
      this.memberId = memberId;
      this.pseudonym = pseudonym;
    }

    public String nextClientMsgId() {
      return "m" + memberId.toString().substring(0, 8) + "-" + (++sent);
    }
  }

  private RoomFixture(TestServer server, Api api, Vertx vertx, UUID groupId, Person therapist) {
    this.server = server;
    this.api = api;
    this.vertx = vertx;
    this.groupId = groupId;
    this.therapist = therapist;
  }

  /** Creates the group straight in the database (the group HTTP API has its own tests). */
  public static RoomFixture create(TestServer server, Api api, Vertx vertx, String mode, int clientCount) {
    int n = COUNTER.incrementAndGet();
    Session t = api.newTherapist("therapist" + n);
    UUID groupId = server.sql("INSERT INTO groups (created_by, name, capacity, mode, turn_seconds, agreement_text)"
        + " VALUES ('" + t.id() + "', 'Room " + n + "', 15, '" + mode + "', 60, 'Be kind.') RETURNING id")
        .iterator().next().getUUID("id");
    RoomFixture room = new RoomFixture(server, api, vertx, groupId, addMember(server, groupId, t, "therapist", "Dr T" + n));
    for (int i = 0; i < clientCount; i++) {
      Session c = api.newClient("client" + n + "x" + i);
      room.clients.add(addMember(server, groupId, c, "client", "Member" + n + "x" + i));
    }
    return room;
  }

  /** The same room and people, seen through another server (after a restart): sessions are signed in again. */
  public static RoomFixture reattach(RoomFixture old, TestServer server, Api api, Vertx vertx) {
    RoomFixture room = new RoomFixture(server, api, vertx, old.groupId, again(api, old.therapist, "therapist password 1"));
    old.clients.forEach(c -> room.clients.add(again(api, c, "a long enough password")));
    return room;
  }

  private static Person again(Api api, Person p, String password) {
    return new Person(api.login(p.session.username(), password), p.memberId, p.pseudonym);
  }

  private static Person addMember(TestServer server, UUID groupId, Session s, String role, String pseudonym) {
    UUID memberId = server.sql("INSERT INTO group_members (group_id, account_id, role, pseudonym) VALUES ('"
        + groupId + "', '" + s.id() + "', '" + role + "', '" + pseudonym + "') RETURNING id")
        .iterator().next().getUUID("id");
    server.sql("INSERT INTO agreement_acceptances (member_id, version) VALUES ('" + memberId + "', 1)");
    return new Person(s, memberId, pseudonym);
  }

  public List<Person> everyone() {
    List<Person> all = new ArrayList<>();
    all.add(therapist);
    all.addAll(clients);
    return all;
  }

  /** Opens a socket, registers the room (and the staff channel for the therapist) and waits until present. */
  public void connect(Person p) {
    p.socket = BusSocket.open(vertx, server.port(), api.ticket(p.session), server.origin());
    p.socket.register(GroupAddresses.out(groupId));
    if (p == therapist) p.socket.register(GroupAddresses.staff(groupId));
    p.socket.nextMatching(f -> isPresenceWith(f, p.memberId), Duration.ofSeconds(10));
  }

  public void connectAll() {
    everyone().forEach(this::connect);
  }

  private static boolean isPresenceWith(JsonObject frame, UUID memberId) {
    JsonObject body = frame.getJsonObject("body");
    return body != null && "presence".equals(body.getString("type"))
        && body.getJsonArray("online").stream().anyMatch(o -> memberId.toString().equals(((JsonObject) o).getString("memberId")));
  }

  /** Sends an action to the room and returns the reply body. */
  public JsonObject act(Person p, JsonObject action) {
    JsonObject frame = p.socket.request(GroupAddresses.in(groupId), action);
    if ("err".equals(frame.getString("type"))) return new JsonObject().put("bridgeError", frame.getString("body"));
    return frame.getJsonObject("body");
  }

  public JsonObject say(Person p, String text) {
    return act(p, new JsonObject().put("type", "say").put("text", text).put("clientMsgId", p.nextClientMsgId()));
  }

  /** The next room event of the given type seen by this person. */
  public static JsonObject nextEvent(Person p, String type) {
    return p.socket.nextMatching(f -> f.getJsonObject("body") != null && type.equals(f.getJsonObject("body").getString("type")),
        Duration.ofSeconds(10)).getJsonObject("body");
  }

  public void startSession() {
    JsonObject reply = act(therapist, new JsonObject().put("type", "start"));
    if (!reply.getBoolean("ok", false)) throw new AssertionError("start failed: " + reply.encode());
  }

  @Override
  public void close() {
    everyone().forEach(p -> {
      if (p.socket != null) p.socket.close();
    });
  }
}
