package app.talkingstick.auth;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * Self-registrations per remote address and hour ({@code REGISTRATIONS_PER_ADDRESS_PER_HOUR}). A
 * registration whose details pass the account rules takes a slot before its password is hashed,
 * whether or not the username then turns out to be free: hashing is what costs the server.
 */
public final class RegistrationLimit {

  public static final Duration WINDOW = Duration.ofHours(1);

  private final RateCounters counters;
  private final int perAddressPerHour;

  public RegistrationLimit(RateCounters counters, int perAddressPerHour) {
    this.counters = counters;
    this.perAddressPerHour = perAddressPerHour;
  }

  /** Empty when this address may register now, else the seconds until it may again. */
  public Future<Optional<Integer>> reserve(String address) {
    return counters.reserve("register:" + address, perAddressPerHour, WINDOW);
  }
}
