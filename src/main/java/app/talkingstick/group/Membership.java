package app.talkingstick.group;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.UUID;

/** A current member of a group, as the room knows them: by pseudonym, never by account name. */
public record Membership(UUID memberId, UUID groupId, UUID accountId, GroupRole role, String pseudonym,
                         int acceptedAgreementVersion) {

  static Membership fromRow(Row row) {
    Integer accepted = row.getInteger("accepted_version");
    return new Membership(row.getUUID("id"), row.getUUID("group_id"), row.getUUID("account_id"),
        GroupRole.fromWire(row.getString("role")), row.getString("pseudonym"), accepted == null ? 0 : accepted);
  }

  public boolean isStaff() {
    return role.isStaff();
  }

  /** How the room shows this person: memberId, pseudonym and role only. */
  public JsonObject publicView() {
    return new JsonObject().put("memberId", memberId.toString()).put("pseudonym", pseudonym).put("role", role.wire());
  }

  public Membership withAcceptedVersion(int version) {
    return new Membership(memberId, groupId, accountId, role, pseudonym, version);
  }
}
