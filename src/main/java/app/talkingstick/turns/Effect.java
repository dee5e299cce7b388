package app.talkingstick.turns;

/** Something the facilitator must publish after applying a decision. */
public sealed interface Effect {

    /** The floor changed (speaker, queue, round, mode or end time); at most one per decision. */
    record TurnChanged(TurnSnapshot snapshot) implements Effect {
    }

    /** Facilitator prompt to the floor holder: about {@code secondsLeft} seconds left. Sent once per turn. */
    record Reminder(String memberId, long secondsLeft) implements Effect {
    }

    /** The holder's time ran out; the floor has moved on. */
    record TurnExpired(String memberId) implements Effect {
    }

    /** Every client in the round has had the stick (or was skipped); the round is over. */
    record RoundCompleted() implements Effect {
    }

    /** Slow mode was set, for the room ({@code memberId} null) or for one member. */
    record SlowModeChanged(String memberId, int seconds) implements Effect {
    }
}
