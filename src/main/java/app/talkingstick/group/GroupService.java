package app.talkingstick.group;

import app.talkingstick.conversation.HistoryPage;
import app.talkingstick.Services;
import app.talkingstick.audit.AuditLog;
import app.talkingstick.channel.ChannelCipher;
import app.talkingstick.auth.InviteCodes;
import app.talkingstick.auth.NameSafety;
import app.talkingstick.auth.Account;
import app.talkingstick.auth.AccountStore;
import app.talkingstick.auth.AuthRoutes;
import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import app.talkingstick.bridge.Inbox;
import app.talkingstick.group.GroupStore.Group;
import app.talkingstick.group.GroupStore.MemberRow;
import app.talkingstick.group.GroupStore.NewGroup;
import app.talkingstick.group.RoomNotifier.Change;
import app.talkingstick.http.ApiError;
import app.talkingstick.store.DatabaseErrors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group rooms as stored: creation, membership (invites, joining, leaving, removal), agreements,
 * history and the audit log. Every method decides who may do it; routes only parse. Changes are
 * committed first, then announced to the live parts through {@link RoomNotifier}.
 *
 * <p>Who sees what: someone who is not a current member gets {@code 404 NOT_FOUND} for every group
 * (its existence is not revealed). An admin sees every group's settings, members and audit log,
 * but may not act in a group ({@code 403}).
 */
public final class GroupService {

  private static final Logger LOG = LoggerFactory.getLogger(GroupService.class);

  public static final int INITIAL_AGREEMENT_VERSION = 1;
  public static final long LIVE_STATE_TIMEOUT_MS = 2000;
  public static final String DEFAULT_AGREEMENT = String.join("\n",
      "Our group agreement",
      "",
      "1. Confidentiality: what is shared here stays here. Do not copy, screenshot or repeat what others say.",
      "2. Respect: speak kindly, listen without judging, and do not give advice unless someone asks for it.",
      "3. One voice at a time: wait for your turn and let each person finish.",
      "4. Privacy: use your pseudonym and do not share anyone's real name or contact details, your own included.",
      "5. Crisis: this group is not an emergency service. If you are in danger or thinking of harming yourself,"
          + " contact your local emergency number or a crisis line now, and tell your therapist.");

  private final Vertx vertx;
  private final Pool pool;
  private final AccountStore accounts;
  private final MembershipStore memberships;
  private final RoomNotifier rooms;
  private final Inbox inbox;
  private final GroupStore groups = new GroupStore();
  private final InviteStore invites = new InviteStore();
  private final ChannelCipher cipher;
  private final HistoryStore history;

  public GroupService(Vertx vertx, Services services) {
    this.vertx = vertx;
    this.pool = services.pool();
    this.cipher = services.channelCipher();
    this.history = new HistoryStore(cipher);
    this.accounts = services.auth().accounts();
    this.memberships = services.memberships();
    this.rooms = services.rooms();
    this.inbox = services.inbox();
  }

  /** What the caller is to one group: a current member, or (member null) an admin. */
  private record Access(UUID groupId, Membership member) {
    boolean isAdmin() {
      return member == null;
    }

    boolean isStaff() {
      return member != null && member.isStaff();
    }
  }

  private record Joined(UUID groupId, UUID memberId, String pseudonym) {
    JsonObject toJson() {
      return new JsonObject().put("groupId", groupId.toString()).put("memberId", memberId.toString())
          .put("pseudonym", pseudonym);
    }
  }

  private record Created(UUID groupId, UUID memberId) {}

  // ---- groups ----

  /** Creates a group run by the calling therapist, who joins it and accepts its first agreement. */
  public Future<JsonObject> create(Principal caller, NewGroup group) {
    if (!caller.is(Role.THERAPIST)) return Future.failedFuture(ApiError.forbidden("Only therapists create groups."));
    return account(caller)
        .compose(therapist -> pool.withTransaction(tx -> insertGroupWithCreator(tx, therapist, group)))
        .onSuccess(created -> {
          LOG.info("Group {} created by {}", created.groupId(), caller.accountId());
          rooms.membershipChanged(created.groupId(), caller.accountId(), created.memberId(), Change.MEMBER_JOINED);
        })
        .compose(created -> view(caller, created.groupId()));
  }

