package app.talkingstick.conduct;

import java.util.List;
import java.util.Objects;

/**
 * Result of {@link ConductPolicy#evaluate}: the verdict on the message, the member's next state (keep it) and the
 * ladder steps to carry out and audit, in order.
 */
public record ConductDecision(Verdict verdict, MemberConduct state, List<Escalation> escalations) {

    public ConductDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(state, "state");
        escalations = List.copyOf(escalations);
    }
}
