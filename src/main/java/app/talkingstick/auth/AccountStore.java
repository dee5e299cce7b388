package app.talkingstick.auth;

import app.talkingstick.http.ApiError;
import app.talkingstick.store.DatabaseErrors;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** Account rows. Usernames are unique, enforced by the table (23505), not by a pre-check. */
public final class AccountStore {

  private static final String COLUMNS = "id, username, display_name, role, token_generation, password_hash";
  private static final String INSERT =
      "INSERT INTO accounts (username, display_name, password_hash, role, email) VALUES ($1, $2, $3, $4, $5) RETURNING " + COLUMNS;
  private static final String SET_EMAIL = "UPDATE accounts SET email = $2 WHERE username = $1";
  private static final String BY_USERNAME = "SELECT " + COLUMNS + " FROM accounts WHERE username = $1";
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM accounts WHERE id = $1";
  private static final String BUMP_GENERATION =
      "UPDATE accounts SET token_generation = token_generation + 1 WHERE id = $1";

  private final Pool pool;

  public AccountStore(Pool pool) {
    this.pool = pool;
  }

  /** {@code email} (a therapist's or an admin's, for escalation reminders) may be null. */
  public Future<Account> insert(String username, String displayName, String passwordHash, Role role, String email) {
    return pool.preparedQuery(INSERT)
        .execute(Tuple.of(username, displayName, passwordHash, role.wire(), email))
        .map(rows -> Account.fromRow(rows.iterator().next()))
        .recover(err -> DatabaseErrors.isUniqueViolation(err)
            ? Future.failedFuture(ApiError.conflict("USERNAME_TAKEN", "That username is already taken."))
            : Future.failedFuture(err));
  }

  public Future<Void> setEmail(String username, String email) {
    return pool.preparedQuery(SET_EMAIL).execute(Tuple.of(username, email)).mapEmpty();
  }

  public Future<Optional<Account>> byUsername(String username) {
    return pool.preparedQuery(BY_USERNAME).execute(Tuple.of(username)).map(AccountStore::first);
  }

  public Future<Optional<Account>> byId(UUID id) {
    return byId(pool, id);
  }

  /** Inside a transaction, pass the transaction: a second pool connection could wait for one that never frees. */
  public Future<Optional<Account>> byId(SqlClient client, UUID id) {
    return client.preparedQuery(BY_ID).execute(Tuple.of(id)).map(AccountStore::first);
  }

  /** Makes every access token issued so far invalid. */
  public Future<Void> bumpTokenGeneration(SqlClient client, UUID id) {
    return client.preparedQuery(BUMP_GENERATION).execute(Tuple.of(id)).mapEmpty();
  }

  private static Optional<Account> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(Account.fromRow(rows.iterator().next()));
  }
}
