package app.talkingstick.group;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
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

  /** The names in use in a group, as a join compares a new pseudonym with them. */
  private static final String NAMES_IN_USE = "SELECT m.id, m.role, m.pseudonym, m.skeleton, a.display_name"
      + " FROM group_members m JOIN accounts a ON a.id = m.account_id"
      + " WHERE m.group_id = $1 AND m.left_at IS NULL AND m.removed_at IS NULL ORDER BY m.joined_at, m.id";
  private static final String SET_SKELETON = "UPDATE group_members SET skeleton = $2 WHERE id = $1";

  /** What a join compares a new pseudonym with: the current members' names, and the staff's display names. */
  public record NamesInUse(List<Pseudonyms.StoredName> pseudonyms, List<String> staffDisplayNames) {
    /** Every name a new pseudonym must not be nor look like. */
    public List<String> all() {
      List<String> names = new ArrayList<>(staffDisplayNames);
      pseudonyms.forEach(p -> names.add(p.pseudonym()));
      return names;
    }
  }

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

  /** The group's current members' pseudonyms (with their stored skeletons) and its therapists' display names. */
  public Future<NamesInUse> namesInUse(SqlClient client, UUID groupId) {
    return client.preparedQuery(NAMES_IN_USE).execute(Tuple.of(groupId)).map(rows -> {
      List<Pseudonyms.StoredName> pseudonyms = new ArrayList<>();
      List<String> staff = new ArrayList<>();
      for (Row r : rows) {
        pseudonyms.add(new Pseudonyms.StoredName(r.getUUID("id"), r.getString("pseudonym"), r.getString("skeleton")));
        if (GroupRole.fromWire(r.getString("role")).isStaff()) staff.add(r.getString("display_name"));
      }
      return new NamesInUse(pseudonyms, staff);
    });
  }

  /**
   * Stores a member's look-alike skeleton (null clears it). Fails with a unique violation (23505,
   * constraint {@code group_members_skeleton}) when a current member of the group has the same one.
   */
  public Future<Void> setSkeleton(SqlClient client, UUID memberId, String skeleton) {
    return client.preparedQuery(SET_SKELETON).execute(Tuple.of(memberId, skeleton)).mapEmpty();
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
