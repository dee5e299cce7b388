package app.talkingstick.conduct;

import java.util.Objects;

/**
 * Signs that the writer may be in crisis. Staff are alerted and the writer is sent crisis resources; the message is
 * never blocked because of it.
 *
 * @param category what kind of danger
 * @param severity how urgent
 * @param label    id of the strongest rule that matched (e.g. {@code suicide.method}), safe to log: never message text
 * @param tier     {@link Tier#URGENT}: resources to the writer, an alert and an escalation; {@link Tier#CHECK_IN}: a
 *                 quiet flag for the therapist, nothing shown to the writer
 */
public record CrisisSignal(Category category, Severity severity, String label, Tier tier) {

    /** How the conversation acts on a signal. */
    public enum Tier {
        /** Resources to the writer, an alert to every therapist, an escalation: the rules, or the learned layer when sure. */
        URGENT,
        /** A quiet flag on the therapist's console; the writer sees nothing. The learned layer, less sure. */
        CHECK_IN
    }

    /** An urgent signal (the rules' kind). */
    public CrisisSignal(Category category, Severity severity, String label) {
        this(category, severity, label, Tier.URGENT);
    }

    public boolean urgent() {
        return tier == Tier.URGENT;
    }

    public enum Category {
        SUICIDE,
        SELF_HARM,
        HARM_TO_OTHERS,
        OVERDOSE,
        RELAPSE
    }

    /** Ordered from least to most urgent; see {@link CrisisSeverity} for the cues. */
    public enum Severity {
        /** Passive ideation, hopelessness, burdensomeness ("everyone would be better off without me"): check in soon. */
        CONCERN,
        /** Explicit intent, or a plan, means at hand or a time ("I have pills saved up"): respond now. */
        HIGH,
        /** Intent with a time ("tonight"), or an act under way or just done: respond immediately. */
        IMMINENT
    }

    public CrisisSignal {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(tier, "tier");
    }
}
