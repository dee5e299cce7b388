package app.talkingstick.conduct;

import java.util.Objects;

/**
 * Something staff may want to know about a message, for the {@code flag} staff event and the audit log.
 *
 * @param kind   what was found
 * @param reason a stable id of the rule or list term that matched (e.g. {@code threats:watch your back},
 *               {@code mask:phone}); never the message text
 */
public record Flag(Kind kind, String reason) {

    public enum Kind {
        SLUR,
        THREAT,
        HARASSMENT,
        INSULT,
        HOSTILE,
        /** Letters disguised to get past the lists (look-alikes, leetspeak, spelled out). */
        OBFUSCATION,
        PROFANITY,
        PERSONAL_DETAILS,
        /** Too many messages too fast, the same message repeated, or too long. */
        FLOOD,
        /** The message shows crisis signs; see {@link Verdict#crisis()}. */
        CRISIS
    }

    public Flag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
