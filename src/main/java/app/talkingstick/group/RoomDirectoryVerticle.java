package app.talkingstick.group;

import app.talkingstick.Services;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which rooms are live on this node and starts a room's facilitator on its first activity;
 * stops it when the facilitator reports itself idle. The only owner of that map.
 */
public final class RoomDirectoryVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RoomDirectoryVerticle.class);

  private final Services services;
  /** A room's deployment id, once its facilitator is running, or the future of it starting or stopping. */
  private final Map<UUID, Future<String>> rooms = new HashMap<>();

  public RoomDirectoryVerticle(Services services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().<JsonObject>consumer(GroupAddresses.DIRECTORY, this::onRequest).completion();
  }

  private void onRequest(Message<JsonObject> msg) {
    UUID groupId;
    try {
      groupId = UUID.fromString(msg.body().getString("groupId"));
    } catch (RuntimeException e) {
      msg.fail(400, "groupId must be a UUID");
      return;
    }
    switch (msg.body().getString("type", "")) {
      case "ensure" -> ensure(groupId).onComplete(r -> {
        if (r.succeeded()) msg.reply(new JsonObject().put("ok", true));
        else msg.fail(404, "room cannot start");
      });
      case "idle" -> stopIfIdle(groupId, msg.body().getString("deploymentId"));
      default -> msg.fail(400, "unknown request");
    }
  }

  /** Starts the room's facilitator unless it is running or starting; fails for an unknown group. */
  public Future<String> ensure(UUID groupId) {
    Future<String> known = rooms.get(groupId);
    if (known != null && !known.failed()) return known;
    Future<String> starting = vertx.deployVerticle(new FacilitatorVerticle(groupId, services));
    rooms.put(groupId, starting);
    starting.onFailure(err -> {
      rooms.remove(groupId, starting);
      LOG.info("Room {} could not start: {}", groupId, err.getMessage());
    });
    return starting;
  }

  private void stopIfIdle(UUID groupId, String deploymentId) {
    Future<String> current = rooms.get(groupId);
    if (current == null || !current.succeeded() || !current.result().equals(deploymentId)) return;
    Future<String> stopping = vertx.undeploy(deploymentId).map(v -> (String) null);
    rooms.put(groupId, stopping.compose(v -> Future.failedFuture("stopped")));
    stopping.onComplete(v -> {
      rooms.remove(groupId);
      LOG.info("Room {} stopped after being idle", groupId);
    });
  }
}
