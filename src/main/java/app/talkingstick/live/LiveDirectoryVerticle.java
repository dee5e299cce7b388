package app.talkingstick.live;

import app.talkingstick.http.LogSafe;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which conversations (group rooms, private channels) are live on this node, starts a
 * conversation's owning verticle on its first activity and stops it when it reports itself idle.
 * The only owner of that map.
 */
public final class LiveDirectoryVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(LiveDirectoryVerticle.class);

  /** Asked with {type:"ensure", kind, id}; told {type:"idle", kind, id, deploymentId}. */
  public static final String ADDRESS = "internal.live.directory";

  private final Map<String, Function<UUID, Deployable>> owners;
  /** A conversation's deployment id once its owner runs, or the future of it starting or stopping. */
  private final Map<String, Future<String>> live = new HashMap<>();

  /** {@code owners}: for each kind ("group", "channel"), how to make the verticle that owns one. */
  public LiveDirectoryVerticle(Map<String, Function<UUID, Deployable>> owners) {
    this.owners = Map.copyOf(owners);
  }

  /** Asks the directory to make sure a conversation's owner runs; fails when it cannot start (unknown id). */
  public static Future<Void> ensure(io.vertx.core.Vertx vertx, String kind, UUID id) {
    JsonObject request = new JsonObject().put("type", "ensure").put("kind", kind).put("id", id.toString());
    return vertx.eventBus().request(ADDRESS, request, new DeliveryOptions().setSendTimeout(5_000)).mapEmpty();
  }

  /** Called by an owner that has been idle long enough to be stopped. */
  public static void reportIdle(io.vertx.core.Vertx vertx, String kind, UUID id, String deploymentId) {
    vertx.eventBus().send(ADDRESS, new JsonObject().put("type", "idle").put("kind", kind)
        .put("id", id.toString()).put("deploymentId", deploymentId));
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().<JsonObject>consumer(ADDRESS, this::onRequest).completion();
  }

  private void onRequest(Message<JsonObject> msg) {
    String kind = msg.body().getString("kind", "");
    UUID id;
    try {
      id = UUID.fromString(msg.body().getString("id"));
    } catch (RuntimeException e) {
      msg.fail(400, "id must be a UUID");
      return;
    }
    if (!owners.containsKey(kind)) {
      msg.fail(400, "unknown kind");
      return;
    }
    switch (msg.body().getString("type", "")) {
      case "ensure" -> ensure(kind, id).onComplete(r -> {
        if (r.succeeded()) msg.reply(new JsonObject().put("ok", true));
        else msg.fail(404, "cannot start");
      });
      case "idle" -> stopIfIdle(kind, id, msg.body().getString("deploymentId"));
      default -> msg.fail(400, "unknown request");
    }
  }

  private Future<String> ensure(String kind, UUID id) {
    String key = kind + ":" + id;
    Future<String> known = live.get(key);
    if (known != null && !known.failed()) return known;
    Future<String> starting = vertx.deployVerticle(owners.get(kind).apply(id));
    live.put(key, starting);
    starting.onFailure(err -> {
      live.remove(key, starting);
      LOG.info("{} {} could not start: {}", kind, id, LogSafe.of(err.getMessage()));
    });
    return starting;
  }

  private void stopIfIdle(String kind, UUID id, String deploymentId) {
    String key = kind + ":" + id;
    Future<String> current = live.get(key);
    if (current == null || !current.succeeded() || !current.result().equals(deploymentId)) return;
    Future<Void> stopping = vertx.undeploy(deploymentId);
    live.put(key, stopping.compose(v -> Future.failedFuture("stopped")));
    stopping.onComplete(v -> {
      live.remove(key);
      LOG.info("{} {} stopped after being idle", kind, id);
    });
  }
}
