package app.talkingstick.conduct;

import app.talkingstick.conduct.CrisisRules.Check;
import app.talkingstick.conduct.CrisisRules.Rule;
import app.talkingstick.conduct.CrisisSignal.Category;
import app.talkingstick.conduct.CrisisSignal.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for signs of suicidal ideation, self-harm, intent to harm others, overdose and relapse danger, in direct and
 * indirect wording, and discounts negation ("I'm not suicidal"), past and recovery narrative ("two years ago I tried
 * to ..., today I'm grateful"), reported or hypothetical speech ("my therapist asked if ..."), media ("the book talks
 * about ..."), someone else's story, coping ("the urge hit, I kept walking") and idioms ("killing time", "I could
 * murder a pizza", "dying to see").
 *
 * <p>It is a safety net for a present human therapist, not an assessment: it favours recall, and the therapist
 * dismisses false alarms. It is thread-safe and keeps no state.
 */
public final class CrisisDetector {

    /** A rule that matched, and the check that discounted it (null when it counts). */
    record Hit(Rule rule, int start, int end, Check discountedBy) {
        boolean counts() {
            return discountedBy == null;
        }
    }

    static final Pattern IDIOMS = Pattern.compile(String.join("|",
            "\\bkill(?:ing|ed|s)? (?:some |the |a bit of |an hour of )?time\\b",
            "\\bso (?:tired|hungry|bored|embarrassed|happy|hot|cold|full|thirsty) (?:that )?i could (?:die|cry|sleep)\\b",
            "\\b(?:is|are|was|were|it is|its|it was|be|is just|are just|it is just|is really|are really|is literally)"
                    + " (?:absolutely |literally |really |just |slowly )?killing me\\b",
            "\\b(?:killing|killed|kill|slayed|slaying|slay|smashed|smashing|nailed|nailing|crushed|crushing) it\\b",
            "\\b(?:could|would|i would|i could) (?:kill|murder|die) for (?:a|an|some|the)\\b",
            "\\b(?:could|would|i would|i could) (?:murder|kill|demolish|destroy) (?:a|an|some|the) (?:\\w+ )?(?:pizza"
                    + "|burger|coffee|tea|cuppa|brew|cup|drink|pint|curry|kebab|chips|sandwich|nap|sleep|holiday"
                    + "|biscuit|chocolate|cake|takeaway|roast|fry up|steak|bath)\\b",
            "\\b(?:(?:is|are|was|were|looks?|looked|tastes?|tasted|smells?|absolutely|literally) to die for|to die for"
                    + "(?= *(?:[.!?,]|$))|dying (?:to|for) \\w+|dying of (?:laughter|embarrassment|boredom|curiosity|thirst|heat"
                    + "|hunger|cringe)|(?:died|dying|die|dead) (?:laughing|of laughter|of embarrassment|of shame"
                    + "|inside))\\b",
            "\\bi (?:am|was) (?:literally |actually )?(?:dead|dying|deceased)\\b(?= *(?:lol|lmao|haha|rofl|😂|🤣"
                    + "|💀))",
            "\\bdead (?:on my feet|tired|beat|serious|jealous|easy|end|line|lines|weight|battery|phone|heat"
                    + "|centre|center|set on|against|quiet|boring|good|funny|proud)\\b",
            "\\b(?:legs|feet|arms|phone|battery|plant|plants|laptop|car|brain cells?|brain) (?:are|is|was|were)"
                    + " (?:completely |absolutely |totally )?dead\\b",
            "\\bdrop dead gorgeous\\b|\\bthe death of me\\b|\\b(?:bored|scared|sick|worried|tickled|loved?) to"
                    + " death\\b|\\bsick to death of\\b",
            "\\b(?:boss|mum|mom|dad|wife|husband|partner|teacher|coach|sister|brother|she|he|they|manager|gran"
                    + "|nan|mother|father|landlord|therapist|sponsor|kids|daughter|son) (?:is|are|will|would) (?:going"
                    + " to |gonna |literally |actually )?(?:kill|murder) me\\b",
            "\\bshoot(?:ing)? (?:some )?(?:hoops|pool|baskets|the breeze|photos|a video|a film)\\b|\\bshoot me (?:a|an) (?:message|text|email|dm|line|note|pm)\\b|^shoot\\b|\\bbite the bullet\\b",
            "\\b(?:cut|cutting) (?:my hair|corners|back|down|out|ties|costs|the cake|it out|loose|class|carbs"
                    + "|sugar|my losses|my fringe|my nails|the grass|the hedge|the lawn|caffeine|my hours|short)\\b",
            "\\boverdos(?:e|ed|ing) on (?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend"
                    + "|christmas (?:day|eve|night)|new year's|my birthday|purpose|my |his |her |the |some |pills|tablets|meds|heroin|fentanyl|paracetamol"
                    + "|sleeping|painkillers|insulin|drugs|opioids|\\w+pam\\b|\\w+done\\b|\\w+ine\\b))\\w+",
            "\\b(?:murder|killing|killer) on (?:my|the) (?:feet|back|knees|joints)\\b|\\b(?:is|are|was) murder\\b",
            "\\b(?:killed|kill|killing) off\\b|\\bbreak a leg\\b|\\bhit the (?:gym|road|hay|sack|shops|books|town"
                    + "|ground running|spot|nail)\\b",
            "\\b(?:could|want to|wanted to|going to|just) scream\\b|\\bkill two birds\\b",
            "\\bkiller (?:workout|headache|heels|app|song|tune|line|view|deal|smile|combo|playlist)\\b",
            "\\b(?:my|this|the) (?:hay ?fever|back|migraine|headache|knee|tooth|period|cold|flu|cough|neck|hip"
                    + "|shoulder|sinuses|allergies|commute|heat|humidity|suspense|waiting|wait) (?:is|are) (?:really"
                    + " |absolutely |literally )?killing me\\b",
            "\\bkill(?:ing)? (?:the )?(?:lights|engine|music|mood|vibe|buzz)\\b",
            "\\b(?:overkill|skilled|killjoy|painkiller)\\b"));

    private static final Pattern NEGATOR = Pattern.compile("not|never|no|nobody|without|nor|hardly|neither");
    private static final Pattern TRANSPARENT = Pattern.compile(
            "i|am|is|are|was|were|be|been|being|do|does|did|have|has|had|would|will|could|should|might|may|going|to"
            + "|want|wanting|wanted|plan|planning|planned|intend|intending|intention|intentions|of|about|thinking"
            + "|think|thought|thoughts|feel|feeling|felt|like|any|at|all|really|actually|ever|currently|right|now"
            + "|the|a|an|that|urge|urges|desire|wish|plans|myself|me|my|so|just|even|seriously|honestly|ready"
            + "|anymore|longer|in|danger|risk|having|get|getting|tempted|gonna|can|active|definitely|absolutely"
            + "|certainly|way|would|ill|safe|and|or|ideation");
    private static final Pattern DISAVOWED = Pattern.compile(
            "\\b(?:will not|would not|would never|will never|never going to|not going to|do not want to|never) act on"
            + " (?:them|it|those|these|the thoughts|the urges?|my thoughts)\\b|\\bintrusive thoughts?\\b(?![^.!?]*"
            + "\\b(?:scared|afraid|terrified|frightened|worried)\\b)");
    private static final Pattern PAST = Pattern.compile(
            "\\b(?:\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifteen|few"
            + "|couple of|several|many|some) (?:years?|months?|decades?) ago\\b|\\b(?:years|months|decades|a long"
            + " time|ages) (?:ago|back)\\b|\\bused to\\b|\\bback (?:when|then|in)\\b|\\bwhen i was (?:younger"
            + "|little|small|a (?:kid|child|teen|teenager|student|girl|boy)|in (?:school|high school|college|uni"
            + "|my (?:teens|twenties|20s|30s))|\\d+)\\b|\\bas a (?:kid|child|teen|teenager)\\b|\\bin my (?:teens"
            + "|twenties|20s|thirties|30s|past|old life|addiction|drinking days|using days)\\b|\\bthere was a time"
            + "\\b|\\bat one point\\b|\\bat my (?:lowest|worst)\\b|\\bmy lowest point\\b|\\bremember when\\b"
            + "|\\bthe old me\\b|\\bin (?:19|20)\\d\\d\\b|\\bsince (?:19|20)\\d\\d\\b|\\blast year\\b|\\bfor years"
            + " i\\b|\\bbefore (?:recovery|treatment|rehab|therapy|i got (?:sober|clean|help))\\b"
            + "|\\bi was (?:\\d+|a teenager|in my)\\b|\\bthat was then\\b|\\bbut i was wrong\\b|\\b(?:was|is) the depression"
            + " talking\\b");
    /** Past narrative that opens the clause of a match: "I used to want to ...", "back when I ...". */
    private static final Pattern PAST_LEAD = Pattern.compile(
            "\\b(?:i used to|used to be|back when|years ago|when i was|i was once|in my (?:drinking|using) days)\\b");
    private static final Pattern RECENT = Pattern.compile(
            "\\b(?:again|tonight|right now|lately|recently|this (?:week|morning|evening|afternoon|month|weekend)"
            + "|last night|yesterday|today|still|these days|at the moment|currently|coming back|are back|is back"
            + "|started again)\\b");
    private static final Pattern PRESENT = Pattern.compile(
            "\\b(?:now|am|will|going to|want to|wanna|have decided|keep|can not|do not|does not|soon|tomorrow"
            + "|planning|plan to)\\b");
    private static final Pattern PAST_TENSE = Pattern.compile(
            "\\b(?:was|were|had|tried|took|wanted|used to|overdosed|relapsed|cut|attempted|did|felt|thought|spent"
            + "|fantasi[sz]ed|swallowed|drank|used|went|would)\\b");
    private static final Pattern REPORT_BEFORE = Pattern.compile(
            "\\b(?:asked (?:me )?(?:if|whether|about)|asks (?:me )?(?:if|whether|about)|asking (?:me )?(?:if"
            + "|whether|about)|questionnaire|(?:the|a|that) question (?:about|on|asking|if)|survey|screening|the form"
            + "|risk assessment|if i ever|in case i ever|what to do if|(?:if|when) (?:someone|somebody|a person)\\b"
            + "|safety plan\\w*|crisis plan|warning signs|how to (?:help|support|spot))\\b");
    private static final Pattern MEDIA = Pattern.compile(
            "\\b(?:(?:the|a|this|that|my|her|his|their|our|an) (?:\\w+ )?(?:book|novel|film|movie|tv show|series"
            + "|episode|character|article|podcast|documentary|dissertation|thesis|essay|lecture|course|workshop"
            + "|module|poem|song|play|soap|chapter|storyline|plot|training|campaign|charity)|prevention|awareness"
            + "|intervention|statistics|detective|volunteer(?:ing)? (?:on|at|with|for)"
            + "|talks? about|talked about|read(?:ing)? about|wrote about|writing about|learn(?:ed|ing|t)? about)\\b");
    private static final Pattern REPORT_YES = Pattern.compile(
            "\\b(?:said|answered|told (?:her|him|them)|ticked|admitted|had to say|circled) (?:yes|that i (?:do|am"
            + "|have|was|had)|most days|every day|nearly every day)\\b");
    private static final Pattern QUOTE_CONTEXT = Pattern.compile(
            "\\b(?:say|said|says|saying|question|asked|asks|called|calls|word|words|phrase|title|reading|read"
            + "|yell|yelled|scream|screamed|shout|shouted|joke|joked|ticked)\\b");
    private static final Pattern THIRD = Pattern.compile(
            "\\b(?:he|she|they|his|her|their|my (?:\\w+ ){0,2}(?:daughter|son|friend|brother|sister|mum|mom|mother"
            + "|dad|father|partner|wife|husband|kid|kids|child|cousin|niece|nephew|client|patient|student|teen"
            + "|teenager|uncle|aunt|grandad|grandma|nan|flatmate|neighbou?r|colleague|boyfriend|girlfriend|ex)(?:'s)?"
            + "|someone|somebody|people|teenagers|a friend|friend's|the (?:character|man|woman|girl|boy|guy"
            + "|patient|person|nurse|doctor))\\b");
    private static final Pattern FIRST_PERSON = Pattern.compile("\\b(?:i|me|myself)\\b");
    private static final Pattern COPING = Pattern.compile(
            "\\b(?:kept walking|walked (?:past|away|on|by)|drove (?:past|by|on)|did not (?:even )?(?:slow down|stop"
            + "|go in|buy|pick up|use|drink|act|do it|relapse|give in)|felt nothing|left early|so i left"
            + "|called (?:my )?(?:sponsor|friend|mum|mom|therapist|dad|sister|brother|partner|the helpline"
            + "|samaritans|a friend)|rang (?:my|a)|texted my sponsor|used my (?:coping|skills|safety plan|tools"
            + "|plan)|rode it out|sat with it|it passed|went to a meeting|home and safe|i am safe|stayed (?:safe"
            + "|sober|clean)|got through (?:it|the night|the day)|resisted|instead|surf(?:ed)? the urge|urge"
            + " surfing|lemonade|soft drinks?|mocktails?|alcohol[- ]free|non[- ]alcoholic|did not act on|extra meetings?|more meetings|my sponsor|sponsor (?:knows|is coming|is with me)"
            + "|planning (?:extra|more)|my (?:safety|relapse|recovery) plan|(?:but|and) i have (?:my|a) (?:plan|sponsor))\\b");
    /** Right after an absence phrase: "... - at this job, I mean". */
    private static final Pattern PLACE_AFTER = Pattern.compile(
            "^[\\s,.:;!-]*(?:i mean,? )?(?:at|in|with|from|on|of) (?:this|my|the|that) (?:job|work|company|office|house"
            + "|flat|town|city|school|uni|college|relationship|marriage|party|country|place|meeting|group chat|team"
            + "|course|class|shift|project)\\b");
    private static final Pattern EXPLAINED = Pattern.compile(
            "\\bi mean(?:t)?\\b[^.!?]{0,25}\\b(?:job|work|office|house|town|place|party|meeting)\\b|\\b(?:holiday"
            + "|vacation|trip|travel\\w*|abroad|visiting|wedding|surgery|operation|appointment|hospital stay"
            + "|moving house|move house|camping|festival|conference|no signal|no wifi|offline|exams?|night shift"
            + "|new job|notice in|handing (?:my|in) (?:my )?notice|quit(?:ting)? my job|resign\\w*|on leave"
            + "|maternity|paternity)\\b");
    private static final Pattern ACCIDENT = Pattern.compile(
            "\\b(?:by accident|accidentally|accident|chopping|cooking|baking|oven|shaving|slipped|tripped|fell"
            + "|my own fault|gym|football|rugby|training|workout|running|lifting|paper cut|onions?|vegetables"
            + "|gardening|diy|ironing|hot pan|kettle|curling iron|straighteners|sport|match|playing|(?:my|the|our) (?:cat|cats"
            + "|kitten|dog|puppy|rabbit|hamster)|brambles?|thorns?|rose bush)\\b");
    private static final Pattern ON_PURPOSE = Pattern.compile(
            "\\b(?:on purpose|deliberately|intentionally|to feel|wanted to|want to|again|urge)\\b");
    /** A time that makes a weak rule count ("tonight", "right now"); also a time on the severity ladder. */
    static final Pattern IMMEDIATE = Pattern.compile(
            "\\b(?:tonight|right now|an hour ago|hours? ago|minutes ago|just now|about to|on my way|is the night"
            + "|as we speak|in (?:a|an|the next) (?:few )?(?:minutes?|hours?)|go and do it now|do it now)\\b");
    private static final List<Category> PRIORITY = List.of(Category.SUICIDE, Category.OVERDOSE,
            Category.SELF_HARM, Category.HARM_TO_OTHERS, Category.RELAPSE);

    /** Skips the rules (and idioms) that cannot match a message: most messages contain none of their words. */
    static final LiteralIndex RULE_LITERALS = LiteralIndex.of(
            CrisisRules.RULES.stream().map(Rule::pattern).toList());
    static final LiteralIndex IDIOM_LITERALS = LiteralIndex.of(List.of(IDIOMS));
    static final RuleBranches RULE_BRANCHES = RuleBranches.of(CrisisRules.RULES.stream().map(Rule::pattern).toList());
    /**
     * The checks that discount a match and the rules' own exceptions and required contexts, all run on the prepared
     * text or a part of it. A check none of whose literals occurs in the whole text cannot find anything in a part of
     * it either, so one scan per text that has a match spares most of them.
     */
    static final List<Pattern> CHECK_PATTERNS = checkPatterns();
    static final LiteralIndex CHECK_LITERALS = LiteralIndex.of(CHECK_PATTERNS);

    private static List<Pattern> checkPatterns() {
        List<Pattern> checks = new ArrayList<>(List.of(DISAVOWED, PAST, PAST_LEAD, RECENT, PRESENT, PAST_TENSE,
                REPORT_BEFORE, MEDIA, REPORT_YES, QUOTE_CONTEXT, THIRD, FIRST_PERSON, COPING, PLACE_AFTER, EXPLAINED,
                ACCIDENT, ON_PURPOSE));
        for (Rule rule : CrisisRules.RULES) {
            if (rule.unless() != null) {
                checks.add(rule.unless());
            }
            if (rule.with() != null) {
                checks.add(rule.with());
            }
        }
        return List.copyOf(checks);
    }

    private static final CrisisDetector DEFAULT = new CrisisDetector();

    private CrisisDetector() {
    }

    /** The detector with the built-in rules. */
    public static CrisisDetector defaults() {
        return DEFAULT;
    }

    /** Crisis signs in {@code message}, if any. */
    public Optional<CrisisSignal> detect(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        CrisisText text = CrisisText.of(message);
        List<Hit> hits = hits(text);
        Optional<CrisisSignal> decided = decide(text, hits);
        return decided.isPresent() ? decided : learned(text, hits);
    }

    /** P(crisis) from {@link CrisisClassifier} at or above which the learned layer raises a signal. */
    static final double MODEL_THRESHOLD = 0.99;

    /**
     * The learned layer, consulted only when no rule decided: the classifier's crisis probability at or above
     * {@link #MODEL_THRESHOLD} raises a signal of the classifier's category ({@code model.suicide}, ...; a CONCERN
     * unless {@link CrisisSeverity} finds more), but only where the message is about that kind of crisis (a rule or concept of the same category matched, or the
     * category's topic words in {@link CrisisRules#TOPICS} appear) and no rule match at all was discounted
     * (negation, past, reported or media, someone else, coping, explained, accident): the rules' checks keep
     * priority.
     */
    private static Optional<CrisisSignal> learned(CrisisText text, List<Hit> hits) {
        for (Hit hit : hits) {
            if (!hit.counts()) {
                return Optional.empty();
            }
        }
        CrisisClassifier.Prediction p = CrisisClassifier.bundled().predict(text);
        if (p.crisisProbability() < MODEL_THRESHOLD) {
            return Optional.empty();
        }
        boolean onTopic = hits.stream().anyMatch(h -> h.rule().category() == p.category())
                || CrisisRules.TOPICS.get(p.category()).matcher(text.text).find();
        if (!onTopic) {
            return Optional.empty();
        }
        String id = switch (p.category()) {
            case SUICIDE -> "model.suicide";
            case SELF_HARM -> "model.selfharm";
            case HARM_TO_OTHERS -> "model.others";
            case OVERDOSE -> "model.overdose";
            case RELAPSE -> "model.relapse";
        };
        return Optional.of(new CrisisSignal(p.category(), CrisisSeverity.of(text, Severity.CONCERN, id), id));
    }

    /** What the rules alone decide for {@code message}, without the learned layer, for tests and tuning. */
    Optional<CrisisSignal> detectByRules(String message) {
        CrisisText text = CrisisText.of(message);
        return decide(text, hits(text));
    }

    /** Every rule match in {@code message} with the check that discounted it, for tests and tuning. */
    List<Hit> explain(String message) {
        return hits(CrisisText.of(message));
    }

    private List<Hit> hits(CrisisText text) {
        String scan = blankIdioms(text.text);
        LiteralIndex.Candidates candidates = RULE_LITERALS.scan(scan);
        List<Hit> hits = new ArrayList<>();
        LiteralIndex.Candidates checks = null;
        RuleBranches.Text branches = RULE_BRANCHES.on(scan);
        for (int i = 0; i < CrisisRules.RULES.size(); i++) {
            if (!candidates.mayMatch(i) || !branches.mayMatch(i)) {
                continue;
            }
            Rule rule = CrisisRules.RULES.get(i);
            if (rule.with() != null) {
                checks = checks == null ? CHECK_LITERALS.scan(scan) : checks;
                if (!found(checks, rule.with(), scan)) {
                    continue; // the context the rule needs is absent: no match, and nothing discounted either
                }
            }
            Matcher m = rule.pattern().matcher(scan);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                checks = checks == null ? CHECK_LITERALS.scan(scan) : checks;
                hits.add(new Hit(rule, m.start(), m.end(), discount(rule, text, scan, checks, m.start(), m.end())));
            }
        }
        return hits;
    }

    static String blankIdioms(String text) {
        if (!IDIOM_LITERALS.scan(text).mayMatch(0)) {
            return text;
        }
        Matcher m = IDIOMS.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    private static Check discount(Rule rule, CrisisText text, String scan, LiteralIndex.Candidates checks, int start,
                                  int end) {
        CrisisText.Sentence s = text.sentenceAt(start);
        String sentence = scan.substring(s.start(), Math.min(s.end(), scan.length()));
        int clauseStart = s.clauseStart(start);
        int clauseEnd = Math.min(s.clauseEnd(start), scan.length());
        if (rule.unless() != null && found(checks, rule.unless(), sentence)) {
            return Check.EXPLAINED;
        }
        for (Check check : rule.checks()) {
            boolean discounted = switch (check) {
                case NEGATION -> negated(scan, clauseStart, start) || (!rule.severity().equals(Severity.IMMINENT)
                        && found(checks, DISAVOWED, scan));
                case PAST -> found(checks, PAST_LEAD, scan.substring(clauseStart, start))
                        && !found(checks, RECENT, scan.substring(clauseStart, clauseEnd))
                        || found(checks, PAST, sentence)
                        && !found(checks, RECENT, scan.substring(clauseStart, clauseEnd))
                        && (found(checks, PAST_TENSE, scan.substring(Math.max(clauseStart, start - 12), end))
                        || !found(checks, PRESENT, scan.substring(clauseStart, clauseEnd)));
                case REPORT -> reported(scan, s, checks, start);
                case THIRD_PARTY -> thirdParty(scan.substring(clauseStart, start), checks);
                case COPING -> found(checks, COPING, scan);
                case EXPLAINED -> found(checks, EXPLAINED, sentence)
                        || found(checks, PLACE_AFTER, scan.substring(end, Math.min(scan.length(), end + 60)));
                case ACCIDENT -> found(checks, ACCIDENT, sentence) && !found(checks, ON_PURPOSE, sentence);
            };
            if (discounted) {
                return check;
            }
        }
        return null;
    }

    /** A negator shortly before the match with only "transparent" words in between: "I'm not (really) X". */
    private static boolean negated(String scan, int clauseStart, int start) {
        String[] before = scan.substring(clauseStart, start).trim().split("[^a-z']+");
        int looked = 0;
        for (int i = before.length - 1; i >= 0 && looked < 7; i--) {
            String w = before[i];
            if (w.isEmpty()) {
                continue;
            }
            looked++;
            if (NEGATOR.matcher(w).matches()) {
                return true;
            }
            if (!TRANSPARENT.matcher(w).matches()) {
                return false;
            }
        }
        return false;
    }

    private static boolean reported(String scan, CrisisText.Sentence s, LiteralIndex.Candidates checks, int start) {
        String sentence = scan.substring(s.start(), Math.min(s.end(), scan.length()));
        if (found(checks, REPORT_YES, sentence)) {
            return false;
        }
        String before = scan.substring(s.start(), start);
        if (found(checks, REPORT_BEFORE, before) || found(checks, MEDIA, sentence)) {
            return true;
        }
        return insideQuotes(scan, s.start(), start) && found(checks, QUOTE_CONTEXT, sentence);
    }

    /** Whether an opening quote mark precedes {@code index} in its sentence without a closing one in between. */
    private static boolean insideQuotes(String scan, int sentenceStart, int index) {
        boolean open = false;
        for (int i = sentenceStart; i < index; i++) {
            char c = scan.charAt(i);
            if (c == '"') {
                open = !open;
            } else if (c == '\'') {
                boolean before = i == 0 || !Character.isLetterOrDigit(scan.charAt(i - 1));
                boolean after = i + 1 < scan.length() && Character.isLetterOrDigit(scan.charAt(i + 1));
                if (before && after) {
                    open = true;
                } else if (!before && !after) {
                    open = false;
                }
            }
        }
        return open;
    }

    private static boolean thirdParty(String clausePrefix, LiteralIndex.Candidates checks) {
        if (!checks.mayMatch(THIRD)) {
            return false;
        }
        Matcher m = THIRD.matcher(clausePrefix);
        int last = -1;
        while (m.find()) {
            last = m.end();
        }
        return last >= 0 && !found(checks, FIRST_PERSON, clausePrefix.substring(last));
    }

    /** {@code pattern.matcher(part).find()}, skipped when the pattern's literals are absent from the whole text. */
    private static boolean found(LiteralIndex.Candidates checks, Pattern pattern, String part) {
        return checks.mayMatch(pattern) && pattern.matcher(part).find();
    }

    private Optional<CrisisSignal> decide(CrisisText text, List<Hit> hits) {
        Map<Category, Double> score = new EnumMap<>(Category.class);
        Map<Category, Hit> best = new EnumMap<>(Category.class);
        Map<Category, Boolean> strong = new EnumMap<>(Category.class);
        Map<Category, Integer> first = new EnumMap<>(Category.class);
        Map<Category, Boolean> urgent = new EnumMap<>(Category.class);
        Map<Category, Boolean> specific = new EnumMap<>(Category.class);
        List<String> seen = new ArrayList<>();
        boolean generic = false;
        for (Hit hit : hits) {
            // A concept does not count where a phrase rule of the same kind already matched.
            if (hit.rule().once() && overlapsCounted(hit, hits)) {
                continue;
            }
            // A rule counts once; a weak rule may count twice when two different passages match it.
            long already = seen.stream().filter(id -> id.equals(hit.rule().id())).count();
            if (!hit.counts() || already >= hit.rule().maxCount()) {
                continue;
            }
            seen.add(hit.rule().id());
            Rule rule = hit.rule();
            if (rule.category() == null) {
                generic = true;
                continue;
            }
            double weight = rule.strong() ? 2 : rule.id().equals("relapse.sober-count") ? 0.5 : 1;
            if (!rule.once()) {
                specific.merge(rule.category(), true, Boolean::logicalOr);
            }
            score.merge(rule.category(), weight, Double::sum);
            strong.merge(rule.category(), rule.strong(), Boolean::logicalOr);
            first.merge(rule.category(), hit.start(), Math::min);
            urgent.merge(rule.category(), rule.severity() != Severity.CONCERN && !rule.once(), Boolean::logicalOr);
            Hit current = best.get(rule.category());
            if (current == null || rank(hit) > rank(current)) {
                best.put(rule.category(), hit);
            }
        }
        boolean immediate = IMMEDIATE.matcher(text.text).find();
        Category chosen = null;
        double chosenScore = 0;
        for (Category category : PRIORITY) {
            double s = score.getOrDefault(category, 0.0);
            // Generic cues and immediacy support a phrase rule, never a lone concept.
            boolean supported = specific.getOrDefault(category, false)
                    && (generic || (immediate && urgent.getOrDefault(category, false)));
            double total = s + (supported && s >= 1 ? 1 : 0);
            if (total < 2) {
                continue;
            }
            boolean isStrong = strong.getOrDefault(category, false);
            boolean chosenStrong = chosen != null && strong.getOrDefault(chosen, false);
            boolean better = chosen == null || (isStrong && !chosenStrong)
                    || (isStrong == chosenStrong && (total > chosenScore
                    || (total == chosenScore && first.get(category) < first.get(chosen))));
            if (better) {
                chosen = category;
                chosenScore = total;
            }
        }
        if (chosen == null) {
            return broad(text, hits);
        }
        Hit top = best.get(chosen);
        // What the deciding wording alone supports; CrisisSeverity reads intent, plan, means and time from the text.
        Severity said = strong.getOrDefault(chosen, false) ? top.rule().severity() : Severity.CONCERN;
        if (!strong.getOrDefault(chosen, false) && top.rule().severity().compareTo(Severity.HIGH) >= 0
                && chosenScore >= 3) {
            said = Severity.HIGH;
        }
        String id = top.rule().id();
        return Optional.of(new CrisisSignal(chosen, CrisisSeverity.of(text, said, id), id));
    }

    /** Concept families that, joined to first-person present or future framing in their sentence, raise CONCERN. */
    private static final java.util.Set<String> CORE_CONCEPTS = java.util.Set.of("suicide.c.death", "suicide.c.absence",
            "suicide.c.hopeless", "selfharm.c.act");
    private static final Pattern FIRST_PERSON_NOW = Pattern.compile(
            "\\bi (?:am|will|want|just want|keep|can not|have been|am going to|feel|need|wish|do not want|hate)\\b");
    /** Sentences the recall layer leaves alone: "..., but I don't", "I feel less like ...", "my inner critic told me". */
    private static final Pattern BROAD_GUARD = Pattern.compile(
            "\\bbut i (?:do not|will not|would not|never|did not|am not going to)\\b|\\b(?:feel|felt) less\\b|\\bless"
            + " like\\b|\\bused to\\b|\\binner critic\\b|\\b(?:told|tells|telling) me\\b|\\btold it\\b");
    private static final Pattern NEGATED_INSIDE = Pattern.compile("\\b(?:not|never|no|nobody)\\b");

    /**
     * The recall layer: when no rule decided, a single core concept (death, absence, finality, method, hopelessness;
     * a self-harm act or sign; violence or a weapon; an amount of medication; a substance) that survived every check
     * (negation, past narrative, reported speech, someone else, coping, explained, accident), in a sentence framed in
     * the first person, raises a signal for a therapist to look at (a CONCERN unless {@link CrisisSeverity} finds
     * more).
     */
    private static Optional<CrisisSignal> broad(CrisisText text, List<Hit> hits) {
        for (Category category : PRIORITY) {
            for (Hit hit : hits) {
                if (!hit.counts() || hit.rule().category() != category || !CORE_CONCEPTS.contains(hit.rule().id())) {
                    continue;
                }
                if (NEGATED_INSIDE.matcher(text.text.substring(hit.start(), hit.end())).find()) {
                    continue;
                }
                CrisisText.Sentence s = text.sentenceAt(hit.start());
                String sentence = text.text.substring(s.start(), Math.min(s.end(), text.text.length()));
                if (FIRST_PERSON_NOW.matcher(sentence).find() && !BROAD_GUARD.matcher(sentence).find()) {
                    String id = hit.rule().id();
                    return Optional.of(new CrisisSignal(category, CrisisSeverity.of(text, Severity.CONCERN, id), id));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean overlapsCounted(Hit concept, List<Hit> hits) {
        for (Hit other : hits) {
            if (other != concept && other.counts() && !other.rule().once() && other.rule().category() != null
                    && other.rule().category() == concept.rule().category()
                    && other.start() < concept.end() && concept.start() < other.end()) {
                return true;
            }
        }
        return false;
    }

    private static int rank(Hit hit) {
        return (hit.rule().strong() ? 10 : 0) + hit.rule().severity().ordinal();
    }
}
