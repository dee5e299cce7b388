package app.talkingstick.conduct;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The conduct decision for one message: pure, immutable, clock-free. The facilitator calls
 * {@link #evaluate} with the member's {@link MemberConduct} and keeps the state it gets back, publishes or refuses
 * according to the {@link Verdict}, carries out the {@link Escalation}s and, when the verdict has a crisis signal,
 * alerts staff and sends the member the {@link CrisisResources}.
 *
 * <p>Order of checks: crisis detection first (a message with crisis signs is never blocked, held, muted, rate limited or
 * struck: the room shares it, masked where needed, with the signal, or, where the room would refuse or hold it, it goes
 * privately to the therapists as {@link Verdict.Action#PRIVATE}); then the member's automatic mute; empty text;
 * maximum length; the token bucket; repeats; then, in groups only, abuse (block or hold, with a strike on block and
 * the ladder), the hold-everything step, and masking of personal details. Private channels get no masking, no abuse
 * checks and no ladder: the therapist decides.
 */
public final class ConductPolicy {

    private final WordLists lists;
    private final ConductSettings settings;
    private final CrisisDetector detector;

    public ConductPolicy(WordLists lists, ConductSettings settings, CrisisDetector detector) {
        this.lists = Objects.requireNonNull(lists, "lists");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /** Bundled word lists, default settings, the built-in crisis detector. */
    public static ConductPolicy defaults() {
        return new ConductPolicy(WordLists.bundled(), ConductSettings.defaults(), CrisisDetector.defaults());
    }

    public WordLists lists() {
        return lists;
    }

    public ConductSettings settings() {
        return settings;
    }

    /** The same policy with other word lists (e.g. the bundled lists plus a group's extra terms). */
    public ConductPolicy withLists(WordLists value) {
        return new ConductPolicy(value, settings, detector);
    }

    /** The same policy with other settings. */
    public ConductPolicy withSettings(ConductSettings value) {
        return new ConductPolicy(lists, value, detector);
    }

    /** A member's state at the start of a session. */
    public MemberConduct newMember(Instant now) {
        return MemberConduct.start(settings.flood(), now);
    }

    /** Decides on {@code text} sent by a member whose state is {@code member}. */
    public ConductDecision evaluate(ChannelKind channel, String text, MemberConduct member, Instant now) {
        return evaluate(channel, text, member, now, Set.of());
    }

    /**
     * Decides on {@code text} sent by a member whose state is {@code member}. {@code memberNames} are the pseudonyms
     * in the room, so "@Sam" for a member is kept as a mention rather than masked as a handle. Screens for crisis
     * itself; a conversation that screened already passes the signal to the overload below.
     */
    public ConductDecision evaluate(ChannelKind channel, String text, MemberConduct member, Instant now,
                                    Set<String> memberNames) {
        return evaluate(channel, text, member, now, memberNames, detector.detect(Objects.requireNonNull(text, "text")));
    }

    /**
     * Decides on {@code text} given the crisis signal the conversation's screening found in it. Without a signal,
     * the room's rules decide. With one, the text is never blocked, held or struck: if the room would have shared
     * it, it is shared (masked where needed) and carries the signal; if the room would have refused or held it
     * (mute, flood, repeat, length, abuse, hold-everything), it is {@link Verdict.Action#PRIVATE}: it goes, as
     * written, to the therapists only, and the member's state takes no strike.
     */
    public ConductDecision evaluate(ChannelKind channel, String text, MemberConduct member, Instant now,
                                    Set<String> memberNames, Optional<CrisisSignal> crisis) {
        return evaluate(channel, text, member, now, memberNames, Screened.byRules(crisis));
    }

    /**
     * Decides on {@code text} given what both screening layers found ({@link SemanticLayer}): an urgent crisis
     * signal as above; a check-in signal changes nothing here (the conversation flags it quietly); abuse that only
     * the learned layer saw holds the message for the therapist's review (never a block, never a strike: the
     * learned layer is less sure than the lists); a word-list match in a text the learned layer is sure is not
     * aimed at anyone (a quote, self-criticism, banter) lets it through, its flags still reported.
     */
    public ConductDecision evaluate(ChannelKind channel, String text, MemberConduct member, Instant now,
                                    Set<String> memberNames, Screened screened) {
        Optional<CrisisSignal> crisis = screened.urgent();
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(memberNames, "memberNames");
        Objects.requireNonNull(crisis, "crisis");
        ConductDecision judged = judge(channel, text, member, now, memberNames, screened);
        if (crisis.isEmpty()) {
            return judged;
        }
        Verdict v = judged.verdict();
        List<Flag> flags = new ArrayList<>();
        flags.add(new Flag(Flag.Kind.CRISIS, crisis.get().label()));
        flags.addAll(v.flags());
        String reason = "crisis:" + crisis.get().label();
        if (v.published()) {
            return new ConductDecision(verdict(v.action(), v.text(), Optional.empty(), reason, "", flags, crisis,
                    v.masked()), judged.state(), List.of());
        }
        return new ConductDecision(verdict(Verdict.Action.PRIVATE, text, Optional.empty(), reason, "", flags, crisis,
                List.of()), member.refill(settings.flood(), now), List.of());
    }

    /** What the room's rules decide for {@code text}, crisis aside. */
    private ConductDecision judge(ChannelKind channel, String text, MemberConduct member, Instant now,
                                  Set<String> memberNames, Screened screened) {
        Optional<String> learnedAbuse = screened.learnedAbuse();
        FloodSettings flood = settings.flood();
        MemberConduct state = member.refill(flood, now);
        Optional<CrisisSignal> none = Optional.empty();
        if (state.mutedAt(now)) {
            Instant until = state.mutedUntil().orElseThrow();
            return refuse(state, text, Verdict.MUTED, "ladder:muted", muteMessage(now, until),
                    Optional.of(until), List.of());
        }
        if (text.isBlank()) {
            return refuse(state, text, Verdict.INVALID, "invalid:empty", "Your message is empty.",
                    Optional.empty(), List.of());
        }
        if (text.length() > flood.maxLength()) {
            return refuse(state, text, Verdict.TOO_LONG, "flood:too-long", "Your message is longer than "
                    + flood.maxLength() + " characters. Please split it into shorter messages.",
                    Optional.empty(), List.of(new Flag(Flag.Kind.FLOOD, "flood:too-long")));
        }
        if (state.tokens() < 1) {
            Instant retry = state.nextTokenAt(flood);
            long seconds = Math.max(1, (Duration.between(now, retry).toMillis() + 999) / 1000);
            return refuse(state, text, Verdict.RATE_LIMITED, "flood:rate", "You're sending messages faster"
                    + " than the group can read them. Please wait " + seconds + " second"
                    + (seconds == 1 ? "" : "s") + " and try again.", Optional.of(retry),
                    List.of(new Flag(Flag.Kind.FLOOD, "flood:rate")));
        }
        String key = Repeats.key(text);
        if (Repeats.count(state, key, flood, now) >= flood.maxRepeats()) {
            return refuse(state, text, Verdict.RATE_LIMITED, "flood:repeat", "You've already sent this message."
                    + " Please give people a moment to respond.", Optional.empty(),
                    List.of(new Flag(Flag.Kind.FLOOD, "flood:repeat")));
        }
        if (channel != ChannelKind.GROUP) {
            return new ConductDecision(verdict(Verdict.Action.ALLOW, text, Optional.empty(), "", "", List.of(),
                    none, List.of()), state.took(key, flood, now), List.of());
        }

        List<Flag> flags = new ArrayList<>();
        AbuseCheck.Finding found = AbuseCheck.check(TextNormalizer.normalize(text, lists), lists);
        flags.addAll(found.flags());
        // a listed word in a quote, in self-criticism or in banter, as the learned layer reads it, is not abuse
        AbuseCheck.Finding abuse = screened.surelyNotAbuse() && found.outcome() != AbuseCheck.Outcome.NONE
                ? AbuseCheck.Finding.NONE : found;
        PersonalDetails.Result masked = PersonalDetails.mask(text, memberNames);
        if (masked.masked()) {
            flags.add(new Flag(Flag.Kind.PERSONAL_DETAILS, "mask:" + kinds(masked)));
        }

        if (abuse.outcome() == AbuseCheck.Outcome.BLOCK) {
            MemberConduct next = state.withStrike();
            List<Escalation> steps = new ArrayList<>();
            next = Ladder.climb(next, settings.ladder(), now, steps);
            Verdict verdict = verdict(Verdict.Action.BLOCK, text, Optional.of(Verdict.CONTENT_BLOCKED),
                    abuse.reason(), blockMessage(abuse.kind()), flags, none, List.of());
            return new ConductDecision(verdict, next, steps);
        }

        MemberConduct next = state.took(key, flood, now);
        if (abuse.outcome() == AbuseCheck.Outcome.NONE && learnedAbuse.isPresent()) {
            flags.add(new Flag(Flag.Kind.HOSTILE, "model.abuse:" + learnedAbuse.get()));
            return new ConductDecision(verdict(Verdict.Action.HOLD, masked.text(), Optional.of(Verdict.HELD_FOR_REVIEW),
                    "model.abuse:" + learnedAbuse.get(), holdMessage(Flag.Kind.HOSTILE), flags, none, masked.spans()), next,
                    List.of());
        }
        if (abuse.outcome() == AbuseCheck.Outcome.HOLD || state.holdAll()) {
            String reason = abuse.outcome() == AbuseCheck.Outcome.HOLD ? abuse.reason() : "ladder:hold-all";
            String message = abuse.outcome() == AbuseCheck.Outcome.HOLD ? holdMessage(abuse.kind())
                    : "Your messages are being read by the facilitator before they're shared with the group.";
            return new ConductDecision(verdict(Verdict.Action.HOLD, masked.text(),
                    Optional.of(Verdict.HELD_FOR_REVIEW), reason, message, flags, none, masked.spans()), next,
                    List.of());
        }
        if (masked.masked()) {
            return new ConductDecision(verdict(Verdict.Action.MASK, masked.text(), Optional.empty(),
                    "mask:" + kinds(masked), "", flags, none, masked.spans()), next, List.of());
        }
        return new ConductDecision(verdict(Verdict.Action.ALLOW, text, Optional.empty(), "", "", flags, none,
                List.of()), next, List.of());
    }

    private static ConductDecision refuse(MemberConduct state, String text, String code, String reasonId,
                                          String message, Optional<Instant> retryAt, List<Flag> flags) {
        Verdict verdict = new Verdict(Verdict.Action.BLOCK, text, Optional.of(code), reasonId, message, flags,
                Optional.empty(), List.of(), retryAt);
        return new ConductDecision(verdict, state, List.of());
    }

    private static Verdict verdict(Verdict.Action action, String text, Optional<String> code, String reasonId,
                                   String message, List<Flag> flags, Optional<CrisisSignal> crisis,
                                   List<PersonalDetails.Span> masked) {
        return new Verdict(action, text, code, reasonId, message, flags, crisis, masked, Optional.empty());
    }

    private static String kinds(PersonalDetails.Result masked) {
        return masked.spans().stream().map(s -> s.kind().name().toLowerCase()).distinct()
                .reduce((a, b) -> a + "," + b).orElse("");
    }

    static String muteMessage(Instant now, Instant until) {
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return "You're muted for " + minutes + " more minute" + (minutes == 1 ? "" : "s")
                + " after messages that broke the group agreement. You can still message your therapist privately.";
    }

    static String blockMessage(Flag.Kind kind) {
        return switch (kind) {
            case SLUR -> "Your message wasn't posted because it contains a slur. Please say it again without that"
                    + " word.";
            case THREAT -> "Your message wasn't posted because it reads as a threat. Everyone here needs to feel"
                    + " safe; if you're very angry, the facilitator can help you talk it through.";
            case HARASSMENT -> "Your message wasn't posted because it attacks another member. You could share how"
                    + " their words affected you instead.";
            default -> "Your message wasn't posted because it calls another member names. Please say what you"
                    + " disagree with rather than who they are.";
        };
    }

    static String holdMessage(Flag.Kind kind) {
        return switch (kind) {
            case OBFUSCATION -> "Your message will be shared once the facilitator has read it, because some words"
                    + " in it are disguised.";
            case HOSTILE -> "Your message will be shared once the facilitator has read it, because it may come"
                    + " across as harsh.";
            default -> "Your message will be shared once the facilitator has read it, because it contains a word"
                    + " that could hurt someone.";
        };
    }
}
