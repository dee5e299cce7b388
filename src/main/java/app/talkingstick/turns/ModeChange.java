package app.talkingstick.turns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A therapist's set-mode request. Empty options leave the room setting as it is.
 *
 * @param roundOrder explicit round order for ROUND_ROBIN (client ids); empty = order of joining
 */
public record ModeChange(Mode mode, OptionalInt turnSeconds, Optional<QueueOrder> queueOrder,
                         Optional<Boolean> autoAdvance, List<String> roundOrder) {

    public ModeChange {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(turnSeconds, "turnSeconds");
        Objects.requireNonNull(queueOrder, "queueOrder");
        Objects.requireNonNull(autoAdvance, "autoAdvance");
        roundOrder = List.copyOf(roundOrder);
    }

    public static ModeChange to(Mode mode) {
        return new ModeChange(mode, OptionalInt.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public ModeChange withTurnSeconds(int seconds) {
        return new ModeChange(mode, OptionalInt.of(seconds), queueOrder, autoAdvance, roundOrder);
    }

    public ModeChange withQueueOrder(QueueOrder order) {
        return new ModeChange(mode, turnSeconds, Optional.of(order), autoAdvance, roundOrder);
    }

    public ModeChange withAutoAdvance(boolean on) {
        return new ModeChange(mode, turnSeconds, queueOrder, Optional.of(on), roundOrder);
    }

    public ModeChange withRoundOrder(List<String> order) {
        return new ModeChange(mode, turnSeconds, queueOrder, autoAdvance, order);
    }

    RoomSettings applyTo(RoomSettings settings) {
        RoomSettings result = settings;
        if (turnSeconds.isPresent()) {
            result = result.withTurnSeconds(turnSeconds.getAsInt());
        }
        if (queueOrder.isPresent()) {
            result = result.withQueueOrder(queueOrder.get());
        }
        if (autoAdvance.isPresent()) {
            result = result.withAutoAdvance(autoAdvance.get());
        }
        return result;
    }
}
