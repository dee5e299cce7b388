package app.talkingstick.conduct;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do with one message.
 *
 * @param action  allow, mask, hold or block
 * @param text    for ALLOW the message as written; for MASK and HOLD the text to publish (details masked in groups);
 *                for BLOCK the message as written, not to be published
 * @param code    the wire failure code for HOLD ({@code HELD_FOR_REVIEW}) and BLOCK ({@code CONTENT_BLOCKED},
 *                {@code RATE_LIMITED}, {@code TOO_LONG}, {@code MUTED}, {@code INVALID}); empty otherwise
 * @param reasonId stable id of why (e.g. {@code insults:loser}, {@code flood:rate}); empty string for a plain allow
 * @param message kind, specific sentence for the sender on HOLD and BLOCK; empty otherwise
 * @param flags   everything staff may want to know (for {@code flag} events and the audit)
 * @param crisis  crisis signs: the facilitator alerts staff ({@code crisis}) and sends the writer crisis resources
 * @param masked  the spans of the original text that were masked
 * @param retryAt for RATE_LIMITED and MUTED, when the sender may try again
 */
public record Verdict(Action action, String text, Optional<String> code, String reasonId, String message,
                      List<Flag> flags, Optional<CrisisSignal> crisis, List<PersonalDetails.Span> masked,
                      Optional<Instant> retryAt) {

    public enum Action {
        /** Publish {@link #text()} as it is. */
        ALLOW,
        /** Publish {@link #text()}: personal details were replaced. */
        MASK,
        /** Show only to staff (a {@code held} event) until a therapist approves or rejects it. */
        HOLD,
        /** Do not publish; answer the sender with {@link #code()} and {@link #message()}. */
        BLOCK,
        /**
         * A crisis text the room would have refused or held: not shared with the group, sent to the therapists only
         * as {@link #text()} (as written), the author told kindly that it reached them. Never a strike.
         */
        PRIVATE
    }

    public static final String CONTENT_BLOCKED = "CONTENT_BLOCKED";
    public static final String HELD_FOR_REVIEW = "HELD_FOR_REVIEW";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String TOO_LONG = "TOO_LONG";
    public static final String MUTED = "MUTED";
    public static final String INVALID = "INVALID";

    public Verdict {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reasonId, "reasonId");
        Objects.requireNonNull(message, "message");
        flags = List.copyOf(flags);
        Objects.requireNonNull(crisis, "crisis");
        masked = List.copyOf(masked);
        Objects.requireNonNull(retryAt, "retryAt");
    }

    /** Whether the message reaches the room now (ALLOW or MASK). */
    public boolean published() {
        return action == Action.ALLOW || action == Action.MASK;
    }

    /** A plain allow: published as written, nothing flagged, no crisis. */
    public boolean clean() {
        return action == Action.ALLOW && flags.isEmpty() && crisis.isEmpty();
    }
}
