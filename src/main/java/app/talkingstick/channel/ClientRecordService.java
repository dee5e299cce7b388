package app.talkingstick.channel;

import app.talkingstick.Services;
import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import app.talkingstick.channel.ChannelCipher.Sealed;
import app.talkingstick.channel.ClientRecordStore.Goal;
import app.talkingstick.channel.ClientRecordStore.Note;
import app.talkingstick.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A therapist's goals and short session notes for one of their clients. They belong to that
 * (therapist, client) pair: only that therapist reads or writes them. The client, other
 * therapists (also the client's other therapists) and admins cannot read them at all; there is
 * no override route, so there is nothing to audit. Texts are sealed at rest by {@link ChannelCipher}.
 */
public final class ClientRecordService {

  public static final Set<String> GOAL_STATUSES = Set.of("active", "paused", "achieved", "dropped");

  /** A change to a goal; a null field stays as it is. */
  public record GoalChange(String text, String status) {}

  private final Pool pool;
  private final ChannelCipher cipher;
  private final CareStore care = new CareStore();
  private final ClientRecordStore records = new ClientRecordStore();

  public ClientRecordService(Services services) {
    this.pool = services.pool();
    this.cipher = services.channelCipher();
  }

  // ---- goals ----

  public Future<JsonObject> goals(Principal caller, UUID clientId) {
    return therapistOf(caller, clientId)
        .compose(therapistId -> records.goals(pool, therapistId, clientId)
            .map(list -> new JsonObject().put("goals", goalsJson(list, therapistId, clientId))));
  }

  public Future<JsonObject> addGoal(Principal caller, UUID clientId, String text, String status) {
    return therapistOf(caller, clientId).compose(therapistId -> {
      UUID goalId = UUID.randomUUID();
      Sealed sealed = cipher.seal(text, ChannelCipher.goalContext(goalId, therapistId, clientId));
      return records.insertGoal(pool, goalId, therapistId, clientId, sealed, status)
          .map(goal -> goalJson(goal, text));
    });
  }

  public Future<JsonObject> changeGoal(Principal caller, UUID clientId, UUID goalId, GoalChange change) {
    return therapistOf(caller, clientId).compose(therapistId -> pool.withTransaction(tx ->
        records.lockGoal(tx, goalId, therapistId, clientId).compose(found -> {
          if (found.isEmpty()) return Future.failedFuture(ApiError.notFound("This client has no such goal."));
          byte[] context = ChannelCipher.goalContext(goalId, therapistId, clientId);
          String text = change.text() != null ? change.text() : openOrNull(found.get().text(), context);
          Sealed sealed = change.text() != null ? cipher.seal(text, context) : found.get().text();
          String status = change.status() != null ? change.status() : found.get().status();
          return records.updateGoal(tx, goalId, sealed, status).map(goal -> goalJson(goal, text));
        })));
  }

  private JsonArray goalsJson(List<Goal> goals, UUID therapistId, UUID clientId) {
    JsonArray list = new JsonArray();
    for (Goal g : goals) list.add(goalJson(g, openOrNull(g.text(), ChannelCipher.goalContext(g.id(), therapistId, clientId))));
    return list;
  }

  private static JsonObject goalJson(Goal goal, String text) {
    return new JsonObject().put("id", goal.id().toString()).put("text", text).put("status", goal.status())
        .put("createdAt", goal.createdAt().toString()).put("updatedAt", goal.updatedAt().toString());
  }

  // ---- notes ----

  /** The newest {@code limit} notes, newest first; with {@code before} (a note id), the ones older than it. */
  public Future<JsonObject> notes(Principal caller, UUID clientId, UUID before, int limit) {
    return therapistOf(caller, clientId).compose(therapistId -> requireNote(therapistId, clientId, before)
        .compose(v -> records.notes(pool, therapistId, clientId, before, limit + 1))
        .map(found -> {
          JsonArray list = new JsonArray();
          for (Note n : found.subList(0, Math.min(limit, found.size()))) {
            list.add(noteJson(n, openOrNull(n.text(), ChannelCipher.noteContext(n.id(), therapistId, clientId))));
          }
          return new JsonObject().put("notes", list).put("hasMore", found.size() > limit);
        }));
  }

  public Future<JsonObject> addNote(Principal caller, UUID clientId, String text) {
    return therapistOf(caller, clientId).compose(therapistId -> {
      UUID noteId = UUID.randomUUID();
      Sealed sealed = cipher.seal(text, ChannelCipher.noteContext(noteId, therapistId, clientId));
      return records.insertNote(pool, noteId, therapistId, clientId, sealed).map(note -> noteJson(note, text));
    });
  }

  private Future<Void> requireNote(UUID therapistId, UUID clientId, UUID noteId) {
    if (noteId == null) return Future.succeededFuture();
    return records.noteExists(pool, therapistId, clientId, noteId).compose(found -> found
        ? Future.succeededFuture()
        : Future.failedFuture(ApiError.invalid("before must be the id of one of this client's notes")));
  }

  private static JsonObject noteJson(Note note, String text) {
    return new JsonObject().put("id", note.id().toString()).put("text", text).put("at", note.createdAt().toString());
  }

  // ---- who may ----

  /** The caller's account id if they are a therapist in a care relationship with the client. */
  private Future<UUID> therapistOf(Principal caller, UUID clientId) {
    if (!caller.is(Role.THERAPIST)) {
      return Future.failedFuture(ApiError.forbidden("Only the client's therapist may see or keep goals and notes."));
    }
    return care.isCare(pool, caller.accountId(), clientId).compose(isCare -> isCare
        ? Future.succeededFuture(caller.accountId())
        : Future.failedFuture(ApiError.notFound("No such client.")));
  }

  /** A text that cannot be opened (missing key, altered row) is shown as null rather than failing the whole list. */
  private String openOrNull(Sealed sealed, byte[] context) {
    try {
      return cipher.open(sealed, context);
    } catch (ChannelCipher.Unreadable e) {
      return null;
    }
  }
}
