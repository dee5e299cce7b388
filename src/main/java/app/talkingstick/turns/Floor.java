package app.talkingstick.turns;

import java.time.Instant;

/** A granted turn. {@code endsAt} is null without a limit; {@code remindAt} is null once reminded or if none. */
record Floor(String holder, Instant grantedAt, Instant endsAt, Instant remindAt) {

    static Floor grant(String holder, Instant now, RoomSettings settings) {
        if (settings.turnSeconds() == 0) {
            return new Floor(holder, now, null, null);
        }
        Instant endsAt = now.plusSeconds(settings.turnSeconds());
        int before = settings.reminderSecondsBefore();
        return new Floor(holder, now, endsAt, before > 0 ? endsAt.minusSeconds(before) : null);
    }

    /** Same turn, but floor time is counted from {@code now} (a new session started mid-turn). */
    Floor restartedAt(Instant now) {
        return new Floor(holder, now, endsAt, remindAt);
    }

    Floor reminded() {
        return new Floor(holder, grantedAt, endsAt, null);
    }

    Instant deadline() {
        return remindAt != null ? remindAt : endsAt;
    }
}
