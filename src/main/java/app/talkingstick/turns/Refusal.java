package app.talkingstick.turns;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Why an action was refused.
 *
 * @param message           human-readable explanation for the actor
 * @param retryAt           when a RATE_LIMITED message may be retried, else null
 * @param retryAfterSeconds whole seconds until {@code retryAt} (rounded up), else 0
 */
public record Refusal(Reason reason, String message, Instant retryAt, long retryAfterSeconds) {

    public enum Reason {
        NOT_MEMBER,
        FORBIDDEN,
        NOT_YOUR_TURN,
        /** Only staff may speak; the server sends this as wire code NOT_YOUR_TURN with the message. */
        ROOM_PAUSED,
        RATE_LIMITED,
        INVALID
    }

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    static Refusal of(Reason reason, String message) {
        return new Refusal(reason, message, null, 0);
    }

    static Refusal invalid(String message) {
        return of(Reason.INVALID, message);
    }

    static Refusal rateLimited(Instant retryAt, Instant now) {
        long millis = Duration.between(now, retryAt).toMillis();
        long seconds = Math.max(1, (millis + 999) / 1000);
        return new Refusal(Reason.RATE_LIMITED, "slow mode: wait " + seconds + "s before your next message",
                retryAt, seconds);
    }
}
