package app.talkingstick.turns;

import java.util.Objects;

/**
 * Per-room turn settings.
 *
 * @param slowModeSeconds minimum seconds between a client's messages in OPEN mode; 0 = off
 * @param turnSeconds     length of a granted turn (raise-hand and round-robin); 0 = no limit
 * @param queueOrder      order of the raise-hand queue
 * @param autoAdvance     grant the floor to the head of the queue whenever it is free
 */
public record RoomSettings(int slowModeSeconds, int turnSeconds, QueueOrder queueOrder, boolean autoAdvance) {

    public static final int MAX_SECONDS = 3600;
    private static final int MAX_REMINDER_SECONDS = 30;

    public RoomSettings {
        requireSeconds(slowModeSeconds, "slowModeSeconds");
        requireSeconds(turnSeconds, "turnSeconds");
        Objects.requireNonNull(queueOrder, "queueOrder");
    }

    /** Slow mode off, no turn limit, FIFO queue, auto-advance on. */
    public static RoomSettings defaults() {
        return new RoomSettings(0, 0, QueueOrder.FIFO, true);
    }

    static boolean validSeconds(int seconds) {
        return seconds >= 0 && seconds <= MAX_SECONDS;
    }

    /** Seconds before the end of a turn at which the holder is reminded; 0 = no reminder. */
    public int reminderSecondsBefore() {
        return Math.min(MAX_REMINDER_SECONDS, turnSeconds / 4);
    }

    public RoomSettings withSlowModeSeconds(int seconds) {
        return new RoomSettings(seconds, turnSeconds, queueOrder, autoAdvance);
    }

    public RoomSettings withTurnSeconds(int seconds) {
        return new RoomSettings(slowModeSeconds, seconds, queueOrder, autoAdvance);
    }

    public RoomSettings withQueueOrder(QueueOrder order) {
        return new RoomSettings(slowModeSeconds, turnSeconds, order, autoAdvance);
    }

    public RoomSettings withAutoAdvance(boolean on) {
        return new RoomSettings(slowModeSeconds, turnSeconds, queueOrder, on);
    }

    private static void requireSeconds(int seconds, String name) {
        if (!validSeconds(seconds)) {
            throw new IllegalArgumentException(name + " must be between 0 and " + MAX_SECONDS + ": " + seconds);
        }
    }
}
