package app.talkingstick.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/** A small JSON-over-HTTP client for the API of the server under test (127.0.0.1 only), with bounded retries. */
final class Http {

  record Response(int status, Buffer body) {
    JsonObject json() {
      if (body == null || body.length() == 0) return new JsonObject();
      try {
        return new JsonObject(body);
      } catch (RuntimeException e) {
        return new JsonObject().put("raw", body.toString());
      }
    }

    String errorCode() {
      JsonObject error = json().getJsonObject("error");
      return error == null ? null : error.getString("code");
    }
  }

  private static final int ATTEMPTS = 6;

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final String host;
  private final int port;

  Http(Vertx vertx, String host, int port) {
    this.vertx = vertx;
    this.host = host;
    this.port = port;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(10_000),
        new PoolOptions().setHttp1MaxSize(32).setMaxWaitQueueSize(-1));
  }

  /** One request; a refused connection, a timeout, 429 and 503 are retried a few times with a growing pause. */
  Future<Response> call(HttpMethod method, String path, JsonObject body, String bearer) {
    return attempt(method, path, body, bearer, 1);
  }

  /** Like {@link #call} but fails unless the status is the expected one. */
  Future<JsonObject> expect(int status, HttpMethod method, String path, JsonObject body, String bearer) {
    return call(method, path, body, bearer).compose(r -> r.status() == status
        ? Future.succeededFuture(r.json())
        : Future.failedFuture(method + " " + path + " answered " + r.status() + " " + r.body()));
  }

  private Future<Response> attempt(HttpMethod method, String path, JsonObject body, String bearer, int n) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(path);
    if (bearer != null) options.putHeader("Authorization", "Bearer " + bearer);
    if (body != null) options.putHeader("Content-Type", "application/json");
    Future<Response> once = client.request(options)
        .compose(req -> body == null ? req.send() : req.send(body.toBuffer()))
        .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), b)))
        .timeout(30, TimeUnit.SECONDS);
    return once.transform(ar -> {
      boolean retry = n < ATTEMPTS && (ar.failed() || ar.result().status() == 429 || ar.result().status() == 503);
      if (!retry) return ar.succeeded() ? Future.succeededFuture(ar.result()) : Future.failedFuture(ar.cause());
      Promise<Response> later = Promise.promise();
      vertx.setTimer(250L * n * n, id -> attempt(method, path, body, bearer, n + 1).onComplete(later));
      return later.future();
    });
  }

  void close() {
    client.close();
  }
}
