package app.talkingstick.conduct;

import java.time.Instant;
import java.util.List;

/** Applies the {@link LadderSettings} after a strike: each step fires once, when the strikes reach its number. */
final class Ladder {

    private Ladder() {
    }

    /** The state after the steps due at {@code state.strikes()}; the steps are appended to {@code steps}. */
    static MemberConduct climb(MemberConduct state, LadderSettings ladder, Instant now, List<Escalation> steps) {
        int strikes = state.strikes();
        MemberConduct next = state;
        if (ladder.warnAt() > 0 && strikes == ladder.warnAt()) {
            steps.add(new Escalation.Warn(strikes, warnMessage(ladder, strikes)));
        }
        if (ladder.muteAt() > 0 && strikes == ladder.muteAt()) {
            Instant until = now.plus(ladder.muteFor());
            long minutes = Math.max(1, ladder.muteFor().toMinutes());
            steps.add(new Escalation.Mute(strikes, until, "You've been muted for " + minutes + " minute"
                    + (minutes == 1 ? "" : "s") + " after repeated messages that broke the group agreement."));
            next = next.mutedTill(until);
        }
        if (ladder.holdAllAt() > 0 && strikes == ladder.holdAllAt()) {
            steps.add(new Escalation.HoldAll(strikes, "From now on the facilitator will read your messages before"
                    + " they're shared with the group."));
            next = next.holdingAll();
        }
        return next;
    }

    private static String warnMessage(LadderSettings ladder, int strikes) {
        String base = "Please keep to the group agreement: talk about your own experience and treat other members"
                + " with respect.";
        if (ladder.muteAt() > strikes) {
            long minutes = Math.max(1, ladder.muteFor().toMinutes());
            int left = ladder.muteAt() - strikes;
            return base + " " + (left == 1 ? "Another message like this" : left + " more messages like this")
                    + " will mute you for " + minutes + " minute" + (minutes == 1 ? "" : "s") + ".";
        }
        return base;
    }
}
