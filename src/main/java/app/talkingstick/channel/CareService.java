package app.talkingstick.channel;

import app.talkingstick.Services;
import app.talkingstick.audit.AuditLog;
import app.talkingstick.auth.AccountStore;
import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import app.talkingstick.auth.InviteCodes;
import app.talkingstick.http.ApiError;
import app.talkingstick.store.DatabaseErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Care relationships: a client becomes a therapist's client by joining one of the therapist's
 * groups (see {@link CareStore}) or by redeeming the therapist's direct, single-use client invite.
 * Care relationships are not ended by anything in this version; leaving or being removed from a
 * group keeps them (continuity of care).
 */
public final class CareService {

  private static final Logger LOG = LoggerFactory.getLogger(CareService.class);

  private final Pool pool;
  private final AccountStore accounts;
  private final CareStore care = new CareStore();

  public CareService(Services services) {
    this.pool = services.pool();
    this.accounts = services.auth().accounts();
  }

  /** {@code GET /api/clients}: the calling therapist's clients. */
  public Future<JsonObject> clients(Principal caller) {
    if (!caller.is(Role.THERAPIST)) return Future.failedFuture(onlyTherapists());
    return care.clientsOf(pool, caller.accountId()).map(list -> new JsonObject().put("clients", list));
  }

  /** {@code POST /api/clients/invites}: a single-use code a client redeems to become the caller's client. */
  public Future<JsonObject> createInvite(Principal caller, int expiresInHours) {
    if (!caller.is(Role.THERAPIST)) return Future.failedFuture(onlyTherapists());
    return pool.withTransaction(tx -> care.createInvite(tx, caller.accountId(), expiresInHours).compose(invite ->
        AuditLog.record(tx, AuditLog.Entry.of(null, caller.accountId(), "client-invite-created")
                .with("expiresAt", invite.getString("expiresAt")))
            .map(invite)));
  }

  /** {@code POST /api/clients/join}: the calling client redeems a therapist's invite. */
  public Future<JsonObject> join(Principal caller, String code) {
    if (!caller.is(Role.CLIENT)) return Future.failedFuture(ApiError.forbidden("Only clients redeem a therapist's invite."));
    String normalised = InviteCodes.normalise(code);
    if (normalised.isEmpty()) return Future.failedFuture(ApiError.invalid("code is required"));
    return pool.withTransaction(tx -> redeem(tx, caller.accountId(), normalised))
        .recover(CareService::explainConflict)
        .compose(therapistId -> accounts.byId(therapistId).map(therapist -> new JsonObject()
            .put("therapistId", therapistId.toString())
            .put("therapist", new JsonObject().put("id", therapistId.toString())
                .put("displayName", therapist.map(a -> a.displayName()).orElse(null)))));
  }

  private Future<UUID> redeem(SqlClient tx, UUID clientId, String code) {
    return care.lockInvite(tx, code).compose(invite -> {
      if (invite.isEmpty() || !invite.get().usable()) return Future.failedFuture(inviteInvalid());
      UUID therapistId = invite.get().therapistId();
      return care.link(tx, therapistId, clientId, code)
          .compose(v -> care.useInvite(tx, code, clientId))
          .compose(v -> AuditLog.record(tx, AuditLog.Entry.of(null, clientId, "client-joined")
              .with("therapistId", therapistId.toString())
              .with("clientId", clientId.toString())))
          .onSuccess(v -> LOG.info("Account {} became a client of therapist {} by invite", clientId, therapistId))
          .map(therapistId);
    });
  }

  private static <T> Future<T> explainConflict(Throwable err) {
    return Future.failedFuture(DatabaseErrors.isUniqueViolation(err)
        ? ApiError.conflict("ALREADY_CLIENT", "You are already this therapist's client.")
        : err);
  }

  private static ApiError onlyTherapists() {
    return ApiError.forbidden("Only therapists may do that.");
  }

  private static ApiError inviteInvalid() {
    return new ApiError(404, "INVITE_INVALID", "That invite code is not valid. It may have expired or been used.");
  }
}