  private Future<Created> insertGroupWithCreator(SqlClient tx, Account therapist, NewGroup group) {
    return groups.insertGroup(tx, therapist.id(), group).compose(groupId ->
        groups.insertMember(tx, groupId, therapist.id(), GroupRole.THERAPIST, therapist.displayName())
            .compose(memberId -> groups.acceptAgreement(tx, memberId, INITIAL_AGREEMENT_VERSION)
                .compose(v -> AuditLog.record(tx, AuditLog.Entry.of(groupId, therapist.id(), "group-created")
                    .about(memberId)
                    .with("mode", group.mode())
                    .with("capacity", group.capacity())))
                .map(v -> new Created(groupId, memberId))));
  }

  /** The caller's current groups; for an admin, every group. */
  public Future<JsonArray> listFor(Principal caller) {
    return caller.is(Role.ADMIN) ? groups.allSummaries(pool) : groups.summariesOf(pool, caller.accountId());
  }

  /** Fills {@code groups} of {@code GET /api/me} with the same items as {@code GET /api/groups}. */
  public AuthRoutes.MeSection meSection() {
    return (me, principal) -> listFor(principal).onSuccess(list -> me.put("groups", list)).mapEmpty();
  }

  /** Settings, agreement, the caller's own membership, the members and the live state. */
  public Future<JsonObject> view(Principal caller, UUID groupId) {
    return access(caller, groupId).compose(access -> groups.find(pool, groupId).compose(group -> {
      if (group.isEmpty()) return Future.failedFuture(noSuchGroup());
      Future<List<Membership>> members = memberships.ofGroup(groupId);
      Future<JsonObject> live = live(group.get());
      return Future.all(members, live).map(v -> group.get().settingsJson()
          .put("you", you(access))
          .put("members", members(members.result(), access.isStaff() || access.isAdmin()))
          .put("live", live.result()));
    }));
  }

  private static JsonObject you(Access access) {
    if (access.isAdmin()) return new JsonObject().put("role", Role.ADMIN.wire());
    Membership m = access.member();
    return new JsonObject()
        .put("memberId", m.memberId().toString())
        .put("role", m.role().wire())
        .put("pseudonym", m.pseudonym())
        .put("acceptedAgreementVersion", m.acceptedAgreementVersion());
  }

  /** Members by pseudonym; only the group's therapists (and admins) also see account ids. */
  private static JsonArray members(List<Membership> members, boolean withAccountIds) {
    JsonArray list = new JsonArray();
    for (Membership m : members) {
      JsonObject view = m.publicView();
      if (withAccountIds) view.put("accountId", m.accountId().toString());
      list.add(view);
    }
    return list;
  }

