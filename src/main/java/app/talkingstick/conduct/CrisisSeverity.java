package app.talkingstick.conduct;

import app.talkingstick.conduct.CrisisSignal.Severity;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How urgent a crisis signal is, once {@link CrisisDetector} has found one: the same ladder for every category and
 * every path (phrase rules, the recall layer, the learned layer).
 *
 * <ul>
 *   <li>IMMINENT: an act under way or just done ("I've just taken the whole packet", "standing on the bridge now",
 *       "the blade is out"), or explicit intent with a time ("I'm going to take them tonight").</li>
 *   <li>HIGH: explicit intent ("I want to kill myself"), or a plan, means at hand or a time ("I have pills saved
 *       up", "I've written the note", "this weekend"), or a rule whose wording is itself active (a method, an act
 *       done some time ago: "I cut last night").</li>
 *   <li>CONCERN: passive ideation, hopelessness or burdensomeness with none of the above ("everyone would be better
 *       off without me", "what's the point of waking up").</li>
 * </ul>
 *
 * <p>The cues are read on the prepared text ({@link CrisisText}: lower case, contractions written out). It is pure,
 * stateless and runs only on messages that already raised a signal.
 */
final class CrisisSeverity {

    /**
     * First person, with at most two words between that are not a negation ("i really want to", "i think i will"),
     * and not a fear ("I'm scared I'll hurt him" is no intent).
     */
    private static final String I = "\\bi(?<!(?:scared|afraid|worried|frightened|terrified) i) (?:(?!not\\b|never\\b)\\w+"
            + " ){0,2}?";
    private static final String ADVERB = "(?:just |really |finally |actually |definitely |seriously |honestly )?";
    /** What someone may want to do to themselves or another: "kill", "end", "die", "hurt", "take my ...". */
    private static final String HARM = "(?:kill|end|die|be dead|take my|hurt|harm|cut|overdose|overdo|od|stab|shoot"
            + "|jump|hang|strangle|burn|drown)";
    /** What someone may say they will do: a harm, or a step towards it ("take them", "go round", "score"). */
    private static final String DO = "(?:" + HARM + "|take|do it|do this|do something|go through with|swallow|walk"
            + "|drive|crash|put|hit|beat|batter|smash|punch|run \\w+ over|drink|use|score|relapse|buy|text|call"
            + "|go(?! (?:back )?(?:to )?(?:sleep|bed|home|work|school|group)\\b)|get(?! (?:some )?(?:sleep|rest|help|better|through|up|out of"
            + " bed|home|over)\\b))";
    /** Means: medicine, alcohol, drugs, a ligature, a blade or a weapon. */
    private static final String MEANS_NOUN = "(?:{MED}|{ALC}|rope|noose|belt|ligature|cord|blades?|razors?|razor"
            + " blades?|knife|knives|gun|hose ?pipe|lighter|scissors|needle|drugs|gear|heroin|coke|cocaine)";

    /**
     * Explicit present intent to act: "I want to kill myself", "I'm going to end it", "gonna od tonight", "I'm doing
     * it", "I'm on my way to score", "tonight is the night".
     */
    static final Pattern INTENT = Pattern.compile(
            I + "(?:want|need|have) to " + ADVERB + HARM + "\\b"
            + "|(?:" + I + "(?:(?:am )?going to|will|(?:am )?about to|(?:am )?ready to|(?:have )?decided to|plan to"
            + "|(?:am )?planning to|intend to|mean to)|(?:^|[.!?,;:-] *|\\b(?:and|so|then|but|just) )(?:going to"
            + "|about to|ready to|planning to)) " + ADVERB + DO + "\\b"
            + "|\\bi am " + ADVERB + "(?:doing it|killing myself|ending it|ending my life|going (?:in|round|over))\\b"
            + "|\\bi (?:finally |just )?do it\\b|\\bon my way (?:to|there|over)\\b"
            + "|\\b(?:tonight|today|tomorrow) is (?:the night|the day|it)\\b");

    /** A plan or preparations: a method worked out, a date picked, the note written, belongings given away. */
    static final Pattern PLAN = Pattern.compile(
            "\\b(?:i have|i have got|i have made|i made|i know) (?:a|the|my) plan\\b(?! (?:for|to see|to go|with|in"
            + " place)\\b)|\\b(?:made|making) a plan\\b|\\bplanned (?:it|how|when|where|everything)\\b|\\bworked out"
            + " (?:how|when|where)\\b|\\b(?:picked|chosen|chose|set|found|decided on) (?:a|the) (?:date|day|time"
            + "|spot|place)\\b|\\b(?:written|wrote|writing|left|finished) (?:the|a|my) (?:note|notes|letter|letters"
            + "|goodbye letters?)\\b|\\b(?:note|notes|letters?)\\b[^.!?]{0,25}\\b(?:is|are) (?:written|done|ready)\\b|\\b(?:giving"
            + "|gave|given|give) (?:away )?(?:all |most of )?my (?:\\w+ )?(?:things|stuff|belongings|possessions"
            + "|clothes|pets?)\\b|\\b(?:affairs|everything) in order\\b|\\bdecided (?:how|when|where)\\b");

    /** Means at hand: kept, saved up, bought, here, ready. */
    static final Pattern MEANS = Pattern.compile(CrisisRules.expand(
            "\\b(?:saved|saving|stockpil\\w*|hoard\\w*|stash\\w*|hidden|hiding) up\\b|\\b(?:saved|saving|stockpil\\w*"
            + "|hoard\\w*|stash\\w*|hidden|hiding|kept|keeping|bought|buying|ordered|got|have|have got) {DET}(?:\\w+ )?"
            + MEANS_NOUN + "\\b(?! (?:prescribed|from the gp|for (?:my|the) (?:week|headache|pain|migraine))\\b)"
            + "|\\b(?:bought|got) (?:more|another|some more)\\b|\\b(?:right here|next to me|within reach|in my (?:bag"
            + "|pocket|drawer|room)|everything ready|(?:is|are|it is|they are) ready)\\b"));

    /** A time for it: {@link CrisisDetector#IMMEDIATE} ("tonight", "right now"), "tomorrow", "on Friday", "a date". */
    static final Pattern TIME = Pattern.compile(CrisisDetector.IMMEDIATE.pattern()
            + "|\\b(?:(?<!wake up )(?<!waking up )tomorrow|this (?:weekend|evening|afternoon)|later (?:today|on)"
            + "|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on the \\d+(?:st|nd|rd|th)?"
            + "|next (?:week|month)|soon|(?:a|the) date)\\b");

    /** Times that count only with intent ("I want to die today"): otherwise they mostly tell a story. */
    static final Pattern NOW = Pattern.compile(
            "\\b(?:now|today|this (?:morning|week)|already|at the moment|currently)\\b");

    /**
     * An act under way or just done, the means in hand included: "I've just taken", "took 40 of", "cut myself an
     * hour ago", "standing on the bridge", "I'm drunk right now", "the blade is out", "pills in my hand".
     */
    static final Pattern ACT = Pattern.compile(CrisisRules.expand(
            "\\b(?:took|taken|swallowed|downed|necked|popped) (?:about |around |like |over |almost |nearly |maybe"
            + " |probably )?(?:[1-9]\\d|\\d{3}|all|them all|the whole|a whole|everything|too many|too much|a handful"
            + "|handfuls|loads|lots|a lot|a bunch|a load|the lot|the rest|half|double|triple|way more|what was left"
            + "|what is left)\\b|\\bmixed (?:my |the |some )?\\w+ (?:with|and)\\b"
            + "|\\b(?:just|already) (?:taken|took|swallowed|downed|cut|slit|burned|overdosed|drank|used|injected"
            + "|shot up|relapsed|scored|picked up|done it|did it)\\b"
            + "|(?:\\bi (?:have )?(?:been )?|\\bbeen |^|[.!?,;] *)(?:took|swallowed|cut|burned|scratch\\w*|picked up|scored|used|drank|relapsed|overdosed|injected"
            + "|shot up|did it|done it)\\b[^.!?]{0,30}\\b(?:tonight|an hour ago|hours ago|minutes ago|just now|this"
            + " evening)\\b"
            + "|\\b(?:i am|standing|sitting) (?:on|at) (?:the |a )?(?:edge of (?:the |a )?)?(?:bridge|ledge|roof"
            + "|rooftop|cliff|cliff edge|platform edge|tracks|railway|train line)\\b"
            + "|\\bi am (?:cutting|burning|scratching|hitting|hurting|bleeding|swallowing|taking|drinking|using)\\b"
            + "[^.!?]{0,40}\\b(?:now|as we speak)\\b|\\b(?:taking|swallowing|drinking|using) (?:it|them)(?: right)?"
            + " now\\b|\\bi am (?:drinking|using|taking|swallowing) (?:it|them)\\b"
            + "|\\bi am (?:so |really |completely |absolutely )?(?:high|drunk|wasted|off my face|smashed|hammered"
            + "|stoned|out of it)\\b[^.!?]{0,15}\\bnow\\b"
            + "|\\b(?:in(?:to)? my hand|holding (?:it|them|the \\w+)|(?:got|have|had|took|taken) (?:the|a|my) (?:\\w+ )?"
            + MEANS_NOUN + " out|(?:the|a|my) " + MEANS_NOUN + " (?:is|are) out|(?:lined|laid|counted|spread) out"
            + "|lined up|in front of me|loaded|gun (?:to|in) my (?:head|mouth)|(?:round|around) my neck"
            + "|engine running)\\b|\\b(?:brought|bringing|carrying|have) (?:a|the|my|dad's) (?:knife|blade|gun|weapon"
            + "|machete) (?:to|into|in|at) (?:school|work|college|class|the office)\\b"));

    /**
     * Rules whose wording is passive ideation, hopelessness or burdensomeness: alone, they are a CONCERN whatever
     * severity the rule carries for detection ("I wish I was dead", "everyone would be better off without me").
     * "I want to die" also matches {@code suicide.want-to-die} but is explicit intent ({@link #INTENT}).
     */
    static final Set<String> PASSIVE = Set.of("suicide.better-off", "suicide.not-here", "suicide.not-wake",
            "suicide.want-to-die", "suicide.nothing-to-live-for", "suicide.point-in", "suicide.death-wish",
            "suicide.disappear", "suicide.forever-quiet", "suicide.stop-permanently", "suicide.wont-make-it",
            "suicide.done");

    private CrisisSeverity() {
    }

    /**
     * The rung of the ladder for {@code text}.
     *
     * @param said   what the deciding wording alone supports: the rule's severity for a strong phrase rule, CONCERN
     *               for a concept, a weak rule without support, or the learned layer
     * @param ruleId the deciding rule ({@code model.*} for the learned layer)
     */
    static Severity of(CrisisText text, Severity said, String ruleId) {
        String t = text.text;
        boolean intent = INTENT.matcher(t).find();
        boolean time = TIME.matcher(t).find();
        if (ACT.matcher(t).find() || intent && (time || NOW.matcher(t).find())) {
            return Severity.IMMINENT;
        }
        if (intent || time || PLAN.matcher(t).find() || MEANS.matcher(t).find()) {
            return Severity.HIGH;
        }
        return PASSIVE.contains(ruleId) || said == Severity.CONCERN ? Severity.CONCERN : Severity.HIGH;
    }
}
