package app.talkingstick.turns;

/** A member's share of the conversation this session: time holding the floor and messages sent. */
public record SpeakingTime(long floorMillis, int messages) {

    public static final SpeakingTime NONE = new SpeakingTime(0, 0);

    SpeakingTime plusFloor(long millis) {
        return new SpeakingTime(floorMillis + millis, messages);
    }

    SpeakingTime plusMessage() {
        return new SpeakingTime(floorMillis, messages + 1);
    }
}