  /** The facilitator's view of the room; when none answers, what the database says. */
  private Future<JsonObject> live(Group group) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(LIVE_STATE_TIMEOUT_MS);
    return vertx.eventBus()
        .request(GroupAddresses.control(group.id()), new JsonObject().put("type", "state"), options)
        .compose(reply -> reply.body() instanceof JsonObject state
            ? Future.succeededFuture(state)
            : Future.<JsonObject>failedFuture("the facilitator's state is not a JSON object"))
        .recover(err -> storedLive(group));
  }

  private Future<JsonObject> storedLive(Group group) {
    return groups.openSession(pool, group.id()).map(session -> new JsonObject()
        .put("session", session
            .map(s -> new JsonObject().put("state", "open").put("topic", s.topic())
                .put("endsAt", s.endsAt().toInstant().toString()))
            .orElseGet(() -> new JsonObject().put("state", "closed").putNull("topic").putNull("endsAt")))
        .put("mode", group.mode())
        .putNull("speaker")
        .put("queue", new JsonArray())
        .put("online", new JsonArray()));
  }

  // ---- invites ----

  public Future<JsonObject> createInvite(Principal caller, UUID groupId, int expiresInHours, int maxUses) {
    return staff(caller, groupId).compose(access -> pool.withTransaction(tx ->
        invites.create(tx, groupId, caller.accountId(), expiresInHours, maxUses).compose(invite ->
            AuditLog.record(tx, AuditLog.Entry.of(groupId, caller.accountId(), "invite-created")
                    .with("code", invite.getString("code"))
                    .with("maxUses", maxUses)
                    .with("expiresAt", invite.getString("expiresAt")))
                .map(invite))));
  }

  public Future<JsonObject> listInvites(Principal caller, UUID groupId) {
    return staff(caller, groupId)
        .compose(access -> invites.ofGroup(pool, groupId))
        .map(list -> new JsonObject().put("invites", list));
  }

  /** Revokes one of the group's invites; revoking it again changes nothing. */
  public Future<Void> revokeInvite(Principal caller, UUID groupId, String code) {
    String normalised = InviteCodes.normalise(code);
    return staff(caller, groupId).compose(access -> pool.withTransaction(tx ->
        invites.revoke(tx, groupId, normalised).compose(revoked -> {
          if (revoked.isEmpty()) return Future.failedFuture(ApiError.notFound("This group has no such invite."));
          if (!revoked.get()) return Future.succeededFuture();
          return AuditLog.record(tx, AuditLog.Entry.of(groupId, caller.accountId(), "invite-revoked")
              .with("code", normalised));
        })));
  }

  // ---- joining, leaving, removal ----

  /** A client joins the invite's group under a pseudonym, accepting its current agreement. */
  public Future<JsonObject> join(Principal caller, String code, String pseudonym, boolean agreementAccepted) {
    if (!caller.is(Role.CLIENT)) return Future.failedFuture(ApiError.forbidden("Only clients join groups with an invite."));
    if (!agreementAccepted) {
      return Future.failedFuture(new ApiError(400, "AGREEMENT_REQUIRED",
          "Read the group agreement and accept it to join: send agreementAccepted: true."));
    }
    String normalisedCode = InviteCodes.normalise(code);
    if (normalisedCode.isEmpty()) return Future.failedFuture(ApiError.invalid("code is required"));
    String name = Pseudonyms.normalise(pseudonym);
    return account(caller)
        .compose(account -> Pseudonyms.problem(name, account.username(), account.displayName())
            .<Future<Void>>map(problem -> Future.failedFuture(ApiError.invalid(problem)))
            .orElseGet(Future::succeededFuture))
        .compose(v -> pool.withTransaction(tx -> redeem(tx, caller.accountId(), normalisedCode, name)))
        .onSuccess(joined -> {
          LOG.info("Account {} joined group {} as member {}", caller.accountId(), joined.groupId(), joined.memberId());
          rooms.membershipChanged(joined.groupId(), caller.accountId(), joined.memberId(), Change.MEMBER_JOINED);
        })
        .map(Joined::toJson);
  }

  private Future<Joined> redeem(SqlClient tx, UUID accountId, String code, String pseudonym) {
    return invites.lockForRedeem(tx, code).compose(invite -> {
      if (invite.isEmpty() || !invite.get().usable()) return Future.failedFuture(inviteInvalid());
      UUID groupId = invite.get().groupId();
      return groups.lock(tx, groupId).compose(group -> groups.lockMemberOfAccount(tx, groupId, accountId)
          .compose(earlier -> admit(tx, group.orElseThrow(), accountId, earlier, pseudonym)
              .compose(memberId -> groups.acceptAgreement(tx, memberId, group.get().agreementVersion())
                  .compose(v -> invites.countUse(tx, code))
                  .compose(v -> AuditLog.record(tx, AuditLog.Entry.of(groupId, accountId, "member-joined")
                      .about(memberId)
                      .with("invite", code)
                      .with("rejoined", earlier.isPresent())))
                  .map(v -> new Joined(groupId, memberId, pseudonym)))));
    });
  }

  /** Adds the account as a client, or brings back one who left; the member id either way. */
  private Future<UUID> admit(SqlClient tx, Group group, UUID accountId, Optional<MemberRow> earlier, String pseudonym) {
    if (earlier.isPresent() && earlier.get().removed()) {
      return Future.failedFuture(new ApiError(403, "REMOVED", "A therapist removed you from this group."));
    }
    if (earlier.isPresent() && earlier.get().isCurrent()) {
      return Future.failedFuture(ApiError.conflict("ALREADY_MEMBER", "You are already a member of this group."));
    }
    Future<UUID> admitted = requireRoom(tx, group)
        .compose(v -> requireDistinctName(tx, group, pseudonym))
        .compose(v -> {
          String skeleton = NameSafety.skeleton(pseudonym);
          // a returning member's row gets its new skeleton while it is still out of the index
          return earlier.isPresent()
              ? memberships.setSkeleton(tx, earlier.get().id(), skeleton)
                  .compose(w -> groups.rejoin(tx, earlier.get().id(), pseudonym)).map(earlier.get().id())
              : groups.insertMember(tx, group.id(), accountId, GroupRole.CLIENT, pseudonym)
                  .compose(memberId -> memberships.setSkeleton(tx, memberId, skeleton).map(memberId));
        });
    return admitted.recover(GroupService::explainMemberConflict);
  }

  /**
   * Refuses a pseudonym that is, or looks like (TS #39 skeletons), a current member's pseudonym or a
   * therapist's display name in the group, and brings the stored skeletons of the group up to date so
   * that the unique index on them holds for everyone (joins to a group run one at a time under its
   * lock; the index is what stops any other writer).
   */
  private Future<Void> requireDistinctName(SqlClient tx, Group group, String pseudonym) {
    return memberships.namesInUse(tx, group.id()).compose(names -> {
      Pseudonyms.Clash clash = Pseudonyms.clash(pseudonym, names.all());
      if (clash == Pseudonyms.Clash.TAKEN) {
        return Future.failedFuture(ApiError.conflict("PSEUDONYM_TAKEN", Pseudonyms.TAKEN));
      }
      if (clash == Pseudonyms.Clash.LOOKS_ALIKE) {
        return Future.failedFuture(ApiError.conflict("PSEUDONYM_TAKEN", Pseudonyms.LOOKS_ALIKE));
      }
      Map<UUID, String> changes = Pseudonyms.skeletonChanges(names.pseudonyms());
      if (changes.isEmpty()) return Future.succeededFuture();
      // cleared first, then set, so that moving a skeleton from one row to another never collides
      Future<Void> done = Future.succeededFuture();
      for (UUID memberId : changes.keySet()) {
        done = done.compose(v -> memberships.setSkeleton(tx, memberId, null));
      }
      for (Map.Entry<UUID, String> change : changes.entrySet()) {
        if (change.getValue() == null) continue;
        done = done.compose(v -> memberships.setSkeleton(tx, change.getKey(), change.getValue()));
      }
      return done;
    });
  }

  private Future<Void> requireRoom(SqlClient tx, Group group) {
    return groups.countCurrentClients(tx, group.id()).compose(clients -> clients >= group.capacity()
        ? Future.failedFuture(ApiError.conflict("GROUP_FULL", "This group is full."))
        : Future.succeededFuture());
  }

  private static <T> Future<T> explainMemberConflict(Throwable err) {
    if (!DatabaseErrors.isUniqueViolation(err)) return Future.failedFuture(err);
    String constraint = err instanceof PgException pg ? pg.getConstraint() : null;
    if ("group_members_pseudonym".equals(constraint)) {
      return Future.failedFuture(ApiError.conflict("PSEUDONYM_TAKEN", Pseudonyms.TAKEN));
    }
    if ("group_members_skeleton".equals(constraint)) {
      return Future.failedFuture(ApiError.conflict("PSEUDONYM_TAKEN", Pseudonyms.LOOKS_ALIKE));
    }
    return Future.failedFuture(ApiError.conflict("ALREADY_MEMBER", "You are already a member of this group."));
  }

  /** A client leaves the group; an invite lets them back in later. */
  public Future<Void> leave(Principal caller, UUID groupId) {
    return member(caller, groupId).compose(access -> {
      if (access.isStaff()) return Future.failedFuture(ApiError.forbidden("A group's therapist cannot leave it."));
      UUID memberId = access.member().memberId();
      return pool.withTransaction(tx -> groups.lockMember(tx, groupId, memberId).compose(row -> {
        if (row.isEmpty() || !row.get().isCurrent()) return Future.failedFuture(noSuchGroup());
        return groups.markLeft(tx, memberId).compose(v -> AuditLog.record(tx,
            AuditLog.Entry.of(groupId, caller.accountId(), "member-left").about(memberId)));
      })).onSuccess(v -> rooms.membershipChanged(groupId, caller.accountId(), memberId, Change.MEMBER_LEFT));
    });
  }

  /** {@code DELETE /api/groups/{id}/members/{memberId}}: the calling therapist removes a client. */
  public Future<Void> removeMember(Principal caller, UUID groupId, UUID memberId, String reason) {
    return staff(caller, groupId).compose(access -> removeMember(groupId, caller.accountId(), memberId, reason));
  }

  /**
   * Removes a client from the group for good (an invite no longer lets them back in), records why,
   * tells the room and sends the person a private {@code removed} notice. The actor must be one of
   * the group's therapists; a null actor is the facilitator itself. Fails with 404 NOT_FOUND for a
   * member who is not current, 400 INVALID for a therapist, 403/404 for an actor who may not.
   */
  public Future<Void> removeMember(UUID groupId, UUID actorAccountId, UUID memberId, String reason) {
    return requireStaffActor(groupId, actorAccountId)
        .compose(v -> pool.withTransaction(tx -> groups.lockMember(tx, groupId, memberId).compose(target -> {
          if (target.isEmpty() || !target.get().isCurrent()) {
            return Future.failedFuture(ApiError.notFound("This group has no such member."));
          }
          if (target.get().role().isStaff()) {
            return Future.failedFuture(ApiError.invalid("A therapist cannot be removed from the group."));
          }
          return groups.markRemoved(tx, memberId)
              .compose(x -> AuditLog.record(tx, AuditLog.Entry.of(groupId, actorAccountId, "member-removed")
                  .about(memberId).because(reason, cipher)))
              .map(target.get().accountId());
        })))
        .onSuccess(accountId -> {
          LOG.info("Member {} removed from group {} by {}", memberId, groupId, actorAccountId);
          rooms.membershipChanged(groupId, accountId, memberId, Change.MEMBER_REMOVED);
          inbox.deliver(accountId, new JsonObject().put("type", "removed").put("groupId", groupId.toString()));
        })
        .mapEmpty();
  }

  private Future<Void> requireStaffActor(UUID groupId, UUID actorAccountId) {
    if (actorAccountId == null) return Future.succeededFuture();
    return memberships.find(groupId, actorAccountId).compose(actor -> {
      if (actor.isEmpty()) return Future.failedFuture(noSuchGroup());
      if (!actor.get().isStaff()) return Future.failedFuture(onlyTherapists());
      return Future.succeededFuture();
    });
  }

  // ---- agreements ----

  public Future<JsonObject> agreement(Principal caller, UUID groupId) {
    return member(caller, groupId).compose(access -> groups.find(pool, groupId).map(group -> new JsonObject()
        .put("version", group.orElseThrow().agreementVersion())
        .put("text", group.get().agreementText())
        .put("acceptedVersion", access.member().acceptedAgreementVersion())));
  }

  /** A therapist replaces the agreement: a new version, which they accept; everyone else must accept it anew. */
  public Future<JsonObject> changeAgreement(Principal caller, UUID groupId, String text) {
    return staff(caller, groupId).compose(access -> {
      UUID memberId = access.member().memberId();
      return pool.withTransaction(tx -> groups.changeAgreement(tx, groupId, text).compose(version ->
              groups.acceptAgreement(tx, memberId, version)
                  .compose(v -> AuditLog.record(tx, AuditLog.Entry.of(groupId, caller.accountId(), "agreement-changed")
                      .with("version", version)))
                  .map(version)))
          .onSuccess(version -> {
            rooms.agreementChanged(groupId, version);
            rooms.membershipChanged(groupId, caller.accountId(), memberId, Change.AGREEMENT_ACCEPTED);
          })
          .map(version -> new JsonObject().put("version", version).put("text", text).put("acceptedVersion", version));
    });
  }

  /** A member accepts the agreement; only the current version can be accepted. */
  public Future<Void> acceptAgreement(Principal caller, UUID groupId, int version) {
    return member(caller, groupId).compose(access -> {
      UUID memberId = access.member().memberId();
      return pool.withTransaction(tx -> groups.share(tx, groupId).compose(group -> {
        int current = group.orElseThrow().agreementVersion();
        if (current != version) {
          return Future.failedFuture(ApiError.conflict("AGREEMENT_OUTDATED",
              "The group agreement has changed: read version " + current + " and accept that one."));
        }
        return groups.acceptAgreement(tx, memberId, version);
      })).onSuccess(v -> rooms.membershipChanged(groupId, caller.accountId(), memberId, Change.AGREEMENT_ACCEPTED));
    });
  }

  // ---- history and audit ----

  public Future<JsonObject> history(Principal caller, UUID groupId, HistoryPage page) {
    return member(caller, groupId)
        .compose(access -> history.page(pool, groupId, page, access.member()))
        .map(HistoryStore.Result::toJson);
  }

  /** The group's moderation log, oldest first, for its therapists and admins. */
  public Future<JsonObject> audit(Principal caller, UUID groupId, long afterId, int limit) {
    return access(caller, groupId).compose(access -> {
      if (!access.isStaff() && !access.isAdmin()) return Future.failedFuture(onlyTherapists());
      return AuditLog.list(pool, cipher, groupId, afterId, limit + 1).map(entries -> {
        boolean hasMore = entries.size() > limit;
        if (hasMore) entries.remove(limit);
        return new JsonObject().put("entries", entries).put("hasMore", hasMore);
      });
    });
  }

  // ---- who may ----

  private Future<Access> access(Principal caller, UUID groupId) {
    if (caller.is(Role.ADMIN)) {
      return groups.find(pool, groupId).compose(group -> group.isPresent()
          ? Future.succeededFuture(new Access(groupId, null))
          : Future.failedFuture(noSuchGroup()));
    }
    return memberships.find(groupId, caller.accountId()).compose(member -> member.isPresent()
        ? Future.succeededFuture(new Access(groupId, member.get()))
        : Future.failedFuture(noSuchGroup()));
  }

  private Future<Access> member(Principal caller, UUID groupId) {
    return access(caller, groupId).compose(access -> access.isAdmin()
        ? Future.failedFuture(ApiError.forbidden("Only the group's members may do that."))
        : Future.succeededFuture(access));
  }

  private Future<Access> staff(Principal caller, UUID groupId) {
    return access(caller, groupId).compose(access -> access.isStaff()
        ? Future.succeededFuture(access)
        : Future.failedFuture(onlyTherapists()));
  }

  private Future<Account> account(Principal caller) {
    return accounts.byId(caller.accountId()).map(Optional::orElseThrow);
  }

  private static ApiError noSuchGroup() {
    return ApiError.notFound("No such group.");
  }

  private static ApiError onlyTherapists() {
    return ApiError.forbidden("Only the group's therapists may do that.");
  }

  private static ApiError inviteInvalid() {
    return new ApiError(404, "INVITE_INVALID", "That invite code is not valid. It may have expired or been used.");
  }
}
