package app.talkingstick.conduct;

import java.time.Duration;
import java.util.Objects;

/**
 * Flood limits, per member.
 *
 * @param capacity     token bucket size: how many messages may be sent in a burst
 * @param refillEvery  one token comes back every this long (the sustained rate)
 * @param maxLength    longest message, in characters
 * @param repeatWindow how far back the same (or nearly the same) message counts as a repeat
 * @param maxRepeats   how many copies of one message may be posted within {@code repeatWindow}; the next is refused
 */
public record FloodSettings(int capacity, Duration refillEvery, int maxLength, Duration repeatWindow, int maxRepeats) {

    public FloodSettings {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        Objects.requireNonNull(refillEvery, "refillEvery");
        if (refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("refillEvery must be positive: " + refillEvery);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1: " + maxLength);
        }
        Objects.requireNonNull(repeatWindow, "repeatWindow");
        if (repeatWindow.isNegative()) {
            throw new IllegalArgumentException("repeatWindow must not be negative: " + repeatWindow);
        }
        if (maxRepeats < 1) {
            throw new IllegalArgumentException("maxRepeats must be at least 1: " + maxRepeats);
        }
    }

    /** Bursts of 5, then one message every 4 seconds; 2000 characters; the same message at most twice in 2 minutes. */
    public static FloodSettings defaults() {
        return new FloodSettings(5, Duration.ofSeconds(4), 2000, Duration.ofMinutes(2), 2);
    }

    public FloodSettings withCapacity(int value) {
        return new FloodSettings(value, refillEvery, maxLength, repeatWindow, maxRepeats);
    }

    public FloodSettings withRefillEvery(Duration value) {
        return new FloodSettings(capacity, value, maxLength, repeatWindow, maxRepeats);
    }

    public FloodSettings withMaxLength(int value) {
        return new FloodSettings(capacity, refillEvery, value, repeatWindow, maxRepeats);
    }

    public FloodSettings withRepeatWindow(Duration value) {
        return new FloodSettings(capacity, refillEvery, maxLength, value, maxRepeats);
    }

    public FloodSettings withMaxRepeats(int value) {
        return new FloodSettings(capacity, refillEvery, maxLength, repeatWindow, value);
    }
}
