package app.talkingstick.channel;

import app.talkingstick.channel.ChannelCipher.Sealed;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A therapist's goals and session notes for one client, sealed by {@link ChannelCipher}. Every
 * statement is scoped to the (therapist, client) pair, so one therapist's rows are never read
 * through another's.
 */
public final class ClientRecordStore {

  public record Goal(UUID id, Sealed text, String status, Instant createdAt, Instant updatedAt) {}

  public record Note(UUID id, Sealed text, Instant createdAt) {}

  private static final String GOAL_COLUMNS = "id, ciphertext, nonce, key_id, status, created_at, updated_at";
  private static final String GOALS = "SELECT " + GOAL_COLUMNS + " FROM client_goals"
      + " WHERE therapist_id = $1 AND client_id = $2 ORDER BY created_at, id";
  private static final String INSERT_GOAL = "INSERT INTO client_goals (id, therapist_id, client_id, ciphertext, nonce,"
      + " key_id, status) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING " + GOAL_COLUMNS;
  private static final String LOCK_GOAL = "SELECT " + GOAL_COLUMNS + " FROM client_goals"
      + " WHERE id = $1 AND therapist_id = $2 AND client_id = $3 FOR UPDATE";
  private static final String UPDATE_GOAL = "UPDATE client_goals SET ciphertext = $2, nonce = $3, key_id = $4,"
      + " status = $5, updated_at = now() WHERE id = $1 RETURNING " + GOAL_COLUMNS;

  private static final String NOTE_COLUMNS = "id, ciphertext, nonce, key_id, created_at";
  private static final String INSERT_NOTE = "INSERT INTO client_notes (id, therapist_id, client_id, ciphertext, nonce,"
      + " key_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + NOTE_COLUMNS;
  private static final String NOTES = "SELECT " + NOTE_COLUMNS + " FROM client_notes"
      + " WHERE therapist_id = $1 AND client_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3";
  private static final String NOTES_BEFORE = "SELECT n." + NOTE_COLUMNS.replace(", ", ", n.")
      + " FROM client_notes n JOIN client_notes b ON b.id = $3 AND b.therapist_id = $1 AND b.client_id = $2"
      + " WHERE n.therapist_id = $1 AND n.client_id = $2 AND (n.created_at, n.id) < (b.created_at, b.id)"
      + " ORDER BY n.created_at DESC, n.id DESC LIMIT $4";
  private static final String NOTE_EXISTS = "SELECT EXISTS (SELECT 1 FROM client_notes"
      + " WHERE id = $3 AND therapist_id = $1 AND client_id = $2) AS found";

  public Future<List<Goal>> goals(SqlClient client, UUID therapistId, UUID clientId) {
    return client.preparedQuery(GOALS).execute(Tuple.of(therapistId, clientId)).map(rows -> {
      List<Goal> list = new ArrayList<>();
      rows.forEach(r -> list.add(goal(r)));
      return list;
    });
  }

  public Future<Goal> insertGoal(SqlClient client, UUID goalId, UUID therapistId, UUID clientId, Sealed text, String status) {
    return client.preparedQuery(INSERT_GOAL)
        .execute(Tuple.of(goalId, therapistId, clientId, Buffer.buffer(text.ciphertext()), Buffer.buffer(text.nonce()),
            text.keyId(), status))
        .map(rows -> goal(rows.iterator().next()));
  }

  /** The pair's goal, locked until the transaction ends; empty when it is not theirs. */
  public Future<Optional<Goal>> lockGoal(SqlClient client, UUID goalId, UUID therapistId, UUID clientId) {
    return client.preparedQuery(LOCK_GOAL).execute(Tuple.of(goalId, therapistId, clientId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(goal(it.next())) : Optional.<Goal>empty();
    });
  }

  public Future<Goal> updateGoal(SqlClient client, UUID goalId, Sealed text, String status) {
    return client.preparedQuery(UPDATE_GOAL)
        .execute(Tuple.of(goalId, Buffer.buffer(text.ciphertext()), Buffer.buffer(text.nonce()), text.keyId(), status))
        .map(rows -> goal(rows.iterator().next()));
  }

  public Future<Note> insertNote(SqlClient client, UUID noteId, UUID therapistId, UUID clientId, Sealed text) {
    return client.preparedQuery(INSERT_NOTE)
        .execute(Tuple.of(noteId, therapistId, clientId, Buffer.buffer(text.ciphertext()), Buffer.buffer(text.nonce()),
            text.keyId()))
        .map(rows -> note(rows.iterator().next()));
  }

  /** The pair's newest notes, newest first; with {@code before}, those older than that note. */
  public Future<List<Note>> notes(SqlClient client, UUID therapistId, UUID clientId, UUID before, int limit) {
    Future<io.vertx.sqlclient.RowSet<Row>> rows = before == null
        ? client.preparedQuery(NOTES).execute(Tuple.of(therapistId, clientId, limit))
        : client.preparedQuery(NOTES_BEFORE).execute(Tuple.of(therapistId, clientId, before, limit));
    return rows.map(set -> {
      List<Note> list = new ArrayList<>();
      set.forEach(r -> list.add(note(r)));
      return list;
    });
  }

  public Future<Boolean> noteExists(SqlClient client, UUID therapistId, UUID clientId, UUID noteId) {
    return client.preparedQuery(NOTE_EXISTS).execute(Tuple.of(therapistId, clientId, noteId))
        .map(rows -> rows.iterator().next().getBoolean("found"));
  }

  private static Sealed sealed(Row r) {
    return new Sealed(r.getBuffer("ciphertext").getBytes(), r.getBuffer("nonce").getBytes(), r.getString("key_id"));
  }

  private static Goal goal(Row r) {
    return new Goal(r.getUUID("id"), sealed(r), r.getString("status"), r.getOffsetDateTime("created_at").toInstant(),
        r.getOffsetDateTime("updated_at").toInstant());
  }

  private static Note note(Row r) {
    return new Note(r.getUUID("id"), sealed(r), r.getOffsetDateTime("created_at").toInstant());
  }
}
