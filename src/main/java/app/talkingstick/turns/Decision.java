package app.talkingstick.turns;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of one event: the state to keep, the effects to publish, and the refusal if the action was refused
 * (then the state is the unchanged input and there are no effects).
 */
public record Decision(TurnState state, List<Effect> effects, Optional<Refusal> refusal) {

    public Decision {
        Objects.requireNonNull(state, "state");
        effects = List.copyOf(effects);
        Objects.requireNonNull(refusal, "refusal");
    }

    static Decision refused(TurnState state, Refusal refusal) {
        return new Decision(state, List.of(), Optional.of(refusal));
    }

    static Decision unchanged(TurnState state) {
        return new Decision(state, List.of(), Optional.empty());
    }

    public boolean allowed() {
        return refusal.isEmpty();
    }

    /** Earliest time the facilitator must call {@link TurnState#tick}: the pending reminder or the turn end. */
    public Optional<Instant> nextDeadline() {
        return state.nextDeadline();
    }
}
