package app.talkingstick.turns;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What everyone in the room should see about the floor.
 *
 * @param mode       effective mode (PAUSED while no staff is present)
 * @param chosenMode the mode the therapist chose
 * @param speaker    floor holder, or null
 * @param queue      raised hands, in serving order
 * @param round      clients still to take the stick in the current round, in order (empty outside a round)
 * @param endsAt     end of the current turn, or null when there is no holder or no limit
 */
public record TurnSnapshot(Mode mode, Mode chosenMode, String speaker, List<String> queue,
                           List<String> round, Instant endsAt) {

    public TurnSnapshot {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(chosenMode, "chosenMode");
        queue = List.copyOf(queue);
        round = List.copyOf(round);
    }
}
