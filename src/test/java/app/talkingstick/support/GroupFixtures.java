package app.talkingstick.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.support.Api.Response;
import app.talkingstick.support.Api.Session;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** Groups, invites and members for the group API tests, made through the public HTTP API. */
public final class GroupFixtures {

  private final Api api;
  private final TestServer server;

  public GroupFixtures(Api api, TestServer server) {
    this.api = api;
    this.server = server;
  }

  /** A valid {@code POST /api/groups} body. */
  public static JsonObject groupBody(String name) {
    return new JsonObject().put("name", name).put("description", "A place to talk about " + name)
        .put("topic", "Getting through the week").put("mode", "raise-hand").put("capacity", 8);
  }

  /** Creates a group as the therapist and returns its full view. */
  public JsonObject createGroup(Session therapist, JsonObject body) {
    Response r = api.post("/api/groups", body, therapist.accessToken());
    assertEquals(201, r.status(), r.body().toString());
    return r.json();
  }

  public UUID createGroup(Session therapist) {
    return UUID.fromString(createGroup(therapist, groupBody("Group " + shortId())).getString("id"));
  }

  public String invite(Session therapist, UUID groupId, JsonObject body) {
    Response r = api.post("/api/groups/" + groupId + "/invites", body, therapist.accessToken());
    assertEquals(201, r.status(), r.body().toString());
    return r.json().getString("code");
  }

  public String invite(Session therapist, UUID groupId) {
    return invite(therapist, groupId, new JsonObject());
  }

  public Response join(Session client, String code, String pseudonym) {
    return api.post("/api/groups/join", new JsonObject().put("code", code).put("pseudonym", pseudonym)
        .put("agreementAccepted", true), client.accessToken());
  }

  /** A new client who joined the group under the pseudonym; returns their member id. */
  public UUID joinNewClient(Session therapist, UUID groupId, Session client, String pseudonym) {
    Response r = join(client, invite(therapist, groupId), pseudonym);
    assertEquals(201, r.status(), r.body().toString());
    return UUID.fromString(r.json().getString("memberId"));
  }

  public Response put(String path, JsonObject body, Session who) {
    return api.request(HttpMethod.PUT, path, body == null ? null : body.toBuffer(), who.accessToken());
  }

  public Response delete(String path, JsonObject body, Session who) {
    return api.request(HttpMethod.DELETE, path, body == null ? null : body.toBuffer(), who.accessToken());
  }

  public Response postRaw(String path, String raw, Session who) {
    return api.request(HttpMethod.POST, path, Buffer.buffer(raw), who.accessToken());
  }

  public long count(String sql) {
    return server.sql(sql).iterator().next().getLong(0);
  }

  public long currentMembers(UUID groupId) {
    return count("SELECT count(*) FROM group_members WHERE group_id = '" + groupId
        + "' AND left_at IS NULL AND removed_at IS NULL");
  }

  public static void assertError(Response r, int status, String code) {
    assertEquals(status, r.status(), r.body().toString());
    assertEquals(code, r.errorCode(), r.body().toString());
    assertTrue(r.headers().get("Content-Type").startsWith("application/json"));
  }

  public static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
