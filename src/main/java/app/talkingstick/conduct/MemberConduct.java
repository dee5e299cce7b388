package app.talkingstick.conduct;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One member's conduct state for one session of one room or channel: immutable. The facilitator keeps one per
 * member, passes it to {@link ConductPolicy#evaluate} with each message and keeps the state it gets back.
 *
 * @param strikes    messages blocked for abuse this session
 * @param tokens     token bucket level (a message costs 1)
 * @param refilledAt when {@code tokens} was last brought up to date
 * @param recent     recently posted messages (normalised) with their times, for repeat detection
 * @param mutedUntil end of an automatic mute, if one is running or ran
 * @param holdAll    every message is held for staff review (the last ladder step)
 */
public record MemberConduct(int strikes, double tokens, Instant refilledAt, List<Recent> recent,
                            Optional<Instant> mutedUntil, boolean holdAll) {

    /** A posted message as compared for repeats: normalised key and time. */
    public record Recent(String key, Instant at) {
        public Recent {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(at, "at");
        }
    }

    static final int MAX_RECENT = 20;

    public MemberConduct {
        if (strikes < 0) {
            throw new IllegalArgumentException("strikes must not be negative");
        }
        Objects.requireNonNull(refilledAt, "refilledAt");
        recent = List.copyOf(recent);
        Objects.requireNonNull(mutedUntil, "mutedUntil");
    }

    /** A member at the start of a session: no strikes, a full bucket. */
    public static MemberConduct start(FloodSettings flood, Instant now) {
        return new MemberConduct(0, flood.capacity(), now, List.of(), Optional.empty(), false);
    }

    /** Whether an automatic mute is running at {@code now}. */
    public boolean mutedAt(Instant now) {
        return mutedUntil.isPresent() && now.isBefore(mutedUntil.get());
    }

    /** The same state with the automatic mute lifted (a therapist's {@code unmute}). */
    public MemberConduct liftMute() {
        return new MemberConduct(strikes, tokens, refilledAt, recent, Optional.empty(), holdAll);
    }

    /** The same state without the hold-everything step (a therapist decided to trust the member again). */
    public MemberConduct liftHoldAll() {
        return new MemberConduct(strikes, tokens, refilledAt, recent, mutedUntil, false);
    }

    /** The bucket brought up to {@code now}. */
    MemberConduct refill(FloodSettings flood, Instant now) {
        if (!now.isAfter(refilledAt)) {
            return this;
        }
        double gained = (double) Duration.between(refilledAt, now).toNanos() / flood.refillEvery().toNanos();
        double level = Math.min(flood.capacity(), tokens + gained);
        return new MemberConduct(strikes, level, now, recent, mutedUntil, holdAll);
    }

    /** When one whole token will be available again (for RATE_LIMITED). */
    Instant nextTokenAt(FloodSettings flood) {
        double missing = Math.max(0, 1 - tokens);
        long nanos = (long) Math.ceil(missing * flood.refillEvery().toNanos());
        return refilledAt.plusNanos(nanos);
    }

    /** A message was taken: one token spent (never below zero) and the message remembered. */
    MemberConduct took(String key, FloodSettings flood, Instant now) {
        List<Recent> kept = new ArrayList<>();
        for (Recent r : recent) {
            if (!r.at().isBefore(now.minus(flood.repeatWindow()))) {
                kept.add(r);
            }
        }
        kept.add(new Recent(key, now));
        while (kept.size() > MAX_RECENT) {
            kept.remove(0);
        }
        return new MemberConduct(strikes, Math.max(0, tokens - 1), refilledAt, kept, mutedUntil, holdAll);
    }

    MemberConduct withStrike() {
        return new MemberConduct(strikes + 1, tokens, refilledAt, recent, mutedUntil, holdAll);
    }

    MemberConduct mutedTill(Instant until) {
        return new MemberConduct(strikes, tokens, refilledAt, recent, Optional.of(until), holdAll);
    }

    MemberConduct holdingAll() {
        return new MemberConduct(strikes, tokens, refilledAt, recent, mutedUntil, true);
    }
}
