package app.talkingstick.channel;

import app.talkingstick.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** Channels, their parties and the parties' read markers. Messages are in {@link ChannelMessageStore}. */
public final class ChannelStore {

  private static final String COLUMNS = "c.id, c.therapist_id, c.client_id, c.created_at,"
      + " t.display_name AS therapist_name, k.display_name AS client_name";
  private static final String FROM = " FROM channels c JOIN accounts t ON t.id = c.therapist_id"
      + " JOIN accounts k ON k.id = c.client_id";
  /** Messages of the other party after the reader's marker; $1 channel, $2 reader. */
  private static final String UNREAD_OF = "(SELECT count(*) FROM channel_messages m WHERE m.channel_id = c.id"
      + " AND m.sender_id <> $1 AND m.seq > coalesce((SELECT r.seq FROM channel_reads r"
      + " WHERE r.channel_id = c.id AND r.account_id = $1), 0))";
  private static final String LAST_SEQ_OF =
      "(SELECT coalesce(max(m.seq), 0) FROM channel_messages m WHERE m.channel_id = c.id)";

  private static final String BY_ID = "SELECT " + COLUMNS + FROM + " WHERE c.id = $1";
  private static final String BY_PAIR = "SELECT " + COLUMNS + FROM + " WHERE c.therapist_id = $1 AND c.client_id = $2";
  private static final String OF_ACCOUNT = "SELECT " + COLUMNS + ", " + UNREAD_OF + " AS unread, " + LAST_SEQ_OF
      + " AS last_seq" + FROM + " WHERE c.therapist_id = $1 OR c.client_id = $1 ORDER BY c.created_at, c.id";
  private static final String ONE_OF_ACCOUNT = "SELECT " + COLUMNS + ", " + UNREAD_OF + " AS unread, " + LAST_SEQ_OF
      + " AS last_seq" + FROM + " WHERE c.id = $2 AND (c.therapist_id = $1 OR c.client_id = $1)";
  private static final String ALL = "SELECT " + COLUMNS + FROM + " ORDER BY c.created_at, c.id";
  private static final String INSERT = "INSERT INTO channels (therapist_id, client_id) VALUES ($1, $2) RETURNING id";
  private static final String UNREAD = "SELECT count(*) AS n FROM channel_messages m WHERE m.channel_id = $1"
      + " AND m.sender_id <> $2 AND m.seq > coalesce((SELECT r.seq FROM channel_reads r"
      + " WHERE r.channel_id = $1 AND r.account_id = $2), 0)";
  /** Monotonic, and never past the last committed message (a marker ahead would hide later messages). */
  private static final String MARK_READ = "INSERT INTO channel_reads (channel_id, account_id, seq)"
      + " VALUES ($1, $2, LEAST($3, (SELECT coalesce(max(seq), 0) FROM channel_messages WHERE channel_id = $1)))"
      + " ON CONFLICT (channel_id, account_id)"
      + " DO UPDATE SET seq = GREATEST(channel_reads.seq, EXCLUDED.seq), updated_at = now()";

  /** A channel seen by one of its parties, with that party's unread count and the last seq. */
  public record Seen(Channel channel, long unread, long lastSeq) {}

  public Future<Optional<Channel>> find(SqlClient client, UUID channelId) {
    return client.preparedQuery(BY_ID).execute(Tuple.of(channelId)).map(ChannelStore::first);
  }

  public Future<Optional<Channel>> findPair(SqlClient client, UUID therapistId, UUID clientId) {
    return client.preparedQuery(BY_PAIR).execute(Tuple.of(therapistId, clientId)).map(ChannelStore::first);
  }

  /** Inserts the pair's channel; a second channel for the same pair is a unique violation (23505). */
  public Future<UUID> insert(SqlClient client, UUID therapistId, UUID clientId) {
    return client.preparedQuery(INSERT).execute(Tuple.of(therapistId, clientId))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  /** The account's channels as a party, oldest first. */
  public Future<JsonArray> seenBy(SqlClient client, UUID accountId) {
    return client.preparedQuery(OF_ACCOUNT).execute(Tuple.of(accountId)).map(rows -> {
      JsonArray list = new JsonArray();
      rows.forEach(r -> list.add(channel(r).partyView(r.getLong("unread"), r.getLong("last_seq"))));
      return list;
    });
  }

  /** One channel as its party sees it; empty when the account is not a party. */
  public Future<Optional<Seen>> seenBy(SqlClient client, UUID accountId, UUID channelId) {
    return client.preparedQuery(ONE_OF_ACCOUNT).execute(Tuple.of(accountId, channelId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(seen(it.next())) : Optional.<Seen>empty();
    });
  }

  /** Every channel's existence (for admins): no names, counts or content. */
  public Future<JsonArray> all(SqlClient client) {
    return client.preparedQuery(ALL).execute().map(rows -> {
      JsonArray list = new JsonArray();
      rows.forEach(r -> list.add(channel(r).existenceView()));
      return list;
    });
  }

  public Future<Long> unread(SqlClient client, UUID channelId, UUID readerId) {
    return client.preparedQuery(UNREAD).execute(Tuple.of(channelId, readerId))
        .map(rows -> rows.iterator().next().getLong("n"));
  }

  public Future<Void> markRead(SqlClient client, UUID channelId, UUID readerId, long seq) {
    return client.preparedQuery(MARK_READ).execute(Tuple.of(channelId, readerId, seq)).mapEmpty();
  }

  private static Optional<Channel> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(channel(it.next())) : Optional.empty();
  }

  private static Seen seen(Row r) {
    return new Seen(channel(r), r.getLong("unread"), r.getLong("last_seq"));
  }

  private static Channel channel(Row r) {
    return new Channel(
        r.getUUID("id"),
        new Party(r.getUUID("therapist_id"), Role.THERAPIST, r.getString("therapist_name")),
        new Party(r.getUUID("client_id"), Role.CLIENT, r.getString("client_name")),
        r.getOffsetDateTime("created_at").toInstant());
  }
}
