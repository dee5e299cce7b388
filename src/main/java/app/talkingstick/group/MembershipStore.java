package app.talkingstick.group;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads current memberships (not left, not removed), with the newest agreement version each accepted. */
public final class MembershipStore {

  private static final String SELECT =
      "SELECT m.id, m.group_id, m.account_id, m.role, m.pseudonym,"
          + " (SELECT max(a.version) FROM agreement_acceptances a WHERE a.member_id = m.id) AS accepted_version"
          + " FROM group_members m WHERE m.left_at IS NULL AND m.removed_at IS NULL";
  private static final String BY_ACCOUNT = SELECT + " AND m.group_id = $1 AND m.account_id = $2";
  private static final String BY_MEMBER = SELECT + " AND m.group_id = $1 AND m.id = $2";
  private static final String OF_GROUP = SELECT + " AND m.group_id = $1 ORDER BY m.joined_at, m.id";
  private static final String OF_ACCOUNT = SELECT + " AND m.account_id = $1 ORDER BY m.joined_at";

  private final Pool pool;

  public MembershipStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Membership>> find(UUID groupId, UUID accountId) {
    return pool.preparedQuery(BY_ACCOUNT).execute(Tuple.of(groupId, accountId)).map(rows -> first(rows));
  }

  public Future<Optional<Membership>> findMember(UUID groupId, UUID memberId) {
    return pool.preparedQuery(BY_MEMBER).execute(Tuple.of(groupId, memberId)).map(rows -> first(rows));
  }

  public Future<List<Membership>> ofGroup(UUID groupId) {
    return pool.preparedQuery(OF_GROUP).execute(Tuple.of(groupId)).map(MembershipStore::all);
  }

  public Future<List<Membership>> ofAccount(UUID accountId) {
    return pool.preparedQuery(OF_ACCOUNT).execute(Tuple.of(accountId)).map(MembershipStore::all);
  }

  private static Optional<Membership> first(Iterable<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(Membership.fromRow(it.next())) : Optional.empty();
  }

  private static List<Membership> all(Iterable<Row> rows) {
    List<Membership> list = new ArrayList<>();
    rows.forEach(r -> list.add(Membership.fromRow(r)));
    return list;
  }
}
