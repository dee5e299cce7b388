package app.talkingstick.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** A black-box HTTP client for tests: real requests to a real server, answers awaited. */
public final class Api {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  /** The Vert.x instance is unused: requests go through the JDK's client, a wholly separate HTTP stack. */
  public Api(Vertx vertx, int port) {
    this.port = port;
  }

  public record Response(int status, MultiMap headers, Buffer body) {
    public JsonObject json() {
      return body.length() == 0 ? new JsonObject() : new JsonObject(body);
    }

    public String errorCode() {
      JsonObject error = json().getJsonObject("error");
      return error == null ? null : error.getString("code");
    }
  }

  public record Session(UUID id, String username, String accessToken, String refreshToken) {}

  public Response request(HttpMethod method, String path, Buffer body, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .method(method.name(), body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body.getBytes()));
    if (bearer != null) request.header("Authorization", "Bearer " + bearer);
    if (body != null) request.header("Content-Type", "application/json");
    try {
      HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      MultiMap headers = MultiMap.caseInsensitiveMultiMap();
      response.headers().map().forEach(headers::add);
      return new Response(response.statusCode(), headers, Buffer.buffer(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response post(String path, JsonObject body) {
    return request(HttpMethod.POST, path, body == null ? null : body.toBuffer(), null);
  }

  public Response post(String path, JsonObject body, String bearer) {
    return request(HttpMethod.POST, path, body == null ? null : body.toBuffer(), bearer);
  }

  public Response postRaw(String path, String rawBody) {
    return request(HttpMethod.POST, path, Buffer.buffer(rawBody), null);
  }

  public Response get(String path, String bearer) {
    return request(HttpMethod.GET, path, null, bearer);
  }

  public Response register(String username, String password) {
    return post("/api/auth/register", new JsonObject()
        .put("username", username).put("password", password).put("displayName", "Person " + username));
  }

  public Session login(String username, String password) {
    Response r = post("/api/auth/login", new JsonObject().put("username", username).put("password", password));
    if (r.status() != 200) throw new AssertionError("login failed: " + r.status() + " " + r.body());
    return session(username, r.json());
  }

  /** Registers a new client account with a unique name and signs it in. */
  public Session newClient(String prefix) {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Response r = register(username, "a long enough password");
    if (r.status() != 201) throw new AssertionError("register failed: " + r.status() + " " + r.body());
    return login(username, "a long enough password");
  }

  public Session newTherapist(String prefix) {
    Session admin = login(TestServer.ADMIN_USERNAME, TestServer.ADMIN_PASSWORD);
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Response r = post("/api/admin/therapists", new JsonObject()
        .put("username", username).put("password", "therapist password 1").put("displayName", "Dr " + prefix), admin.accessToken());
    if (r.status() != 201) throw new AssertionError("therapist creation failed: " + r.status() + " " + r.body());
    return login(username, "therapist password 1");
  }

  public String ticket(Session session) {
    Response r = post("/api/auth/ws-ticket", null, session.accessToken());
    if (r.status() != 200) throw new AssertionError("ticket failed: " + r.status() + " " + r.body());
    return r.json().getString("ticket");
  }

  public static Session session(String username, JsonObject tokens) {
    String payload = tokens.getString("accessToken").split("\\.")[1];
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(payload)));
    return new Session(UUID.fromString(claims.getString("sub")), username,
        tokens.getString("accessToken"), tokens.getString("refreshToken"));
  }
}
