package app.talkingstick.auth;

import app.talkingstick.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accounts and credentials: sign-up, sign-in, token rotation, sign-out, tickets. */
public final class AuthService {

  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

  /** Published with an account id when that account signs out: every socket of it closes. */
  public static final String SIGNED_OUT_ADDRESS = "internal.auth.signed-out";

  private final Vertx vertx;
  private final Pool pool;
  private final AccountStore accounts;
  private final RefreshTokenStore refreshTokens;
  private final TicketStore tickets;
  private final RateCounters counters;
  private final LoginThrottle throttle;
  private final RegistrationLimit registrations;
  private final AccessTokens accessTokens;
  private final PasswordHasher hasher;
  private final String decoyHash;

  public AuthService(Vertx vertx, Pool pool, AccessTokens accessTokens, RefreshTokenStore refreshTokens,
                     TicketStore tickets, PasswordHasher hasher, int registrationsPerAddressPerHour) {
    this.vertx = vertx;
    this.pool = pool;
    this.accounts = new AccountStore(pool);
    this.refreshTokens = refreshTokens;
    this.tickets = tickets;
    this.counters = new RateCounters(pool);
    this.throttle = new LoginThrottle(counters);
    this.registrations = new RegistrationLimit(counters, registrationsPerAddressPerHour);
    this.accessTokens = accessTokens;
    this.hasher = hasher;
    this.decoyHash = hasher.hash("decoy password that matches nothing");
  }

  public AccountStore accounts() {
    return accounts;
  }

  /** An account's details once they passed the rules; the password is not yet hashed. */
  private record NewAccount(String username, String password, String displayName, String email) {}

  /** Creates an account (an admin creating a therapist, the configured admin, the demo): no rate limit. */
  public Future<Account> createAccount(JsonObject body, Role role) {
    return checked(body, role).compose(details -> create(details, role));
  }

  /**
   * Self-registration of a client from {@code remoteAddress}: details that break a rule are refused
   * and count for nothing; the others take one of the address's registrations for the hour before
   * the password is hashed, and the one after the last answers 429.
   */
  public Future<Account> register(JsonObject body, String remoteAddress) {
    return checked(body, Role.CLIENT).compose(details -> registrations.reserve(remoteAddress).compose(blocked -> blocked.isPresent()
        ? Future.failedFuture(ApiError.rateLimited(
            "Too many new accounts were created from this address. Please try again later.", blocked.get()))
        : create(details, Role.CLIENT)));
  }

  private Future<NewAccount> checked(JsonObject body, Role role) {
    String username = AccountRules.normaliseUsername(body.getString("username"));
    String password = body.getString("password");
    String displayName = body.getString("displayName");
    // clients are known by name only; therapists and admins may give an address for escalation reminders
    String email = role == Role.CLIENT || !(body.getValue("email") instanceof String e) || e.isBlank() ? null : e.strip();
    Optional<String> problem = AccountRules.usernameProblem(username)
        .or(() -> AccountRules.passwordProblem(password, username))
        .or(() -> AccountRules.displayNameProblem(displayName, role))
        .or(() -> email == null ? Optional.empty() : AccountRules.emailProblem(email));
    if (problem.isPresent()) return Future.failedFuture(ApiError.invalid(problem.get()));
    return Future.succeededFuture(new NewAccount(username, password, AccountRules.normaliseDisplayName(displayName), email));
  }

  private Future<Account> create(NewAccount details, Role role) {
    return hashOffLoop(details.password())
        .compose(hash -> accounts.insert(details.username(), details.displayName(), hash, role, details.email()))
        .onSuccess(a -> LOG.info("Created {} account {}", role.wire(), a.id()));
  }

  /** Creates the configured admin once; an existing account of that name is left as it is. */
  public Future<Void> ensureAdmin(String username, String password, Optional<String> email) {
    Optional<String> problem = email.flatMap(AccountRules::emailProblem);
    if (problem.isPresent()) return Future.failedFuture(ApiError.invalid("ADMIN_EMAIL: " + problem.get()));
    JsonObject body = new JsonObject().put("username", username).put("password", password).put("displayName", "Administrator");
    String name = AccountRules.normaliseUsername(username);
    Future<Void> created = accounts.byUsername(name).compose(existing -> existing.isPresent()
        ? Future.succeededFuture()
        : createAccount(body, Role.ADMIN).recover(err -> err instanceof ApiError api && api.status() == 409
            ? Future.succeededFuture()
            : Future.failedFuture(err)).mapEmpty());
    return email.isEmpty() ? created : created.compose(v -> accounts.setEmail(name, email.get()));
  }

