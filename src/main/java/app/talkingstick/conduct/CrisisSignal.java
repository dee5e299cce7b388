package app.talkingstick.conduct;

import java.util.Objects;

/**
 * Signs that the writer may be in crisis. Staff are alerted and the writer is sent crisis resources; the message is
 * never blocked because of it.
 *
 * @param category what kind of danger
 * @param severity how urgent
 * @param label    id of the strongest rule that matched (e.g. {@code suicide.method}), safe to log: never message text
 */
public record CrisisSignal(Category category, Severity severity, String label) {

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
    }
}
