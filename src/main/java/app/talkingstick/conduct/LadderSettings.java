package app.talkingstick.conduct;

import java.time.Duration;
import java.util.Objects;

/**
 * The escalation ladder: a strike is counted each time a member's group message is blocked for abuse, and each
 * step fires once, when the member's strikes this session reach its number. A step set to 0 is switched off.
 *
 * @param warnAt    strikes at which the member gets a private warning
 * @param muteAt    strikes at which the member is muted for {@code muteFor}
 * @param muteFor   length of the automatic mute
 * @param holdAllAt strikes from which all the member's messages are held for staff review
 */
public record LadderSettings(int warnAt, int muteAt, Duration muteFor, int holdAllAt) {

    public LadderSettings {
        requireStep(warnAt, "warnAt");
        requireStep(muteAt, "muteAt");
        requireStep(holdAllAt, "holdAllAt");
        Objects.requireNonNull(muteFor, "muteFor");
        if (muteAt > 0 && (muteFor.isNegative() || muteFor.isZero())) {
            throw new IllegalArgumentException("muteFor must be positive: " + muteFor);
        }
    }

    /** Warn at the first strike, mute for 10 minutes at the second, hold everything from the third. */
    public static LadderSettings defaults() {
        return new LadderSettings(1, 2, Duration.ofMinutes(10), 3);
    }

    public LadderSettings withWarnAt(int strikes) {
        return new LadderSettings(strikes, muteAt, muteFor, holdAllAt);
    }

    public LadderSettings withMuteAt(int strikes) {
        return new LadderSettings(warnAt, strikes, muteFor, holdAllAt);
    }

    public LadderSettings withMuteFor(Duration duration) {
        return new LadderSettings(warnAt, muteAt, duration, holdAllAt);
    }

    public LadderSettings withHoldAllAt(int strikes) {
        return new LadderSettings(warnAt, muteAt, muteFor, strikes);
    }

    private static void requireStep(int strikes, String name) {
        if (strikes < 0) {
            throw new IllegalArgumentException(name + " must be 0 (off) or a number of strikes: " + strikes);
        }
    }
}
