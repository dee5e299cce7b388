package app.talkingstick.conduct;

import java.time.Instant;
import java.util.Objects;

/** A ladder step the facilitator must carry out and audit. Each fires once per member per session. */
public sealed interface Escalation {

    /** The strike count that triggered this step. */
    int strike();

    /** A message for the member's inbox ({@code warning {groupId, reason}}). */
    String reason();

    /** Send the member a private {@code warning}. */
    record Warn(int strike, String reason) implements Escalation {
        public Warn {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Mute the member until {@code until} ({@code muted {groupId, until}}); the policy also refuses them till then. */
    record Mute(int strike, Instant until, String reason) implements Escalation {
        public Mute {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** From now on every message of the member is held for staff review (crisis messages excepted). */
    record HoldAll(int strike, String reason) implements Escalation {
        public HoldAll {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
