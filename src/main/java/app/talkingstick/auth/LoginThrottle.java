package app.talkingstick.auth;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in attempts, limited per username and per remote address in a window, in the database so
 * that every server instance and a restart see the same counts.
 *
 * <p>An attempt is reserved before its password is hashed ({@link #reserve}): the reservation
 * counts as a failure until the outcome is known. A failed attempt keeps it; a successful one
 * clears the username's count and gives the address's slot back ({@link #succeeded}); an attempt
 * that ended before its password could be judged (the database failed) gives both back
 * ({@link #undecided}). So however many attempts arrive at once, at most the limit are ever checked.
 */
public final class LoginThrottle {

  public static final int MAX_FAILURES_PER_USERNAME = 5;
  public static final int MAX_FAILURES_PER_ADDRESS = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private final RateCounters counters;

  public LoginThrottle(RateCounters counters) {
    this.counters = counters;
  }

  /**
   * Takes a slot for this username and one for this address: empty when both were free, else the
   * seconds to wait (and nothing stays taken). The username goes first, so that the many attempts
   * at one account the username refuses never hold the address's slots, not even for a moment. An
   * address this server already knows to be full is refused before either is asked (it takes
   * nothing), so many usernames tried from one address do not each take and give back a username slot.
   */
  public Future<Optional<Integer>> reserve(String username, String address) {
    Optional<Integer> addressFull = counters.knownFull(addressSubject(address));
    if (addressFull.isPresent()) return Future.succeededFuture(addressFull);
    return counters.reserve(userSubject(username), MAX_FAILURES_PER_USERNAME, WINDOW).compose(user -> {
      if (user.isPresent()) return Future.succeededFuture(user);
      return counters.reserve(addressSubject(address), MAX_FAILURES_PER_ADDRESS, WINDOW).compose(addr -> addr.isEmpty()
          ? Future.succeededFuture(addr)
          : counters.release(userSubject(username)).map(addr));
    });
  }

  /** The password was right: the username's count starts again and the address's slot is given back. */
  public Future<Void> succeeded(String username, String address) {
    return counters.clear(userSubject(username)).compose(v -> counters.release(addressSubject(address)));
  }

  /** Neither right nor wrong (the attempt failed for another reason): both slots are given back. */
  public Future<Void> undecided(String username, String address) {
    return counters.release(userSubject(username)).compose(v -> counters.release(addressSubject(address)));
  }

  private static String userSubject(String username) {
    return "user:" + username;
  }

  private static String addressSubject(String address) {
    return "addr:" + address;
  }
}