  /**
   * Signs in. The attempt takes its place in the throttle before the password is hashed, so
   * parallel attempts cannot all slip past a check made before any of them was recorded.
   */
  public Future<JsonObject> login(String rawUsername, String password, String remoteAddress) {
    Optional<String> problem = AccountRules.loginProblem(rawUsername, password);
    if (problem.isPresent()) return Future.failedFuture(ApiError.invalid(problem.get()));
    String username = AccountRules.normaliseUsername(rawUsername);
    return throttle.reserve(username, remoteAddress).compose(blocked -> {
      if (blocked.isPresent()) {
        return Future.failedFuture(ApiError.rateLimited(
            "Too many failed sign-ins. Please wait before trying again.", blocked.get()));
      }
      Future<Optional<Account>> matched = accounts.byUsername(username)
          .compose(account -> checkPassword(account, password).map(ok -> ok ? account : Optional.<Account>empty()))
          .recover(err -> throttle.undecided(username, remoteAddress).transform(v -> Future.failedFuture(err)));
      return matched.compose(account -> account.isPresent()
          ? throttle.succeeded(username, remoteAddress).compose(v -> startSession(account.get()))
          : Future.failedFuture(new ApiError(401, "INVALID_CREDENTIALS", "That username and password do not match.")));
    });
  }

  private Future<Boolean> checkPassword(Optional<Account> account, String password) {
    String hash = account.map(Account::passwordHash).orElse(decoyHash);
    return vertx.executeBlocking(() -> hasher.verify(password, hash) && account.isPresent(), false);
  }

  private Future<JsonObject> startSession(Account account) {
    return pool.withTransaction(tx -> refreshTokens.issue(tx, account.id(), UUID.randomUUID()))
        .map(refresh -> tokenPair(account, refresh));
  }

  public Future<JsonObject> refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.length() > 200) {
      return Future.failedFuture(ApiError.invalid("refreshToken is required"));
    }
    return pool.withTransaction(tx -> refreshTokens.rotate(tx, refreshToken).compose(rotated -> {
      if (rotated.isEmpty()) return Future.succeededFuture(Optional.<JsonObject>empty());
      return accounts.byId(tx, rotated.get().accountId()).compose(account -> refreshTokens
          .issue(tx, account.get().id(), rotated.get().familyId())
          .map(fresh -> Optional.of(tokenPair(account.get(), fresh))));
    })).compose(pair -> pair.isPresent()
        ? Future.succeededFuture(pair.get())
        : pool.withTransaction(tx -> refreshTokens.revokeFamilyOf(tx, refreshToken))
            .compose(v -> Future.failedFuture(ApiError.unauthorized("That refresh token is no longer valid. Please sign in again."))));
  }

  private JsonObject tokenPair(Account account, String refreshToken) {
    return new JsonObject()
        .put("accessToken", accessTokens.issue(account.id(), account.role(), account.tokenGeneration()))
        .put("refreshToken", refreshToken)
        .put("expiresIn", accessTokens.ttl().toSeconds())
        .put("tokenType", "Bearer");
  }

  /** Signs the account out everywhere: refresh tokens, access tokens, tickets and open sockets. */
  public Future<Void> logout(Principal principal) {
    UUID id = principal.accountId();
    return pool.withTransaction(tx -> accounts.bumpTokenGeneration(tx, id)
            .compose(v -> refreshTokens.revokeAccount(tx, id))
            .compose(v -> tickets.revokeAccount(tx, id)))
        .onSuccess(v -> vertx.eventBus().publish(SIGNED_OUT_ADDRESS, id.toString()));
  }

  public Future<JsonObject> issueTicket(Principal principal) {
    return tickets.issue(principal).map(ticket -> new JsonObject()
        .put("ticket", ticket)
        .put("expiresIn", tickets.ttl().toSeconds()));
  }

  /** Verifies a bearer token and that its account still exists and has not signed out since. */
  public Future<Principal> authenticate(String bearerToken) {
    return accessTokens.verify(bearerToken).compose(verified -> accounts.byId(verified.accountId()).compose(account -> {
      if (account.isEmpty() || account.get().tokenGeneration() != verified.generation()) {
        return Future.failedFuture(new AccessTokens.InvalidToken());
      }
      Account a = account.get();
      return Future.succeededFuture(new Principal(a.id(), a.username(), a.role(), a.tokenGeneration(), verified.expiresAt()));
    }));
  }

  public Future<Void> purgeExpired() {
    return tickets.purgeExpired().compose(v -> counters.purgeExpired());
  }

  private Future<String> hashOffLoop(String password) {
    return vertx.executeBlocking(() -> hasher.hash(password), false);
  }
}
