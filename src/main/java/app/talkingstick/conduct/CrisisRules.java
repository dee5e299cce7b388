package app.talkingstick.conduct;

import static app.talkingstick.conduct.CrisisSignal.Category.HARM_TO_OTHERS;
import static app.talkingstick.conduct.CrisisSignal.Category.OVERDOSE;
import static app.talkingstick.conduct.CrisisSignal.Category.RELAPSE;
import static app.talkingstick.conduct.CrisisSignal.Category.SELF_HARM;
import static app.talkingstick.conduct.CrisisSignal.Category.SUICIDE;
import static app.talkingstick.conduct.CrisisSignal.Severity.CONCERN;
import static app.talkingstick.conduct.CrisisSignal.Severity.HIGH;
import static app.talkingstick.conduct.CrisisSignal.Severity.IMMINENT;

import app.talkingstick.conduct.CrisisSignal.Category;
import app.talkingstick.conduct.CrisisSignal.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The crisis phrase rules, matched against {@link CrisisText} (lower case, contractions written out). A STRONG rule
 * raises a signal on its own; a WEAK rule needs a second cue (another rule of the same kind, a generic cue, or an
 * immediacy cue such as "tonight" or "right now"). Each rule names the checks that can discount a match: negation
 * ("I'm not suicidal"), past or recovery narrative ("two years ago I ..."), reported or hypothetical speech ("my
 * therapist asked if ..."), someone else ("my daughter ..."), coping ("the urge hit, I kept walking"), an explained
 * absence ("I don't want to be here anymore - at this job"), an accident ("cut my finger chopping onions").
 */
final class CrisisRules {

    enum Check {
        NEGATION,
        PAST,
        REPORT,
        THIRD_PARTY,
        COPING,
        EXPLAINED,
        ACCIDENT
    }

    /**
     * One rule.
     *
     * @param category null for a generic cue that only supports another rule's finding
     * @param unless   the rule does not count when this matches the sentence
     * @param with     the rule counts only when this matches somewhere in the message
     */
    record Rule(String id, Category category, Severity severity, boolean strong, Pattern pattern,
                List<Check> checks, Pattern unless, Pattern with, boolean once) {

        /** How many different matches of this rule count: strong rules and concepts once, weak rules twice. */
        int maxCount() {
            return strong || once ? 1 : 2;
        }
    }

    private static final Map<String, String> MACROS = Map.ofEntries(
            Map.entry("{MED}", "(?:paracetamol|acetaminophen|tylenol|panadol|ibuprofen|nurofen|advil|aspirin"
                    + "|co-?codamol|codeine|tramadol|morphine|oxy|oxys|oxycodone|oxycontin|fentanyl|methadone"
                    + "|diazepam|valium|xanax|xans|alprazolam|lorazepam|ativan|clonazepam|klonopin|benzos?"
                    + "|quetiapine|seroquel|sertraline|zoloft|citalopram|escitalopram|lexapro|fluoxetine|prozac"
                    + "|amitriptyline|nortriptyline|mirtazapine|venlafaxine|effexor|duloxetine|lithium"
                    + "|lamotrigine|olanzapine|risperidone|zopiclone|zolpidem|ambien|propranolol|pregabalin"
                    + "|lyrica|gabapentin|insulin|antidepressants?|antipsychotics?|painkillers?|opioids?|opiates?"
                    + "|sleeping (?:pills|tablets)|sleepers|tablets?|pills?|meds|medication|medications|medicine"
                    + "|prescription|prescriptions|capsules?|dose|doses|everything in (?:the|my) (?:medicine |bathroom )?(?:cabinet"
                    + "|cupboard|drawer))"),
            Map.entry("{DET}", "(?:(?:my|all|the|some|of|a|few|his|her|their|\\w+'s|\\w+s'|these|those|extra|spare"
                    + "|up|enough|loads|lots|more|old|leftover|left over|whole|\\d+) ){0,3}"),
            Map.entry("{ALC}", "(?:vodka|gin|wine|beer|cider|whisky|whiskey|rum|booze|alcohol|lager|cans|tequila"
                    + "|brandy|prosecco|spirits|liquor|drink|drinks|bottle)"),
            Map.entry("{DRUG}", "(?:gear|smack|heroin|coke|cocaine|crack|meth|crystal|ket|ketamine|mdma|molly"
                    + "|weed|spice|speed|fentanyl|benzos|xans|bars|pills|oxy|gram|g|bag|baggie|line|lines|hit"
                    + "|point|rock|score|stuff)"),
            Map.entry("{BODY}", "(?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|ankles?|body|chest|face|head"
                    + "|forearms?|shoulders?|calf|calves|belly)"),
            Map.entry("{PERSON}", "(?:him|her|them|that (?:man|woman|guy|girl|bloke|lad|kid|bastard|prick|bitch"
                    + "|cow|idiot|teacher|social worker|\\w+)|the (?:man|woman|guy|girl|bloke|lad|kid|baby|dealer"
                    + "|landlord|neighbou?r|social worker|teacher|boss|manager|cop|police|doctor|nurse|therapist"
                    + "|people|bastard|prick|children|kids|lot of them)|(?:my|his|her|our|their) (?:\\w+ ){0,2}"
                    + "(?:dad|mum|mom|father|mother|stepdad|stepmum|stepmom|brother|sister|ex|husband|wife"
                    + "|partner|boyfriend|girlfriend|boss|manager|supervisor|neighbou?r|flatmate|roommate|housemate"
                    + "|son|daughter|kid|kids|baby|child|children|uncle|aunt|cousin|landlord|friend|colleague"
                    + "|coworker|teacher|social worker|abuser|attacker|rapist|family|in-laws|nan|gran|grandad)"
                    + "|someone|somebody|anyone|everyone|everybody|people|them all|all of them)"),
            Map.entry("{MEDICAL}", "\\b(?:migraine|headache|period|cramps|a cold|the flu|flu|fever|back pain|toothache"
                    + "|tooth|injury|sprain|sprained|broken|operation|surgery|arthritis|hay ?fever|allergies)\\b"),
            Map.entry("{NONALC}", "(?:water|milk|juice|olive oil|oil|squash|shampoo|ketchup|sauce|lemonade|pop|soda"
                    + "|coke zero|diet \\w+|perfume|bleach|kombucha|smoothie)"));

    static final List<Rule> RULES = new ArrayList<>();

    // ---------------------------------------------------------------- suicide
    static {
        strong("suicide.explicit", SUICIDE, HIGH,
                "\\b(?:kill|killing|killed|end|ending|ended|take|taking|took|finish|finishing) (?:myself|my (?:own )?"
                + "life)\\b|\\bcommit(?:ting|ted)? suicide\\b|\\b(?:attempt|attempted|try|tried|trying) (?:suicide"
                + "|to (?:kill myself|end (?:it|my life)|take my (?:own )?life))\\b",
                "unless:\\bkill(?:ing)? myself (?:laughing|at the gym|with (?:work|revision|training|exercise))");
        strong("suicide.word", SUICIDE, HIGH, "\\bsuicid(?:e|al|ality)\\b", "+third",
                "unless:suicide (?:prevention|awareness|intervention|line|hotline|helpline|course|training|rates?"
                + "|statistics|risk|survivors?|bereavement|loss|squad|watch)|(?:died|death|lost \\w+(?: \\w+)? to"
                + "|loss|passed) (?:by |to |from )?suicide|(?:his|her|their|\\w+'s) suicide|suicide of");
        strong("suicide.want-to-die", SUICIDE, HIGH,
                "\\b(?:want|wanted|wanting|wish|wished|wishing|need|ready|going|planning|plan|hope|deserve|prefer"
                + "|would rather|rather) (?:to )?(?:just |really |honestly |simply )?(?:die|be dead|not exist"
                + "|stop existing|not be alive|cease to exist|not be here anymore|not wake up)\\b"
                + "|\\bi (?:should|could|might as well|may as well) (?:just )?(?:die|be dead|kill myself|end it)\\b"
                + "|\\bwish i (?:was|were|had) (?:dead|never been born|not been born|died)\\b"
                + "|\\bwish i (?:could )?(?:just )?(?:die|disappear forever|stop existing|not exist)\\b"
                + "|\\bbetter off dead\\b|\\bi am going to die\\b(?! (?:of|from|laughing|when|if)\\b)");
        strong("suicide.not-wake", SUICIDE, HIGH,
                "\\b(?:go to sleep|fall asleep|sleep|close my eyes) and (?:just )?(?:not|never) wake up\\b|\\b(?:not|never) "
                + "(?:to )?wake up (?:again|tomorrow|in the morning)\\b|\\bdo not want to wake up\\b(?! (?:early|at|before|so early|for|too))|\\bhope i "
                + "(?:do not|never) wake up\\b|\\bsleep forever\\b|\\bnever wake up\\b|\\b(?:go to sleep|sleep) and stay asleep\\b|\\bstay asleep"
                + " (?:forever|for good)\\b", "unless:\\b(?:could|can) (?:\\w+ )?sleep forever\\b|\\bafter (?:that|the|this|my) (?:hike|run|walk|shift|day|week|marathon|workout|party)\\b");
        strong("suicide.not-here", SUICIDE, HIGH,
                "\\b(?:do not|not|never) want to (?:be here|be alive|live|exist|be around|go on|carry on|keep going"
                + "|keep living|wake up(?! (?:early|at|before|so early|too early|for)\\b))(?: anymore)?\\b|\\b(?:do not|not) want to do this anymore\\b"
                + "|\\b(?:do not|not) want to be (?:here|alive|around) anymore\\b|\\b(?:do not|not) want to do (?:this|life"
                + "|this life|any of this)(?: \\w+){0,2} anymore\\b", "+explained");
        weak("suicide.cant-go-on", SUICIDE, CONCERN,
                "\\bcan not (?:go on|keep going|carry on|do this anymore|do it anymore|take it anymore|take anymore"
                + "|cope anymore|live like this|keep doing this|handle (?:it|this|life) anymore)\\b"
                + "|\\bdo not know how much longer i can\\b", "+explained");
        strong("suicide.gone", SUICIDE, HIGH,
                "\\b(?:when|after|once|by the time) i am (?:gone|dead|not here|not around)\\b"
                + "|\\b(?:will not|not going to|do not think i will|do not think ill|not sure i will|may not|might"
                + " not) be (?:here|around|alive)(?= for| much| long| to| by| anymore| next| tomorrow|[.!?,]|$)"
                + "|\\bif i am not (?:here|around) (?:on|by|tomorrow|next|after|in)\\b|\\byou will (?:all )?know"
                + " why\\b|\\bnot (?:be|being) (?:here|around) (?:much longer|for long|anymore)\\b",
                "+explained");
        weak("suicide.not-long", SUICIDE, CONCERN,
                "\\bnot long now\\b|\\bwill not be a (?:problem|burden) (?:much )?(?:longer|for long)\\b"
                + "|\\bit will (?:all )?be over (?:soon|shortly|tonight|after tonight)\\b|\\bsoon it will (?:all )?be over\\b");
        strong("suicide.keeping-me", SUICIDE, CONCERN,
                "\\b(?:only|one) (?:thing|reason|person|one) (?:keeping|that keeps|stopping|that is stopping|holding)"
                + " me (?:here|alive|going|from)\\b|\\bonly (?:here|alive|sticking around|still here) (?:for|because"
                + " of)\\b");
        strong("suicide.disappear", SUICIDE, HIGH,
                "\\b(?:disappear|disappeared|disappearing|vanish|vanished|vanishing) (?:for good|forever|permanently"
                + "|for ever|completely|off the face)\\b|\\bdisappear (?:and )?(?:never|not) come back\\b");
        weak("suicide.gone-forever", SUICIDE, CONCERN,
                "\\b(?:gone|go away|leave|escape|rest) (?:for good|forever|permanently|for ever)\\b", "+explained",
                "unless:\\b(?:pain|urge|urges|craving|cravings|it|that|feeling|fear|anxiety|symptoms?|rash) (?:is |are "
                + "|was |were )?gone\\b");
        strong("suicide.nobody-notice", SUICIDE, CONCERN,
                "\\bnobody (?:would|will|is going to|would even|will even|even) (?:even )?(?:notice|miss me|care"
                + "|cry|come)\\b[^.!?]{0,40}?\\b(?:if|when) i (?:was|were|am|died|disappeared|was gone|left|went"
                + "|killed|did)\\b(?! (?:not (?:come|turn up|show up|go|reply)|skipped|missed|left early|was late)\\b)"
                + "|\\bnobody would (?:even )?miss me\\b|\\bnobody would (?:even )?(?:notice|care) (?:if|when) i (?:was|were)"
                + " (?:gone|dead|not here|not around)\\b|\\bnobody would (?:even )?(?:notice|care) (?:if|when) i (?:died"
                + "|disappeared|killed myself|vanished|did not wake up)\\b");
        strong("suicide.better-off", SUICIDE, HIGH,
                "\\b(?:better|easier|happier|simpler|lighter|better off|relieved|free|fine) (?:\\w+ ){0,4}(?:if i"
                + " (?:just )?(?:was not|were not|wasnt) (?:here|around|alive|in (?:it|the picture|their lives|the way)"
                + "|born)|if i (?:just )?(?:was not|were not|wasnt)(?= *(?:[,.!?]|$)))\\b"
                + "|\\b(?:better off|happier|relieved|easier|free|fine) (?:\\w+ ){0,2}(?:without me|if i (?:was|were|am)"
                + " (?:not here|not around|gone|dead)|if i (?:was not|were not) (?:here|around|alive)|if i died"
                + "|if i disappeared|with me gone|when i am gone|once i am gone)\\b|\\bbe (?:so |honestly )?relieved"
                + " if i (?:was|were) dead\\b|\\bif i (?:was|were) dead\\b");
        weak("suicide.burden", SUICIDE, CONCERN,
                "\\bi am (?:just |such |only |nothing but )?(?:a|such a) (?:burden|waste of space|waste of oxygen)\\b"
                + "|\\b(?:a )?burden (?:to|on) (?:everyone|my family|them|people|my kids)\\b");
        weak("suicide.no-point", SUICIDE, CONCERN,
                "\\b(?:no|what is the|is there any|there is no|there is not any) point (?:in |of )?(?:living|life"
                + "|going on|carrying on|anything|any of it|it all|trying|being alive|being here|me|existing|staying"
                + "|fighting|waking up|anymore)\\b|\\bwhat is the point anymore\\b|\\bwhat is the point\\b(?=[.!?]|$)");
        strong("suicide.nothing-to-live-for", SUICIDE, HIGH,
                "\\bnothing (?:left )?to live for\\b|\\bno reason to (?:live|stay|keep going|go on|be here)\\b"
                + "|\\blife (?:is not|is no longer|isnt) worth (?:living|it)\\b|\\bnot worth living\\b");
        strong("suicide.end-it-all", SUICIDE, HIGH,
                "\\b(?:end|ending|ended|finish|finishing) (?:it all|everything|my life|it for good|things for good"
                + "|my suffering)\\b(?! (?:with|between|off|up|there|on)\\b)|\\bthis is the end (?:for me|of me|of the"
                + " road for me)\\b|\\b(?:planning|plan|planned) my (?:exit|death|suicide|funeral)\\b|\\bmy exit"
                + " (?:plan|strategy)\\b");
        strong("suicide.end-it", SUICIDE, HIGH,
                "\\b(?:i|to|will|ill|just|finally|gonna|of|and|can|could|should|might|would|like|about|considering"
                + "|contemplating|ready|want|wanna) (?:just |finally"
                + " |simply |quietly |really )?(?:end|ending|finish|finishing) (?:it|it all|things|everything|my"
                + " suffering|the pain for good)\\b(?! (?:with|between|off|up|there|on|for (?:him|her|them)|early"
                + "|here|now and|at \\d)\\b)");
        strong("suicide.done", SUICIDE, HIGH,
                "\\b(?:i am|i am just|i think i am|i am so) (?:so )?(?:done|finished) with (?:life|living|everything"
                + "|it all|this life|being alive|existing)\\b|\\b(?:done|finished) for good\\b|\\bdone (?:living"
                + "|with life)\\b");
        strong("suicide.tired-of-living", SUICIDE, CONCERN,
                "\\btired of (?:living|being alive|existing|life|waking up|being here)\\b");
        weak("suicide.tired-of-fighting", SUICIDE, CONCERN,
                "\\btired of (?:fighting|trying|struggling|it all|everything|holding on)\\b(?! (?:being|costing|going|taking|at|about|in|on|with)\\b)|\\bso tired of all of it\\b"
                + "|\\bcan not fight (?:it|this) anymore\\b");
        strong("suicide.stop-permanently", SUICIDE, HIGH,
                "\\b(?:want|need|wish) (?:it|everything|this|the pain|it all|all of it|life|the world) (?:all )?to"
                + " (?:stop|end) (?:permanently|forever|for good|for ever|permanantly|permenantly)\\b");
        weak("suicide.want-it-to-stop", SUICIDE, CONCERN,
                "\\b(?:want|need|wish) (?:it|everything|the pain|it all|all of it|the world) (?:all )?to (?:stop|end)"
                + "\\b");
        strong("suicide.last", SUICIDE, HIGH,
                "\\bthis (?:is|will be|might be) (?:the|my) last (?:time i (?:log|post|write|talk|come|am)|message"
                + "|post|goodbye)\\b|\\b(?:this|it) (?:is|will be|would be) my last (?:birthday|christmas|message"
                + "|post|day|night)\\b|\\b(?:promised|told|decided|promise) myself (?:it|this) (?:would|will|is"
                + " going to) be the last\\b|\\b(?:birthday|christmas)\\b[^.!?]{0,60}\\bthe last one\\b"
                + "|\\blast time (?:i will|you will|anyone will|you all) (?:see|hear)\\b", "+explained",
                "unless:\\blast (?:message|post) (?:tonight|today|for (?:tonight|today|now|the (?:night|day|week)))\\b");
        strong("suicide.goodbye", SUICIDE, HIGH,
                "\\b(?:said|say|saying) (?:my )?goodbyes\\b|\\bsaid my goodbye\\b|\\bthis is goodbye\\b|\\b(?:been )?saying"
                + " goodbye to (?:people|everyone|everything|the people|my family|my kids) (?:in my head|without|quietly"
                + "|one by one)\\b"
                + "|\\bgoodbye (?:everyone|all|everybody|forever|world)\\b"
                + "|\\bwanted to say (?:goodbye|bye) (?:to (?:you all|everyone|all of you)|here)\\b",
                "unless:\\b(?:see you|next week|tomorrow|later|soon|holiday|for now|till|until|moving)\\b");
        strong("suicide.letters", SUICIDE, HIGH,
                "\\b(?:wrote|written|writing|write|left|leaving|finished|drafted|drafting) (?:a |my |some |the )?"
                + "(?:suicide |goodbye |farewell )?(?:note|notes|letter|letters)\\b[^.!?]{0,40}?\\b(?:just in case"
                + "|in case|goodbye|for after|when i am gone|for when i|before i go|to read after|to find)\\b"
                + "|\\bsuicide note\\b|\\bgoodbye (?:letter|note)s?\\b|\\b(?:wrote|written|made|making|updated"
                + "|sorted|finished|did|writing) (?:out )?my (?:will|funeral)\\b|\\b(?:sorted|sorting|put|putting"
                + "|got) (?:out )?my affairs\\b|\\bmy affairs in order\\b|\\bfuneral (?:plans|wishes|songs)\\b",
                "unless:\\b(?:baby (?:was|is) born|solicitor|lawyer|mortgage|got married|wedding|grown ?up)\\b");
        weak("suicide.date", SUICIDE, HIGH,
                "\\b(?:picked|chosen|chose|set|decided on|decided) (?:the|a|on a|on the) (?:date|day)\\b",
                "+explained", "unless:\\b(?:wedding|party|holiday|appointment|surgery|move|moving|meeting|trip"
                + "|baby|due|interview|exam|court|hearing|funeral|christening|start|quit date)\\b");
        strong("suicide.giving-away", SUICIDE, CONCERN,
                "\\b(?:giving|gave|given|give) (?:all |most of )?(?:my|our) (?:stuff|things|belongings|possessions"
                + "|clothes|books|records|pets?) away\\b|\\b(?:giving|gave|given|give) away (?:all |most of )?my"
                + " (?:stuff|things|belongings|possessions|pets?|dog|cat)\\b|\\bso (?:she|he|they|it|someone) (?:will"
                + "|would|can|could|is) (?:be )?(?:looked after|taken care of|cared for)\\b[^.!?]{0,40}\\b(?:gone"
                + "|not here|not around|dead)\\b");
        weak("suicide.arranging", SUICIDE, CONCERN,
                "\\bso (?:she|he|they|it) (?:will|would) be (?:looked after|taken care of|cared for)\\b"
                + "|\\b(?:do not|never) want anyone to have to (?:sort|deal with|clean|find|go through)\\b"
                + "|\\b(?:gave|given|giving) (?:my )?(?:dog|cat|pets?|rabbit) to\\b");
        strong("suicide.jump", SUICIDE, HIGH,
                "\\b(?:jump|jumping|jumped|throw myself|throwing myself|step|stepping|walk|walking|lie down|lying"
                + " down) (?:off|from|in front of|under|onto|into) (?:a |the |that |this )?(?:bridge|building|roof"
                + "|rooftop|cliff|balcony|car park|multi[- ]?storey|tower|ledge|platform|train|tracks|railway"
                + "|motorway|traffic|bus|lorry|truck|river|sea|canal|window)\\b|\\b(?:thinking|think|thought"
                + "|thoughts|dreaming) (?:about|of) (?:jumping|the bridge|the train|the tracks|the drop)\\b"
                + "|\\bjumping (?:feels|seems|is)\\b");
        strong("suicide.drive", SUICIDE, HIGH,
                "\\bdriv(?:e|ing) (?:my car |the car )?(?:into|off) (?:a |the )?(?:river|wall|tree|lake|sea|bridge"
                + "|cliff|lorry|truck|traffic|motorway|barrier|canal|quarry|oncoming)\\b|\\bcrash(?:ing)? (?:my|the)"
                + " car (?:on purpose|deliberately|into)\\b|\\bswerv\\w* into (?:a |the )?(?:lorry|truck|traffic"
                + "|oncoming|tree|wall)\\b");
        strong("suicide.hang", SUICIDE, IMMINENT,
                "\\b(?:hang|hanging|hanged) myself\\b|\\bnoose\\b|\\b(?:bought|got|have|tied|tie|tying) (?:a |the"
                + " |some )?rope\\b|\\bthe rope (?:is|in|ready)\\b", "+explained",
                "unless:\\b(?:washing|climbing|boat|camping|tent|skipping|garden|swing|tow)\\b");
        strong("suicide.gun", SUICIDE, IMMINENT,
                "\\b(?:the|a|my|dad's|his) gun (?:out|in my|to my|loaded|ready|in the drawer)\\b|\\bholding (?:the|a"
                + "|his|my dad's) gun\\b|\\bgun (?:to|in) my (?:head|mouth)\\b|\\bshoot(?:ing)? myself\\b|\\bhad the"
                + " gun\\b|\\bload(?:ed|ing)? the gun\\b");
        strong("suicide.edge", SUICIDE, IMMINENT,
                "\\b(?:standing|stood|sitting|sat|i am|on) (?:on|at|by) (?:the |a )?(?:edge of (?:the |a )?)?(?:bridge"
                + "|ledge|roof|rooftop|cliff|cliff edge|platform edge|platform|tracks|railway|train line)\\b(?! (?:party"
                + "|bar|garden|terrace)\\b)", "unless:\\b(?:view|sunset|photo|picnic|holiday|waiting for (?:my|the) train"
                + " to (?:work|london|town))\\b");
        strong("suicide.wrists", SUICIDE, HIGH,
                "\\b(?:slit|slitting|slash|slashing|cut|cutting) my (?:wrists?|throat)\\b");
        weak("suicide.way-out", SUICIDE, HIGH,
                "\\b(?:the )?only (?:way out|option left|solution|answer|escape|way to stop)\\b|\\b(?:feels|seems"
                + "|looks) like the (?:only )?(?:answer|way out|solution|only option)\\b|\\bno (?:other )?way out\\b");
        strong("suicide.insurance", SUICIDE, HIGH,
                "\\blife insurance\\b[^.!?]{0,60}\\b(?:suicide|pays? ?out if|if i die|if i died|kill|self)");
        weak("suicide.plan", SUICIDE, HIGH,
                "\\bi have (?:got )?(?:a|the) plan\\b(?! (?:for|to (?:see|visit|go|get|meet|start|try|talk|call|ask|tell"
                + "|cope|manage|deal)|with|in place)\\b)|\\b(?:made|making) a plan\\b|\\bworked out (?:how|when|where)\\b"
                + "|\\bplanned (?:it|how|when|everything)\\b|\\bresearch(?:ed|ing)? (?:ways|how|methods)\\b"
                + "|\\blooked up (?:how|ways|methods)\\b|\\bhow (?:long|much) (?:does it|would it) take to (?:die"
                + "|bleed)\\b|\\bthink(?:ing)? about making (?:that|it) happen\\b", "+explained",
                "unless:\\b(?:holiday|trip|wedding|party|recipe|revision|budget|meal|workout|garden|plan b|with my (?:sponsor"
                + "|therapist|gp|doctor|team|key ?worker|care team|counsell?or|nurse)|safety plan|recovery plan|relapse"
                + " plan|crisis plan|care plan|plan with)\\b");
        weak("suicide.farewell", SUICIDE, CONCERN,
                "\\bplease forgive me\\b|\\bsorry for everything\\b|\\btell (?:my )?(?:kids|mum|mom|dad|family|wife"
                + "|husband|partner|son|daughter|sister|brother|everyone) (?:i love|that i love|i am sorry)\\b"
                + "|\\bi love you all\\b|\\bthank you all for everything\\b");
        strong("suicide.kindest-thing", SUICIDE, HIGH,
                "\\b(?:kindest|best|only) thing i (?:could|can) do (?:for (?:everyone|them|my family|the world) )?is"
                + " (?:to )?(?:disappear|die|go|leave|end|not be here)");
        strong("suicide.research", SUICIDE, HIGH,
                "\\b(?:looking|looked|look|searching|searched|googling|googled|researching|researched|reading up"
                + "|read up) (?:up )?(?:on )?(?:how|ways|methods|what|which|the best way)\\b[^.!?]{0,60}\\b(?:die"
                + "|dying|kill|fall from|fall|fatal|lethal|painless|hang|drown|bleed out|storeys|stories|floors"
                + "|high enough|end it|suicide)\\b|\\bhow (?:high|many (?:storeys|stories|floors)) (?:do you|would"
                + " i|would you|does it) (?:need|have) to\\b");
        strong("suicide.forever-quiet", SUICIDE, HIGH,
                "\\b(?:want|wish|need) (?:everything|it all|it|the noise|my head|the world|the pain|all of it|life)"
                + " to (?:go quiet|stop|end|go away|be over|go dark) (?:forever|for good|permanently|for ever)\\b");
        strong("suicide.no-future", SUICIDE, CONCERN,
                "\\b(?:do not|can not|cannot) (?:see|imagine|picture) (?:a|any) (?:future|way forward|tomorrow)"
                + "(?! (?:with|in|at|for (?:us|this|the))\\b)\\b|\\bno future (?:for me|left)\\b|\\bi have no future\\b"
                + "|\\b(?:can not|do not) (?:see|imagine|picture) (?:myself|me) (?:being )?(?:alive|here|around"
                + "|living|making it|getting to|reaching|still here)\\b", "+explained");
        strong("suicide.wont-make-it", SUICIDE, HIGH,
                "\\b(?:do not think|not sure|doubt) i will (?:make it|be (?:here|around|alive)|last|survive"
                + "|still be here)\\b|\\b(?:do not think|not sure) i (?:can|will) (?:hold on|keep going|go on)"
                + " (?:much )?(?:longer|anymore)\\b", "+explained");
        weak("suicide.decided", SUICIDE, HIGH,
                "\\bi have (?:decided|made (?:up )?my mind|made my decision|made the decision)(?= *(?:[.!?,]|$))"
                + "|\\b(?:is|will be) (?:when|the day|the night) i (?:will|am going to|do) (?:do it|go|end it)\\b"
                + "|\\b(?:i will|i am going to|going to|gonna|planning to|ready to) (?:finally )?do it (?:tonight"
                + "|tomorrow|this weekend|on \\w+day|soon|when|after)\\b", "+explained");
        weak("suicide.peace", SUICIDE, HIGH,
                "\\bmade (?:my )?peace\\b(?! with (?:my|him|her|them|the|it being))|\\b(?:i am )?ready to go\\b"
                + "(?= *(?:[.!?,]|$|now))|\\bat peace with (?:my decision|it all|dying|going|leaving)\\b");
        weak("suicide.if-anything", SUICIDE, CONCERN,
                "\\b(?:if|when) (?:anything|something) (?:happens|should happen|were to happen) to me\\b"
                + "|\\blook after (?:my|the) (?:cat|dog|kids|children|pets?|rabbit)\\b(?! (?:while|this|for the"
                + " weekend|tomorrow|on)\\b)", "+explained");
        weak("suicide.means-ready", SUICIDE, HIGH,
                "\\bi have (?:got )?(?:the|my|a) (?:pills|tablets|rope|note|gun|blades?|razors?)\\b(?! (?:prescribed"
                + "|for|from|with me|in my bag in case)\\b)|\\b(?:brave enough|the courage|the guts|the nerve) to (?:do"
                + " it|go through with it|end it|finally do it)\\b|\\bgo through with it\\b|\\bbrave enough\\b");
        weak("suicide.place", SUICIDE, HIGH,
                "\\b(?:the|a) (?:bridge|ledge|cliff|cliff edge|rooftop|railway line|train tracks|tracks|multi[- ]"
                + "?storey|top floor|edge of the platform|platform edge|quarry|reservoir|viaduct)\\b|\\bfast (?:ones|trains?)"
                + " that (?:do not|never|will not) stop\\b");
        strong("suicide.should-die", SUICIDE, HIGH,
                "\\bi (?:should|ought to) (?:just )?(?:disappear|die|not be here|not exist|end it|kill myself|not"
                + " be alive)\\b(?! (?:into|under|for a|for the|from|off|on)\\b)");
        strong("suicide.signing-off", SUICIDE, HIGH,
                "\\b(?:will not|not|never) have to (?:put up with|deal with|worry about|look after|see|hear from) me"
                + " (?:much longer|for long|anymore|again|after)\\b|\\bput up with me (?:much )?longer\\b|\\bhow long"
                + " (?:it takes|does it take|would it take) (?:for )?(?:a body|someone|me) to be found\\b|\\bpractis"
                + "(?:ing|ed) (?:tying )?(?:knots|a noose|the knot|nooses)\\b|\\bpeaceful (?:it would be )?to (?:just )?"
                + "(?:stop|go|sleep|not be here|not wake up|end it)\\b|\\b(?:will|would) get the (?:life )?insurance\\b"
                + "|\\b(?:last|final thing) you will (?:ever )?hear from me\\b|\\byou will not (?:ever )?hear from me"
                + " again\\b|\\b(?:logging|signing|checking) off (?:for good|forever|for the last time)\\b|\\b(?:it has"
                + "|it is|it was) been nice knowing (?:you|everyone)\\b|\\b(?:soon|then|after tonight) it (?:will not"
                + "|will no longer) hurt (?:anymore|any more)\\b|\\bi will be with (?:my )?(?:dad|mum|mom|husband|wife"
                + "|son|daughter|brother|sister|nan|gran|grandad|partner|baby|him|her) (?:soon|again)\\b(?! (?:at|in|for"
                + "|on)\\b)|\\bsorry to leave (?:like this|you all|everyone|this way)\\b", "+explained");
        weak("suicide.enough", SUICIDE, CONCERN,
                "\\benough is enough\\b|\\bi have had enough\\b(?= *(?:[.!?,]|$|of (?:life|everything|it all|living)))"
                + "|\\band then i am done\\b|\\b(?:the )?perfect (?:time|day|night|opportunity|chance)\\b(?= *(?:[.!?,]"
                + "|$))|\\bhow peaceful it would be\\b|\\b(?:deleted|deleting) (?:all )?my accounts\\b|\\bemptied"
                + " (?:my )?(?:bank )?account\\b|\\bgoing for a (?:long )?walk\\b[^.!?]*\\bnot (?:be )?coming back\\b",
                "+explained");
        weak("suicide.missing", SUICIDE, HIGH,
                "\\b(?:do not|please do not|dont) (?:come )?(?:look|looking|try to find|search|come after) (?:for )?me"
                + "\\b|\\b(?:will not|never) be (?:coming|going) back\\b", "+explained");
        weak("suicide.something-stupid", SUICIDE, HIGH,
                "\\b(?:going to|might|about to|could|will|scared i will|afraid i will) do something (?:stupid|drastic"
                + "|bad|i will regret|final|dangerous)\\b");
        strong("suicide.except-dying", SUICIDE, HIGH,
                "\\b(?:except|other than|apart from|besides) (?:dying|death|to die|killing myself|ending it|ending my"
                + " life|suicide)\\b");
        strong("suicide.done-permanently", SUICIDE, HIGH,
                "\\bi am (?:so )?done\\b(?! with (?!(?:it|all|everything|life|this|myself|living|trying|fighting|the world"
                + "|existing)\\b))[^.!?]{0,40}\\b(?:permanently|for good|forever|for ever)\\b");
        strong("suicide.last-time", SUICIDE, HIGH,
                "\\b(?:see|hug|hold|call|visit|hear|kiss|tell) (?:\\w+ ){0,3}(?:one last time|for the last time|one"
                + " final time)\\b|\\bfinal (?:message|post|goodbye|goodbyes|night|words|letter)\\b|\\bleave this"
                + " (?:world|earth|life)\\b|\\bcheck(?:ing)? out (?:for good|early|of life|permanently)\\b"
                + "|\\b(?:will not|do not|not going to) need (?:this|it|them|my \\w+|the \\w+|any of (?:this|it))"
                + " (?:anymore|much longer|after (?:this|tonight|today|tomorrow|\\w+day)|where i am going)\\b"
                + "|\\bmy time is up\\b|\\btime for me to go\\b(?= *(?:[.!?,]|$|now|for good))", "+explained",
                "unless:\\b(?:quit\\w*|leaving the group|moving|new job|cancel\\w* (?:my )?(?:membership|subscription"
                + "|contract)|retire\\w*|graduat\\w*|see you|next week|tomorrow|later|bye for now|night all"
                + "|catch you)\\b");
        weak("suicide.one-last", SUICIDE, HIGH,
                "\\b(?:one last time|for the (?:very )?last time|before i go\\b(?! (?:to|on|out|away|back|home|in"
                + "|shopping|into|for|and|off)\\b)|this is it for me|not going to be a problem)\\b");
        strong("suicide.method", SUICIDE, HIGH,
                "\\b(?:drown|drowning|gas|gassing|suffocate|suffocating|electrocute|poison|poisoning|bleed) myself"
                + "\\b|\\bwalk(?:ing|ed)? (?:out )?into the (?:sea|river|lake|water|ocean|traffic|canal)\\b|\\b(?:car )?"
                + "exhaust (?:pipe|fumes)\\b|\\bhose ?pipe (?:to|in|into|from) the (?:car|exhaust)\\b|\\bcarbon"
                + " monoxide\\b|\\b(?:jump|step|throw myself) off the top of\\b|\\bbleed out\\b");
        strong("suicide.death-wish", SUICIDE, HIGH,
                "\\b(?:hope|pray|wish|praying|hoping) (?:that )?(?:i (?:die|do not wake up|never wake up|get hit|get"
                + " run over|get killed|get cancer|just die|drop dead|crash)|my heart (?:stops|just stops|gives out)"
                + "|something (?:kills|happens to) me|a (?:car|bus|lorry|truck|train) (?:hits|would hit|kills|runs me"
                + " over))\\b|\\b(?:would not|wouldn't|would not even) (?:mind|care) if i (?:died|did not wake up"
                + "|got hit|was dead|got killed|never woke up)\\b|\\bdeath (?:sounds|seems|feels|would be) (?:so )?"
                + "(?:peaceful|like a relief|nice|better|easier|good|like the answer|welcome)\\b|\\bdying would be"
                + " (?:a relief|easier|better|peaceful|a mercy)\\b|\\bnot (?:scared|afraid) (?:of dying|to die|of"
                + " death) anymore\\b|\\bwish (?:it had|that it had|the \\w+ had) worked\\b|\\bshould have died\\b"
                + "|\\bwish i (?:had not|did not) (?:survive|survived|wake up|woke up)\\b|\\bwish (?:they|you|he|she)"
                + " had (?:let me die|not saved me|left me)\\b|\\bif i (?:do not|never) wake up\\b|\\bwelcome death\\b|\\bready to die\\b");
        weak("suicide.death-thoughts", SUICIDE, CONCERN,
                "\\bthink(?:ing)? about (?:death|dying|being dead) (?:all the time|constantly|every day|a lot|more"
                + " and more|again)\\b|\\beveryone would (?:move on|get over it|forget)\\b|\\bthey (?:would|will)"
                + " get over it\\b");
        strong("suicide.rehome", SUICIDE, CONCERN,
                "\\b(?:rehomed|rehoming|rehome|found (?:a )?(?:new )?homes? for|find (?:a )?(?:new )?homes? for)"
                + " (?:my )?(?:cat|dog|pets?|rabbit|bird|fish|animals|hamster)\\b",
                "unless:\\b(?:allerg\\w*|moving|landlord|new baby|too big|kittens|puppies|litter|foster\\w*|allow\\w*|pets"
                + "|tenancy|lease|could not (?:keep|afford|cope with)|new flat|new house)\\b");
        weak("suicide.arrangements", SUICIDE, CONCERN,
                "\\b(?:paid off|cleared|sorted out|sorted) (?:all )?my (?:debts?|bills|affairs|paperwork)\\b|\\bleft"
                + " (?:instructions|a list|notes|letters|my passwords)\\b|\\bwho gets what\\b|\\bwhere (?:my|the)"
                + " (?:will|documents|passwords|papers) (?:is|are)\\b|\\b(?:so|that) (?:nobody|they|my family|the"
                + " kids|my kids) (?:will )?(?:have|has) to (?:deal with|sort|worry|clean|pay|find)\\b|\\bso (?:my|the)"
                + " \\w+ (?:will not|does not|do not|never|will never) (?:have to|need to)\\b|\\b(?:sorting|clearing"
                + "|paying off|organising|organizing) (?:out )?(?:all )?my (?:debts?|bills|affairs|paperwork|finances)\\b"
                + "|\\bcancel+ed (?:all )?(?:my )?(?:subscriptions|direct debits)\\b|\\bmade"
                + " arrangements\\b|\\btidied (?:everything|up everything|the house)\\b");
        strong("suicide.know-how", SUICIDE, HIGH,
                "\\bi know (?:how|when|where|exactly how)(?: and (?:how|when|where))? (?:(?:i will|i would|i am going"
                + " to|i would) (?:do it|go|end it|die)|to do it)\\b|\\b(?:once|after|when) (?:the kids|my \\w+|\\w+) (?:is|are)"
                + " (?:settled|sorted|looked after|taken care of|grown up|old enough)\\b[^.!?]{0,30}\\b(?:i will|i can"
                + "|going to) (?:go|do it|end it|leave|be gone)\\b|\\b(?:painless|quickest|easiest|least painful"
                + "|surest) way (?:to go|to die|out|of doing it|to do it|to end it)\\b"
                + "|\\bdoes it hurt to (?:die|drown|hang|overdose|bleed|jump)\\b");
        weak("suicide.give-up", SUICIDE, CONCERN,
                "\\bi (?:just )?give up\\b(?= *(?:[.!?,]|$| on (?:life|everything|living|myself)))|\\brunning out of"
                + " reasons\\b|\\bno reasons? left\\b|\\blosing the (?:fight|battle)\\b|\\bcan not keep (?:fighting"
                + "|going|doing this)\\b|\\bwant (?:it|this|everything|it all) (?:all )?to be over\\b|\\bi can"
                + " finally (?:rest|be free|let go)\\b(?= *(?:[.!?,]|$))|\\bi am (?:so )?tired\\b(?= *(?:[.!?,]"
                + "|$| of (?:it|everything|this|life)))");
        strong("suicide.not-around", SUICIDE, HIGH,
                "\\b(?:not|never|no longer)\\b(?: \\w+){0,6} (?:be|being) (?:here|around|alive|in this world)"
                + "(?: (?:for|by|at|much longer|for long|anymore|next|to see|when|after))\\b|\\b(?:will not|not going"
                + " to|never going to) be (?:anyone's|anybody's|a|your|their|everyone's|the family's) (?:problem|burden"
                + "|worry)\\b", "+explained");
        strong("suicide.point-in", SUICIDE, HIGH,
                "\\b(?:can not|do not|no longer) see (?:the|any) point (?:in|of) (?:living|waking up|going on|being"
                + " alive|carrying on|being here|anything|trying|life)\\b|\\bno point (?:in |to )?(?:living|waking up"
                + "|being alive|being here|me being here|my life)\\b");
        weak("suicide.ready", SUICIDE, HIGH,
                "\\b(?:got|have|have got) everything (?:ready|prepared|sorted|in place|planned)\\b|\\b(?:going to"
                + "|gonna|will|i am) (?:finally )?do(?:ing)? it\\b(?= *(?:[.!?,]|$|now|tonight|today|tomorrow|this))"
                + "|\\bmade my (?:choice|decision)\\b|\\bhow easy it would be\\b|\\bhow (?:quick|easy|simple) it"
                + " would be to\\b|\\byou can (?:probably )?guess (?:why|what for)\\b", "+explained");
        strong("suicide.car-exhaust", SUICIDE, IMMINENT,
                "\\bengine running\\b[^.!?]{0,40}\\bgarage\\b|\\bgarage\\b[^.!?]{0,40}\\bengine running\\b"
                + "|\\b(?:bought|got|have|with) (?:a |the )?hose ?pipe\\b",
                "unless:\\b(?:garden|plants|watering|car wash|pond|lawn|paddling|allotment)\\b");
        weak("suicide.better-off-with", SUICIDE, CONCERN,
                "\\b(?:will|would|are|is) be(?:tter)? (?:so much )?better off with (?:their|my|his|her|someone)\\b"
                + "|\\bbetter off (?:without|with) (?!me\\b)");
        strong("suicide.cant-do-life", SUICIDE, CONCERN,
                "\\bcan not do (?:life|this life|living|being alive) anymore\\b|\\bi (?:just )?want out\\b(?= *"
                + "(?:[.!?,]|$|of (?:life|this life|everything)))|\\bnothing left (?:for me|to live for)\\b");
        weak("suicide.nothing-left", SUICIDE, CONCERN,
                "\\b(?:i have|i have got|got) nothing left\\b|\\bcounting down the days\\b");
    }

    // ---------------------------------------------------------------- self-harm
    static {
        strong("selfharm.cut", SELF_HARM, HIGH,
                "\\b(?:cut|cutting|cuts|slice|slicing|sliced|carve|carving|carved|scratch|scratched|scratching|burn"
                + "|burnt|burned|burning|stab|stabbed|stabbing) (?:myself|into my {BODY}|my {BODY})\\b",
                "+accident");
        strong("selfharm.cut-again", SELF_HARM, HIGH,
                "\\b(?:i |and )?(?:cut|cutting) (?:again|deeper|deep|last night|tonight|today|this morning)\\b",
                "unless:\\b(?:power|budget|funding|hours|wages|hair|grass|lawn|prices|benefits|price|costs?|rates?"
                + "|staff|signal|phone|line)\\b");
        strong("selfharm.urge", SELF_HARM, HIGH,
                "\\b(?:urges?|want|wanting|wanted|need|needing|tempted|itching|craving|desperate|going|about) (?:so"
                + " bad |badly )?(?:to )?(?:cut|self[ -]?harm|sh|hurt myself|harm myself|burn myself|bleed|cut"
                + " myself|cut again)\\b", "+coping");
        strong("selfharm.word", SELF_HARM, HIGH, "\\bself[ -]?(?:harm|harming|harmed|harms|injur\\w*)\\b",
                "+third", "unless:self[ -]?harm (?:awareness|support|service|team|group|course|training|nurse"
                + "|prevention|research|in (?:teenagers|young people|teens|adolescents))|dissertation|thesis"
                + "|(?:clean|free) from self[ -]?harm\\b(?! (?:is|was) (?:over|gone))");
        strong("selfharm.hurt", SELF_HARM, HIGH,
                "\\b(?:hurt|hurting|harm|harming|hit|hitting|punch|punching|bite|biting|bit|bruise"
                + "|bruising|starve|starving|bang|banging|burn|burning) myself\\b", "+accident");
        strong("selfharm.body-hard", SELF_HARM, HIGH,
                "\\b(?:bit|bite|biting|hit|hitting|punched|punching|banged|banging|scratched|scratching|pinched"
                + "|burned|burnt|slammed) (?:my )?{BODY}\\b[^.!?]{0,30}\\b(?:so hard|until|till|til|on purpose"
                + "|deliberately|bruised|bled|bleed|bleeding|again|keep|kept)\\b", "+accident");
        strong("selfharm.blade", SELF_HARM, IMMINENT,
                "\\b(?:got|have|had|hidden|hid|hide|hiding|bought|buy|buying|holding|took out|taken out|get|getting"
                + "|keep|kept) (?:\\w+ ){0,2}(?:blade|blades|razor|razors|razor blades?)\\b|\\b(?:blade|blades"
                + "|razor|razors)\\b (?:is |are )?(?:out|right here|in my hand|next to me|ready|on the (?:side|table"
                + "|bed))\\b|\\b(?:took|taken|got|removed|popped|pulled|take) (?:the |a )?blades? (?:out of|from|out)"
                + " (?:of )?(?:a |the |my )?(?:pencil )?(?:sharpener|razor|shaver)\\b", "unless:\\b(?:shav\\w*|beard|wax\\w*|legs? (?:shave|wax)|craft\\w*|hobby|stanley"
                + "|lino|cutting mat)\\b");
        strong("selfharm.scars", SELF_HARM, HIGH,
                "\\b(?:pulling|picking|picked|pulled|opened|opening|reopened|reopening|ripping|ripped|tearing|tore)"
                + " (?:at )?(?:the |my |one of the |one of my )?(?:old )?(?:scars?|wounds?|cuts?|scabs?)\\b"
                + "|\\bopened (?:one|it|them|a scar|an old one) (?:back )?up\\b");
        strong("selfharm.fresh", SELF_HARM, HIGH,
                "\\b(?:fresh|new|deep|deeper|open|infected) (?:cuts?|wounds?|burns?|marks|scars)\\b|\\bhide (?:the"
                + " |my )?(?:cuts?|scars?|marks|wounds?|burns?|bruises)\\b|\\b(?:it is|they are) getting deeper\\b"
                + "|\\bgetting deeper\\b",
                "unless:\\b(?:paper cut|new scar (?:cream|gel)|tattoo)\\b");
        strong("selfharm.pain", SELF_HARM, HIGH,
                "\\b(?:need|want|deserve|have|had) to (?:feel|be in) (?:the )?pain\\b|\\bdeserve (?:the |this )?pain"
                + "\\b|\\bdeserve to (?:hurt|bleed|suffer|be punished)\\b|\\bfeel pain to feel\\b");
        strong("selfharm.tool", SELF_HARM, HIGH,
                "\\b(?:used|use|using|took|take|taking|put|held|hold|holding) (?:the |a |my )?(?:knife|blade|razor"
                + "|scissors|lighter|compass|glass|iron|cigarette) (?:on|to|against|into) my\\b|\\bon my {BODY} with"
                + " (?:the |a )?(?:knife|blade|razor|lighter|iron|cigarette)\\b");
        strong("selfharm.covered", SELF_HARM, HIGH,
                "\\bmy (?:arms?|thighs?|legs?|wrists?|stomach|hips?|skin|body) (?:is|are) (?:covered|a mess|cut"
                + "|cut up|scarred|bleeding|full of (?:cuts|marks)|raw)(?: (?:in|with) (?:fresh )?(?:cuts|scars|marks|blood"
                + "|bruises|burns|plasters))?\\b(?! (?:in|with|from|after)\\b)|\\bwhere nobody (?:can )?sees?"
                + " (?:them|it)\\b|\\bnobody sees them\\b");
        weak("selfharm.again", SELF_HARM, HIGH,
                "\\b(?:did|done|do) it again (?:today|tonight|last night|this morning|yesterday|earlier)\\b|\\bkeep"
                + " (?:wanting|needing) to do it\\b|\\bwant to do it (?:again|more)\\b");
        strong("selfharm.relapse", SELF_HARM, HIGH,
                "\\brelaps(?:ed|e|ing) (?:on|with|into) (?:self[ -]?harm|cutting|sh|burning)\\b|\\b(?:clean|free)"
                + " (?:of|from) (?:cutting|self[ -]?harm|sh)\\b[^.!?]*\\b(?:throw (?:it|that) away|ruin|tonight"
                + "|razor|blade|want to)\\b");
        strong("selfharm.bleed", SELF_HARM, HIGH,
                "\\b(?:until|till|til) (?:it|i) (?:bleeds?|bled|bruised|scarred)\\b|\\bmake myself bleed\\b"
                + "|\\b(?:will not|can not) stop (?:the )?bleeding\\b|\\bbleeding (?:a lot|badly|everywhere"
                + "|through)\\b");
        weak("selfharm.starve", SELF_HARM, CONCERN, "\\bstarv(?:e|ing) myself\\b");
        weak("selfharm.blood", SELF_HARM, HIGH,
                "\\bblood (?:on|all over) (?:my|the) (?:sheets|floor|towels?|clothes|bed|sink|bathroom|sleeves?|arms?"
                + "|legs?)\\b", "+accident");
        weak("selfharm.punish", SELF_HARM, HIGH,
                "\\b(?:want|need|going|have|deserve|wanted|needed) to (?:punish|hurt) myself\\b(?! with| by (?:not|overthinking))");
        strong("selfharm.carve", SELF_HARM, HIGH,
                "\\b(?:carved|carve|carving|etched|scratched|scratching|sliced|cut|cutting) (?:\\w+'?s? ){1,3}(?:into"
                + "|in|on|onto) my {BODY}\\b", "+accident");
        strong("selfharm.wounds", SELF_HARM, HIGH,
                "\\b(?:cuts|wounds|burns|slashes|gashes) (?:on|in|across|all over) my {BODY}\\b|\\b(?:needed|need"
                + "|should get|might need) stitches\\b", "+accident");
        strong("selfharm.with-blade", SELF_HARM, IMMINENT,
                "\\b(?:sitting|sat|lying|standing|in the bathroom|in bed|locked in|in my room|alone)\\b[^.!?]{0,30}"
                + "\\bwith (?:a|the|my) (?:razor|blade|knife|lighter|scissors)\\b",
                "unless:\\b(?:shav\\w*|beard|cooking|chopping|kitchen|onions|bread|cake)\\b");
    }

    // ---------------------------------------------------------------- harm to others
    static {
        strong("others.intent", HARM_TO_OTHERS, HIGH,
                "\\b(?:i will|ill|i am going to|going to|i want to|want to|i really want to|i am about to|about to"
                + "|ready to|i swear i will|planning to|plan to|how i am going to|i need to|i have to|i will"
                + " actually|i am gonna) (?:\\w+ ){0,2}?(?:kill|murder|stab|shoot|strangle|hurt|beat|batter|attack"
                + "|poison|smash|punch|choke|throttle|knife|glass|run over|burn|drown|smother|suffocate|break"
                + "|hit|slap|kick|destroy|end) {PERSON}\\b(?! (?:off|up with|for (?:it|eating|that|leaving|being"
                + "|forgetting|not))\\b)", "+explained",
                "unless:\\b(?:figuratively|metaphorically|joking|kidding|not literally|lol|haha|jk|in a game"
                + "|(?:is|are) going to kill me|at (?:chess|scrabble|cards|monopoly|football|tennis))\\b");
        strong("others.someone", HARM_TO_OTHERS, CONCERN,
                "\\bi (?:could|will|would|might|am going to) (?:really |seriously |actually )?(?:hurt|kill|attack|stab)"
                + " (?:someone|somebody|anyone)\\b");
        weak("others.could", HARM_TO_OTHERS, CONCERN,
                "\\b(?:i could|i would|could) (?:\\w+ ){0,2}?(?:kill|murder|stab|strangle|hurt|throttle|smash|punch"
                + "|batter) {PERSON}\\b",
                "unless:\\b(?:figuratively|metaphorically|joking|kidding|not literally|lol|haha|jk|for (?:eating"
                + "|leaving|forgetting|that|it))\\b");
        strong("others.make-pay", HARM_TO_OTHERS, HIGH,
                "\\bmake (?:him|her|them|{PERSON}) (?:pay|suffer|regret|sorry|bleed)\\b|\\b(?:he|she|they) (?:will"
                + "|is going to|are going to|is gonna) (?:pay|regret it|suffer|be sorry\\b(?= *(?:[.!?,]|$| when| for what"
                + "| after))|find out how it feels|get what is coming)\\b|\\bput (?:him|her|them|{PERSON}) in (?:the ground|hospital|a box|the hospital"
                + "|a coffin|the morgue)\\b|\\bhow i am going to (?:kill|hurt|get) (?:him|her|them)\\b");
        weak("others.hospital", HARM_TO_OTHERS, HIGH,
                "\\b(?:end up|ends up|wind up) (?:in (?:hospital|a&e|the ground|a body bag|a box|intensive care)"
                + "|dead)\\b");
        weak("others.know-where", HARM_TO_OTHERS, HIGH,
                "\\bi know (?:where|which|what) (?:\\w+'?s? ){0,5}?(?:lives|parks|works|goes|sleeps|drinks|walks"
                + "|school|gym)\\b|\\bfound out where (?:\\w+'?s? ){0,5}?(?:lives|works|parks|goes)\\b");
        weak("others.follow", HARM_TO_OTHERS, HIGH,
                "\\b(?:following|followed|watching|stalking|waiting for|waited for|waiting outside) (?:him|her|them"
                + "|{PERSON}) (?:home|to work|around|outside|after)\\b|\\bbeen following (?:him|her|them|{PERSON})"
                + "\\b");
        weak("others.weapon", HARM_TO_OTHERS, HIGH,
                "\\b(?:getting|get|got|bought|buying|have|found|grabbed|took|carrying|taking|bring|bringing"
                + "|sharpened|sharpening|hid|hidden) (?:a|the|my|his|dad's|a big) (?:gun|knife|machete|bat|baseball"
                + " bat|hammer|weapon|crowbar|axe)\\b");
        weak("others.weapon-place", HARM_TO_OTHERS, HIGH,
                "\\b(?:knife|gun|bat|hammer|machete) (?:is )?(?:ready|by the"
                + " door|in my bag|in my pocket|in the car|under (?:my|the) (?:bed|pillow|seat))\\b");
        strong("others.picture", HARM_TO_OTHERS, HIGH,
                "\\b(?:picturing|imagining|imagine|fantasi[sz]ing|fantasi[sz]e|fantasi[sz]ed|thinking about|keep"
                + " thinking about|thought about|thought of|think about|think of|thoughts about|thoughts of|dreaming about|dream about|obsessing about|obsessed with"
                + "|can not stop thinking about|planning|plotting|considering) (?:\\w+ )?(?:killing|hurting|stabbing|shooting|running (?:\\w+'?s? )"
                + "{0,3}over|strangling|smothering|poisoning|beating|attacking|drowning|burning|choking|murdering)"
                + " (?:\\w+ )?(?:him|her|them|{PERSON})\\b|\\b(?:picturing|imagining|fantasi[sz]ing) (?:running"
                + " (?:\\w+'?s? ){1,3}over)\\b");
        strong("others.burn", HARM_TO_OTHERS, HIGH,
                "\\bburn (?:the|his|her|their|my) (?:house|flat|place|car|home) down\\b[^.!?]{0,30}\\b(?:with|while)"
                + " (?:him|her|them|{PERSON})\\b");
        weak("others.arson", HARM_TO_OTHERS, HIGH,
                "\\bburn (?:the|his|her|their) (?:house|flat|place|car|home) down\\b");
        strong("others.stand-over", HARM_TO_OTHERS, HIGH,
                "\\b(?:stand|stood|standing) over (?:him|her|them|{PERSON}) with\\b|\\bover (?:him|her|them) with a"
                + " (?:pillow|knife|hammer)\\b");
        strong("others.scared-i-will", HARM_TO_OTHERS, CONCERN,
                "\\b(?:scared|afraid|frightened|terrified|worried) (?:that )?(?:i will|i am going to|i might|i could"
                + "|i would|ill) (?:actually )?(?:hurt|kill|harm|shake|smother|drown|snap and hurt) {PERSON}\\b"
                + "|\\bintrusive thoughts about (?:hurting|harming|killing)\\b");
        strong("others.smash", HARM_TO_OTHERS, HIGH,
                "\\bsmash (?!your\\b)(?:\\w+'?s? ){0,3}(?:face|head|skull|teeth) in\\b|\\bkick (?!your\\b)(?:\\w+'?s? ){0,3}head in\\b|\\bbeat (?:\\w+ ){0,2}"
                + "(?:to death|senseless|to a pulp|black and blue|half to death)\\b|\\bcave (?:\\w+'?s? ){0,2}"
                + "(?:head|skull) in\\b|\\bbreak (?:his|her|their) (?:neck|legs|jaw)\\b",
                "unless:\\b(?:figuratively|joking|kidding|lol|haha|jk)\\b");
        weak("others.go-round", HARM_TO_OTHERS, HIGH,
                "\\b(?:going|go|heading|driving|on my way) (?:round|over|around) (?:there|to (?:his|her|their))\\b"
                + "|\\b(?:go|going) (?:and )?knock on (?:his|her|their) door\\b");
        weak("others.done", HARM_TO_OTHERS, HIGH,
                "\\b(?:he|she|they) (?:is|are) (?:done|dead|finished)\\b(?= *(?:$|[.!?]))");
        strong("others.shooting", HARM_TO_OTHERS, IMMINENT,
                "\\bshoot up (?:the|my|this) (?:school|office|work|place|club|church)\\b");
        strong("others.run-over", HARM_TO_OTHERS, HIGH,
                "\\b(?:going to|will|want to|ill|i will|about to|gonna|could|ready to) (?:\\w+ ){0,2}?run (?!(?:my"
                + " |your )?(?:eyes|hands|fingers|bath|errands?|late|out|a|the (?:bath|risk|show|numbers))\\b)"
                + "(?:\\w+'?s? ){1,4}over\\b");
        strong("others.want-dead", HARM_TO_OTHERS, HIGH,
                "\\b(?:want|wish|hope) (?:{PERSON}|them all|him|her|them) (?:\\w+ )?(?:dead|to die|gone for good"
                + "|to suffer|to bleed)\\b|\\bwish (?:he|she|they) (?:was|were) dead\\b");
        weak("others.when-i-see", HARM_TO_OTHERS, HIGH,
                "\\bfor when i see (?:him|her|them)\\b|\\bwhen (?:he|she) (?:gets|comes) (?:home|back|out|round)\\b"
                + "|\\bnext time i see (?:him|her|them)\\b");
        strong("others.weapon-to", HARM_TO_OTHERS, IMMINENT,
                "\\b(?:bring|bringing|brought|take|taking|took|carry|carrying|carried) (?:a|my|the|dad's) (?:knife|gun|blade|machete"
                + "|weapon) (?:to|into) (?:school|work|the office|college|class|his|her|their)\\b");
        strong("others.could-hurt", HARM_TO_OTHERS, CONCERN,
                "\\b(?:feel like|afraid|scared|worried|frightened) (?:that )?i (?:could|might|will|would) (?:really )?"
                + "(?:hurt|kill|harm|attack|snap and hurt) (?:someone|somebody|people|anyone|him|her|them|my \\w+)\\b");
        strong("others.prison", HARM_TO_OTHERS, HIGH,
                "\\b(?:worth|happy to|happily|willing to|do not care if i|would gladly|would happily) (?:go(?:ing)? to"
                + "|do(?:ing)?|serve) (?:prison|jail|time|life)\\b|\\bi will do time\\b|\\b(?:see|watch|make) (?:him"
                + "|her|them) (?:bleed|suffer|beg|scream|cry in pain)\\b|\\b(?:he|she|they) (?:deserves?|deserve) to"
                + " (?:die|suffer|be hurt|bleed|be dead)\\b|\\b(?:snap|break|wring) (?:his|her|their) (?:neck|legs"
                + "|arms|jaw|fingers)\\b", "unless:\\b(?:figuratively|joking|kidding|lol|haha|jk)\\b");
        strong("others.get-him", HARM_TO_OTHERS, HIGH,
                "\\b(?:i will|ill|i am going to|going to|gonna) (?:end|finish|do in|get|wreck|destroy|ruin|put) (?:him|her"
                + "|them)(?: in| through| off| for good| once and for all)?\\b(?! (?:a|some|to|back|home|up|out|off (?:at"
                + "|the bus)|tea|dinner|lunch|from)\\b)|\\bwhen i get my hands on (?:him|her|them)\\b|\\b(?:he|she"
                + "|they) will not be breathing\\b|\\b(?:the last thing (?:he|she|they) (?:ever )?does)\\b|\\brun"
                + " (?:him|her|them) off the road\\b|\\b(?:hurt|kill) (?:them|him|her) like (?:they|he|she) hurt"
                + " me\\b|\\bthey will all pay\\b|\\bi have got (?:his|her|their) address\\b(?! so (?:i|we) can (?:send|post"
                + "|drop|pop)| for the (?:card|invite|invitation|party|present))",
                "unless:\\b(?:figuratively|joking|kidding|lol|haha|jk|a present|a gift|tickets|a card)\\b");
        strong("others.dead-man", HARM_TO_OTHERS, HIGH,
                "\\b(?:if|when|next time) (?:he|she|they)\\b[^.!?]{0,40}\\b(?:he|she|they) (?:is|are) (?:dead|done|finished)"
                + "\\b|\\b(?:he|she) is a dead (?:man|woman)\\b|\\bsomeone is going to get (?:hurt|killed)\\b|\\bmake"
                + " sure (?:he|she|they) (?:never|can not|will not|will never) (?:walks?|walk|talks?|hurts?|sees?|breathes?)"
                + " (?:again|anyone)\\b|\\bwaiting for (?:him|her|them) when (?:he|she|they) (?:gets?|come|comes) out\\b"
                + "|\\b(?:could|would|will|going to) end (?:him|her|them)\\b|\\bbreak every bone in (?:his|her|their)"
                + " body\\b|\\bcarrying (?:him|her|them) out\\b",
                "unless:\\b(?:figuratively|joking|kidding|lol|haha|jk|dead ringer|dead to me)\\b");
        weak("others.lesson", HARM_TO_OTHERS, HIGH,
                "\\b(?:he|she|they) (?:will not|will never|is not going to|are not going to) (?:see it coming|walk"
                + " away|get away with it|hurt anyone again|know what hit)\\b|\\bteach (?:him|her|them) a lesson\\b"
                + "|\\bwait(?:ing)? for (?:him|her|them) (?:outside (?:his|her|their)|after (?:work|school|his|her)|to (?:come"
                + " out|leave))\\b|\\bi know (?:his|her|their)"
                + " (?:shift|routine|schedule|movements|timetable)\\b|\\bsharpen(?:ed|ing)? (?:a|the|my) (?:knife"
                + "|blade|machete|axe)\\b|\\b(?:torch|burn|key|smash up|trash) (?:his|her|their) (?:car|house|flat"
                + "|place)\\b|\\bshaking with (?:rage|anger)\\b|\\b(?:i am|i feel) (?:so )?(?:angry|furious|full of"
                + " rage) i could\\b");
        weak("others.act", HARM_TO_OTHERS, HIGH,
                "\\bi (?:hit|punched|slapped|kicked|choked|strangled|stabbed|hurt|attacked|beat|shook) (?:my (?:\\w+"
                + " )?(?:baby|son|daughter|kid|child|partner|wife|husband|girlfriend|boyfriend|mum|mom|dad)|him|her"
                + "|the baby)\\b(?! back)");
    }

    // ---------------------------------------------------------------- overdose
    static {
        strong("overdose.stockpile", OVERDOSE, HIGH,
                "\\b(?:saving|saved|save|stockpil\\w*|hoard\\w*|stash\\w*|squirrel\\w*|building up|hiding|hidden"
                + "|hid) (?:up )?{DET}{MED}\\b|\\b(?:collecting|collected|gathering|gathered) (?:all )?(?:my \\w+'s"
                + "|my \\w+s|his|her|their|\\w+'s) (?:\\w+ )?{MED}\\b|\\bholding (?:\\w+ ){0,2}back (?:from|of)"
                + " (?:every|each|my) (?:refill|prescription|script|repeat)\\b|\\bsave them (?:for|until) (?:when"
                + "|the day|later)\\b|\\b(?:stopped|stop|not) taking {DET}{MED} so (?:i can|that i can|i could|to)"
                + " (?:save|keep|stockpile|have)\\b|\\b(?:got|have|has) (?:\\d+|a few|several|a|two|three|four|five"
                + "|six) (?:months?|weeks?|boxes|bottles|packets|packs|strips|years?)(?:'s)? (?:worth )?of {MED}\\b"
                + "[^.!?]{0,25}\\b(?:in a|in the|in my|hidden|stashed|saved|put away|shoebox|drawer|box)\\b",
                "unless:\\b(?:money|pounds|dollars|for a holiday|up for)\\b[^.!?]{0,20}\\b(?:prescription|dose)\\b");
        strong("overdose.counting", OVERDOSE, HIGH, "\\bcount(?:ing|ed)? {DET}{MED}\\b",
                "unless:\\b(?:dosette|organi[sz]er|pharmacist|pill box|weekly box|blister|pill tracker)\\b");
        strong("overdose.how-many", OVERDOSE, HIGH,
                "\\bhow (?:many|much) (?:of )?{DET}(?:\\w+ ){0,2}(?:would|will|does|do|did|could) it take\\b"
                + "|\\bhow (?:many|much) {DET}{MED} (?:would|will|does|to) (?:kill|it take|be fatal|be lethal|do it)"
                + "\\b|\\b(?:lethal|fatal|deadly|toxic) (?:dose|amount|level|quantity)\\b|\\benough to (?:not wake"
                + " up|never wake up|die|kill me|do it|end it|sleep forever|stop my heart)\\b|{MED}[^.!?]{0,40}"
                + "\\b(?:would|will|could|might) (?:it )?(?:do it|kill me|be enough|be fatal|finish me)\\b",
                "unless:\\b(?:for (?:my|the) (?:cat|dog|pet)|too much sleep|of coffee)\\b");
        strong("overdose.took", OVERDOSE, IMMINENT,
                "\\b(?:took|taken|take|taking|swallowed|swallow|downed|necked|popped|had) (?:about |around |like"
                + " |over |almost |nearly |maybe |probably |already )?(?:[1-9]\\d|\\d{3}|all of|a handful"
                + "|handfuls|a bunch|loads|lots|a lot|too many|too much|half|the rest|everything|the whole"
                + " (?:bottle|box|packet|pack|strip|lot)|what was left|what is left|the lot|a whole (?:bottle|box"
                + "|packet|pack)|double|triple|way more|a few extra|a load|a load of) (?:of )?{DET}(?:\\w+ )?{MED}\\b"
                + "|\\btake everything in (?:the|my) (?:cabinet|cupboard|drawer|medicine cabinet|bathroom)\\b",
                "unless:\\b(?:(?:is it|is that|is this) (?:ok|okay|safe|alright|bad|normal)|can (?:i|you)|should i"
                + "|allowed)\\b");
        strong("overdose.take-all", OVERDOSE, HIGH,
                "\\b(?:going to|gonna|will|want to|about to|plan to|planning to|ready to|i could|should i|thinking"
                + " (?:about|of)|tempted to) (?:just )?(?:take|swallow|down|neck) (?:all|every(?:thing| last one)|the"
                + " (?:whole|entire) (?:bottle|box|packet|pack|lot|strip)|them all|the lot|the rest|all of (?:them"
                + "|it))\\b|\\b(?:took|swallowed|downed|necked) (?:them all|all of them|the lot|the whole (?:bottle"
                + "|box|packet|pack|strip)|every last one|the rest of (?:them|the))\\b",
                "with:\\b(?:pills?|tablets?|meds|sleepers|sleeping|prescription|painkillers|paracetamol|bottle|packet"
                + "|box|strip|cabinet|insulin)\\b");
        strong("overdose.more-than", OVERDOSE, HIGH,
                "\\b(?:took|taken|take|taking|swallowed|injected) (?:way |a lot |loads )?more (?:\\w+ ){0,2}than (?:i"
                + " should|prescribed|i am supposed to|the dose|i was told|i am meant to|i have ever)\\b");
        strong("overdose.enough", OVERDOSE, HIGH,
                "\\bwould (?:\\d+|a|the|my|all|half) (?:\\w+ ){0,3}be enough\\b",
                "with:\\b(?:pills?|tablets?|meds|sleepers|sleeping|prescription|painkillers|paracetamol|ibuprofen"
                + "|insulin|\\w+pam|\\w+line|\\w+pine)\\b");
        strong("overdose.laid-out", OVERDOSE, IMMINENT,
                "\\b(?:lined up|laid out|counted out|set out|spread out|emptied out|popped out) (?:\\w+ ){0,3}(?:on|in"
                + " front of|next to)\\b|\\b{MED} (?:lined up|laid out|counted out|popped out)\\b|\\bemptied (?:my"
                + " |the |a )?(?:pill )?(?:bottle|box|packet|blister|blisters|pot)\\b|\\benough {MED} to (?:do it|die"
                + "|end it|kill me|not wake up|finish)\\b|\\bsaved up enough\\b",
                "with:\\b(?:pills?|tablets?|meds|sleepers|sleeping|prescription|painkillers|paracetamol|bottle|packet"
                + "|box|strip|capsules|insulin|\\w+pam|\\w+done|\\w+line|\\w+pine|codeine|tramadol|morphine)\\b");
        strong("overdose.going-to", OVERDOSE, HIGH,
                "\\b(?:going to|gonna|want to|about to|planning to|plan to|will|might|thinking about|thinking of)"
                + " (?:just )?(?:overdose|od|take an overdose)\\b|\\b(?:took|taken|swallowed|necked|downed)"
                + " (?:\\d+|a|two|three|four|five|six|several|a few) (?:packs|packets|boxes|strips|bottles|blisters)\\b");
        strong("overdose.at-once", OVERDOSE, IMMINENT,
                "\\b(?:took|taken|swallowed|take|taking|necked|downed)\\b[^.!?]{0,40}\\b(?:at once|in one go|all"
                + " together|at the same time|all of them)\\b",
                "with:\\b(?:pills?|tablets?|meds|sleepers|sleeping|prescription|painkillers|paracetamol|antidepressants"
                + "|insulin|\\w+pam|\\w+done|\\w+line|\\w+pine|codeine|tramadol|morphine|capsules)\\b");
        strong("overdose.took-quantity", OVERDOSE, IMMINENT,
                "\\b(?:took|taken|swallowed|downed|necked|popped) (?:about |around |like |over |almost |nearly"
                + " |already )?(?:[1-9]\\d|\\d{3}|half|all of them|the rest|a handful|everything|too many"
                + "|too much|the lot|loads|a load)\\b", "with:\\b(?:pills?|tablets?|meds|sleepers|sleeping"
                + " pills|prescription|painkillers|bottle of \\w+|cabinet|cupboard|medicine|blister \\w+|packets?|boxes"
                + "|from the bathroom)\\b");
        strong("overdose.mix", OVERDOSE, HIGH,
                "\\b(?:mix|mixed|mixing|with|and) {DET}(?:\\w+ )?{MED} (?:with|and|on top of) (?:the |some |a |a"
                + " bottle of |half a bottle of )?{ALC}\\b|\\b{MED} with (?:the |some |a |a bottle of )?{ALC}\\b"
                + "|\\b(?:took|taken|swallowed|downed)\\b[^.!?]{0,40}\\bwith (?:the |some |a |a bottle of |half a"
                + " bottle of )?(?:vodka|gin|wine|beer|whisky|whiskey|rum|alcohol|booze)\\b",
                "unless:\\b(?:(?:is it|is that|is this) (?:ok|okay|safe|alright|bad)|can (?:i|you)|should i"
                + "|allowed|leaflet|interact\\w*|grapefruit)\\b");
        strong("overdose.word", OVERDOSE, HIGH, "\\boverdos(?:e|ed|ing)\\b|\\bod\\b", "+third",
                "unless:\\boverdose (?:awareness|prevention|training|kit|response|day)\\b|\\bnaloxone\\b"
                + "|\\bnarcan\\b|\\bwhat to do if\\b");
        weak("overdose.shops", OVERDOSE, HIGH,
                "\\bfrom (?:different|several|lots of|loads of|a few) (?:shops|chemists|pharmacies|stores|places)\\b");
        weak("overdose.secret", OVERDOSE, HIGH,
                "\\bso (?:nobody|they do not|the pharmacist does not) (?:notices|notice|gets suspicious|asks|finds"
                + " out|knows)\\b");
        weak("overdose.buying", OVERDOSE, HIGH,
                "\\b(?:buying|bought|stocking up on|buy) (?:\\w+ ){0,2}(?:paracetamol|tylenol|acetaminophen|ibuprofen"
                + "|aspirin|painkillers|sleeping (?:pills|tablets)|pills|tablets)\\b", "unless:{MEDICAL}");
        weak("overdose.symptoms", OVERDOSE, HIGH,
                "\\b(?:floating away|heart is racing|heart racing|can not breathe|going numb|slurring|can not keep"
                + " my eyes open|throwing up|vomiting|my heart (?:is going to|will) (?:give out|stop))\\b");
        weak("overdose.stash", OVERDOSE, HIGH,
                "\\ball in one place\\b|\\bin a shoebox\\b|\\bin case i need them\\b|\\bin the drawer\\b.{0,20}"
                + "\\b\\d+ now\\b|\\bi have a lot\\b");
        strong("overdose.took-too-much", OVERDOSE, IMMINENT,
                "\\b(?:scared|worried|think|afraid) (?:that )?i (?:took|have taken|had|did) too (?:much|many)\\b"
                + "|\\btook way more than\\b");
    }

    // ---------------------------------------------------------------- relapse
    static {
        strong("relapse.used-again", RELAPSE, HIGH,
                "\\b(?:used|using|use|smoked|smoking|snorted|snorting|injected|injecting|shot up|shooting up|scored"
                + "|relapsed|relapsing|slipped|slipped up|got high|getting high|got drunk|getting drunk|drank"
                + "|drinking|drunk|back on (?:the )?(?:{ALC}|{DRUG}|drink|bottle|booze)) (?:again|for the first"
                + " time in|after \\d+)\\b|\\b(?:used|shot up|injected|snorted|scored|relapsed|got high|got"
                + " wasted|smoked crack|took (?:heroin|coke|meth|ket|mdma)) (?:hard |badly |big time )?(?:tonight"
                + "|last night|today|this (?:morning|weekend|afternoon|evening)|yesterday)\\b",
                "+third",
                "unless:\\b(?:drinking (?:water|tea|coffee|juice)|using (?:the|my|a|an|it|this|that))\\b");
        strong("relapse.relapsed", RELAPSE, HIGH,
                "\\b(?:i have |i |just )?(?:relapsed|had a relapse|slipped up|fell off the wagon|broke my (?:sobriety"
                + "|clean time|streak)|lost my (?:sobriety|clean time)|threw away (?:my )?(?:sobriety|clean time"
                + "|\\d+ (?:days|weeks|months|years)))\\b", "+third",
                "unless:\\brelapsed? (?:on|with|into) (?:self[ -]?harm|cutting|sh|bad habits|old habits|old patterns"
                + "|depression|negative)\\b");
        weak("relapse.dealer", RELAPSE, HIGH,
                "\\b(?:outside|at|in|near|going to|heading to|on my way to|waiting (?:for|outside|at)|called"
                + "|calling|rang|ringing|texted|texting|messaged|messaging|meeting|met|sitting outside) (?:my |the"
                + " |his |her |a )?(?:old )?(?:dealer|plug|connect)(?:'s| s|s)?\\b|\\b(?:dealer|plug|connect)"
                + "(?:'s)? (?:place|house|flat)\\b", "+coping");
        strong("relapse.picked-up", RELAPSE, HIGH,
                "\\bpicked up (?:from|off) (?:my |the |an |a )?(?:old )?(?:dealer|connect|plug|guy|mate|contact)\\b"
                + "|\\bscored (?:from|off)\\b|\\bbought (?:a |some )?(?:gear|smack|heroin|coke|crack|meth|ket"
                + "|gram|bag|baggie|eighth|point)\\b");
        weak("relapse.bought", RELAPSE, HIGH,
                "\\b(?:bought|buying|got|picked up|grabbed|ordered) (?:a |some |more |another |the |a bottle of |two"
                + " bottles of |a few )?(?:\\w+ )?(?:bottle\\b(?! of {NONALC})|gram|bag|baggie|eighth|ounce|cans|crate|six ?pack"
                + "|vodka|gin|whisky|whiskey|wine|beer|cider|rum|booze|gear|coke|cocaine|crack|heroin|smack|meth"
                + "|ket|weed|spice)\\b|\\bbought more\\b", "+coping",
                "unless:\\b(?:non[- ]?alcoholic|alcohol[- ]free|0\\.0|zero|mocktail|for (?:my|the) (?:mum|mom|dad"
                + "|party|guests|wedding))\\b");
        strong("relapse.in-front", RELAPSE, HIGH,
                "\\b(?:a |the )?(?:drink|drinks|bottle|glass|pint|can|cans|beer|vodka|wine|gin|whisky|needle|line"
                + "|lines|pipe|bag|gram|spoon)(?: of (?!water|tea|coffee|juice|squash|milk|lemonade|pop|soda"
                + "|coke zero|diet)\\w+)? (?:in front of me|in my hand|ready|poured|in the basket|in my basket|in"
                + " my trolley|in my pocket|on the table in front)\\b|\\bneedle (?:is )?ready\\b",
                "unless:\\b(?:water|tea|coffee|juice|lemonade|mocktail|alcohol[- ]free|non[- ]alcoholic)\\b");
        weak("relapse.open", RELAPSE, HIGH,
                "\\b(?:it is|bottle is|cans are|beer is|wine is) open\\b|\\bopen on the table\\b|\\bpoured (?:a|myself"
                + " a) (?:drink|glass|large)\\b");
        weak("relapse.at-place", RELAPSE, HIGH,
                "\\b(?:i am|sitting|sat|standing|parked|stood) (?:at|in|outside|in the car park of|in front of|outside of)"
                + " (?:the |a )?(?:bar|pub|offy"
                + "|off[ -]?licen[cs]e|liquor store|bottle shop|offie|dealer'?s?|crack house)\\b|\\bat the (?:offy"
                + "|off licen[cs]e|off-licen[cs]e|liquor store|bottle shop)\\b", "+coping");
        strong("relapse.cant-stop", RELAPSE, HIGH,
                "\\bcan not stop (?:drinking|using|taking|smoking|injecting)\\b|\\bstill (?:high|drunk|wasted|off my"
                + " face|smashed|out of it|hammered)\\b|\\bi am (?:high|drunk|wasted|off my face|smashed|hammered"
                + "|loaded) (?:right now|again|tonight|and)\\b");
        strong("relapse.days-using", RELAPSE, HIGH,
                "\\b(?:first|second|third|fourth|fifth|\\d+(?:st|nd|rd|th)?) day (?:of|in a row of) (?:using"
                + "|drinking|bingeing|being high)\\b|\\b(?:been|have been) (?:drinking|using) (?:since|all day|for"
                + " \\w+ days|non ?stop|every day)\\b|\\bon a (?:\\w+ ){0,2}(?:bender|binge)\\b|\\bfirst (?:line|drink|hit|pint|bottle|time using|time drinking"
                + "|bump|pill) in (?:a|\\d+|\\w+) (?:year|years|months?|weeks)\\b|\\bdid (?:my first |a |some |\\w+ )"
                + "(?:line|lines|bumps?)\\b|\\bback on (?:the )?(?:drugs|drink|booze|bottle|heroin|gear|smack|coke"
                + "|crack|meth|pills|weed|ket)\\b");
        weak("relapse.going-to", RELAPSE, HIGH,
                "\\b(?:going to|about to|want to|need to|i will|i might|tempted to|ready to) (?:just )?(?:use\\b(?!"
                + " (?:the|my|a|an|this|that|your|our|his|her|these|those|it to|them)\\b)|drink\\b(?!(?: \\w+){0,3} (?:water|tea"
                + "|coffee|juice|milk|smoothie|squash|plenty|enough)\\b)|get (?:high|drunk|wasted"
                + "|smashed|loaded|on it)|score|pick up|have a drink|have a few|do (?:it all|a line|some lines|the"
                + " lot|the whole lot))", "+coping");
        strong("relapse.going-to-relapse", RELAPSE, HIGH,
                "\\b(?:going to|about to|gonna|will|i am) (?:relapse|relapsing)\\b", "+coping",
                "unless:\\b(?:but|and) i have (?:my|a) (?:plan|sponsor|meeting)\\b");
        weak("relapse.one-more", RELAPSE, HIGH,
                "\\bjust one more (?:time|drink|hit|line|go|night|bottle)\\b|\\bone (?:drink|hit|line|more) (?:will"
                + " not|can not) hurt\\b|\\bkeep telling myself (?:just )?one more\\b");
        strong("relapse.drank-bottle", RELAPSE, HIGH,
                "\\bdrank (?:the whole|a whole|a|two|three|\\d+|half a|most of (?:a|the)) (?:bottle|bottles|litre"
                + "|liter|crate)\\b|\\b(?:drive|driving|drove) (?:to get|for) more\\b|\\bdrunk (?:and )?driving\\b",
                "unless:\\bdrunk driving (?:adverts?|ads?|campaigns?|awareness|course|laws?|statistics)\\b");
        strong("relapse.just", RELAPSE, HIGH,
                "\\b(?:i |i have |have )?just (?:scored|used|relapsed|picked up|drank|shot up|injected|snorted|smoked"
                + " (?:crack|meth|gear|heroin)|had a drink|had a few)\\b", "+third",
                "unless:\\b(?:goal|points?|a try|a hat|exam|test|marks?|percent|%|water|tea|coffee|juice)\\b");
        strong("relapse.slipped", RELAPSE, HIGH,
                "\\b(?:slipped|slipped up|used|drank|drinking|using) (?:again )?(?:last night|tonight|this (?:morning"
                + "|weekend|evening)|earlier today)\\b(?![^.!?]*\\b(?:water|tea|coffee|juice|lemonade)\\b)", "+third",
                "with:\\b(?:sober|clean|sobriety|recovery|relapse|sponsor|days|months|years|again|dealer|drink|drunk"
                + "|high|vodka|gin|wine|beer|booze|gear|heroin|coke|meth)\\b");
        strong("relapse.drunk-now", RELAPSE, HIGH,
                "\\bi am (?:so |really |very |completely |absolutely )?(?:drunk|wasted|hammered|smashed|off my face"
                + "|out of my head|out of it)\\b(?! (?:on (?:life|love|happiness)|with (?:tiredness|happiness))\\b)");
        strong("relapse.to-get", RELAPSE, HIGH,
                "\\b(?:going|heading|off|went|go) (?:out |round |over )?(?:to (?:the |a |my )?\\w+(?:'s)? )?(?:\\w+ ){0,2}?to get"
                + " (?:high|drunk|wasted|smashed|hammered|off my face|loaded|on it)\\b");
        weak("relapse.bottle-home", RELAPSE, HIGH,
                "\\b(?:a|the) bottle (?:of \\w+ )?(?:in (?:the|my) (?:fridge|cupboard|bag|car|room|hand|coat)|at"
                + " home|on the side|next to me)\\b|\\bhad (?:two|three|four|five|a few|a couple|\\d+) (?:already"
                + "|drinks|beers|pints|glasses|shots|cans|lines)\\b", "+coping");
        strong("relapse.reset", RELAPSE, HIGH,
                "\\b(?:reset|resetting|restart|restarting|lost) (?:my )?(?:clock|counter|app|day count|days|date|chip"
                + "|sober date|clean date|streak|sobriety date)\\b|\\bback to (?:square one|day (?:one|1|zero|0))\\b"
                + "|\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:days|weeks|months|years) (?:gone|down"
                + " the drain|wasted|thrown away)\\b|\\b(?:\\w+) drinks? in\\b(?! (?:the|a|my)\\b)|\\bordered (?:another"
                + "|more|a) (?:bottle|drink|pint|round|bag|gram)\\b|\\bended up (?:at|in|outside) the (?:bar|pub|offy"
                + "|off licen[cs]e|off-licen[cs]e|liquor store|dealer'?s?)\\b|\\bdid (?:a|some|two|three) (?:line|lines"
                + "|bumps?)\\b|\\b(?:on my way|heading|walking|driving|going) (?:to|down to) (?:the |my )?(?:off[ -]"
                + "?licen[cs]e|offy|offie|liquor store|dealer'?s?|bottle shop)\\b");
        weak("relapse.gave-in", RELAPSE, HIGH,
                "\\b(?:i )?(?:caved|gave in|gave up|messed up|screwed up|fucked up|slipped|failed)\\b(?![^.!?]*\\b(?:exam"
                + "|test|diet|job|interview|driving)\\b)|\\b(?:want|need|craving|crave|dying for) (?:a|one) (?:drink"
                + "|hit|line|fix|bump|smoke)\\b(?! of (?:water|tea|coffee|juice))|\\b(?:i am|i feel) (?:so )?(?:tipsy"
                + "|buzzed|stoned|high)\\b(?! (?:on life|spirits)\\b)", "+coping",
                "with:\\b(?:drink|drank|drinking|drunk|use|used|using|sober|clean|sobriety|booze|wine|beer|vodka|gin"
                + "|cider|pub|bar|dealer|gear|coke|heroin|weed|crack|meth|sponsor|relapse|relapsed|meeting|aa|na)\\b");
        strong("relapse.been-high", RELAPSE, HIGH,
                "\\b(?:been|have been|was|am|i am) (?:high|drunk|stoned|wasted|off my face|on it|on the gear|on the"
                + " drink) (?:for|since|all)\\b|\\bhungover again\\b|\\bblacked out (?:again|last night)\\b"
                + "|\\b(?:had|have had) (?:a|my first|one) (?:drink|pint|glass of wine|beer)\\b(?! of (?:water|tea"
                + "|coffee|juice)\\b)|\\bi deserve a drink\\b|\\bscrew (?:my )?(?:sobriety|recovery|being clean)\\b"
                + "|\\b(?:copped|scored|got) (?:some|a bag of|a gram of|a bit of) (?:gear|smack|coke|crack|heroin|meth"
                + "|ket|pills|weed)\\b|\\b(?:smoked|did) a (?:rock|bag|bump|line|pipe)\\b", "+third",
                "unless:\\b(?:non[- ]?alcoholic|alcohol[- ]free|0\\.0|mocktail|lemonade)\\b");
        strong("relapse.secret", RELAPSE, HIGH,
                "\\b(?:bottle|vodka|booze|cans|gin|wine|whisky|drink) (?:is |are )?hidden\\b|\\bhid(?:ing|den)?"
                + " (?:a |the |my )?(?:bottle|vodka|booze|cans|gin|drink)\\b|\\bdrinking in secret\\b|\\b(?:vodka|gin)"
                + " in a (?:water )?bottle\\b|\\bthe cravings? won\\b|\\bcaved and (?:bought|had|drank|used|scored"
                + "|called)\\b|\\bcould not stop at one\\b|\\bday (?:\\d+|two|three|four|five) of (?:a|the|my) (?:binge"
                + "|bender)\\b|\\bi am off my (?:head|face|tits|nut|trolley)\\b|\\bbeen at it since\\b(?=[^.!?]*"
                + "\\b(?:drink|bottle|vodka|booze|cans|wine|gin|pub|using)\\b)");
        weak("relapse.sober-count", RELAPSE, CONCERN,
                "\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:years?|months?|days?|weeks?) (?:sober"
                + "|clean)\\b");
        weak("relapse.cravings", RELAPSE, CONCERN,
                "\\b(?:cravings?|urges?) (?:to (?:use|drink) )?(?:are |is )?(?:too|so) (?:strong|bad|much|loud)\\b"
                + "|\\bcan not stop thinking about (?:using|drinking|a drink|getting high|the bottle|the pub)\\b"
                + "|\\b(?:want|need|craving) a drink so (?:bad|badly|much)\\b", "+coping");
    }

    // ---------------------------------------------------------------- generic cues (support another finding)
    static {
        weak("cue.alone", null, CONCERN,
                "\\bnobody knows where i am\\b|\\bso nobody finds me\\b|\\b(?:alone|by myself) (?:and|in|at|right)\\b"
                + "|\\bi am by myself\\b|\\bdo not want to call anyone\\b|\\bplease do not tell anyone\\b");
        weak("cue.resolve", null, CONCERN,
                "\\bi mean it\\b|\\bnot (?:like )?a joke\\b|\\bnot joking\\b|\\bi am serious\\b|\\bready to do it\\b"
                + "|\\b(?:go and|going to|gonna|about to) do it (?:now|tonight|today)\\b|\\bactually do it\\b"
                + "|\\bthis time\\b|\\bsticking to it\\b|\\bgoing ahead with it\\b|\\bno going back\\b|\\bmind is made up\\b"
                + "|\\bi am going in\\b(?= *(?:[.!?,]|$|now))|\\band not feel a thing\\b|\\bwithout a second thought\\b");
        weak("cue.dont-care", null, CONCERN,
                "\\bi do not care (?:anymore|if i wake up|what happens)\\b|\\bi do not care\\b(?=[.!?,]|$)"
                + "|\\bwhat is the point\\b");
        weak("cue.cant-stop", null, CONCERN, "\\bcan not stop\\b(?! (?:thinking about (?:work|food|my ex)|crying"
                + "|laughing|eating|smiling)\\b)|\\bkeep (?:thinking about|picturing)\\b");
        weak("cue.scared", null, CONCERN, "\\b(?:scared|frightened|terrified|panicking)\\b");
        weak("cue.means", null, HIGH,
                "\\b(?:in front of me|in my hand|right here|next to me|ready|loaded|by the door|in the drawer"
                + "|in (?:the|my) (?:cabinet|cupboard))\\b");
        weak("cue.again", null, CONCERN, "\\bagain\\b|\\bon purpose\\b");
        weak("cue.keep", null, CONCERN, "\\bi keep \\w+ing\\b|\\btrying to decide\\b|\\btalking myself out of"
                + "\\b|\\bfighting the urge\\b");
    }

    // ---------------------------------------------------------------- generalising layer
    // Broader combinations written against a validation set of new wordings (fresh.tsv), not against dev: a concept
    // family (hopelessness and burden, death and ending, means, intent against someone, substances and using now)
    // joined to first-person, present or future framing. Each raises a signal alone; the usual checks (negation, past
    // narrative, reported speech, someone else, coping, explained absence, accident) still discount it.
    static {
        strong("suicide.g.hopeless-self", SUICIDE, CONCERN,
                "\\b(?:i am|i feel|feel like|i have been|i have become|i have always been|i will always be|i am just|i am"
                + " only|being) (?:(?!not\\b|never\\b|no\\b)\\w+ ){0,2}?(?:a burden|such a burden|worthless|hopeless|a waste of space|a waste of"
                + " (?:air|oxygen|life)|a problem for everyone)\\b"
                + "|\\bno (?:reason|point) (?:in |for me )?(?:to )?(?:stick(?:ing)? around|liv(?:e|ing)|being (?:here|alive"
                + "|around)|go(?:ing)? on|carry(?:ing)? on|stay(?:ing)?(?: here| alive| around)?|keep(?:ing)? going"
                + "|wak(?:e|ing) up|anything|any of (?:it|this)|me being here|it all|trying anymore)\\b"
                + "|\\b(?:had|have had|i have had) enough of (?:living|life|being alive|existing|everything|it all|this"
                + " life)\\b|\\b(?:life|living|my life) (?:is not|is no longer|not|is not really) worth (?:living|it)\\b"
                + "|\\bnothing (?:left )?to live for\\b|\\bno (?:will|reason) to live\\b"
                + "|\\b(?:world|everyone|everybody|they|my family|my kids|people|the family|you all|he|she) (?:would|will"
                + "|would all|will all) be (?:better|happier|fine|okay|ok|better off|happier off) (?:off )?without me\\b"
                + "|\\bwithout me in it\\b|\\bwish i (?:had|would have|would) never (?:been born|existed)\\b"
                + "|\\b(?:fade|slip|drift) away\\b(?! (?:on holiday|for a bit|for the weekend|into (?:sleep|a nap)))"
                + "|\\b(?:tired|sick|exhausted) of (?:being alive|living|existing|life|being here|waking up)\\b"
                + "|\\bcan not (?:go on|keep going|carry on|do this|keep doing this|live) (?:like this )?(?:much longer"
                + "|anymore|any longer|for much longer)\\b|\\bno way out (?:except|but|other than|apart from)\\b"
                + "|\\b(?:done|finished) with (?:life|living|everything|it all|this life|being alive)\\b"
                + "|\\bgive up on (?:life|living|everything|myself)\\b|\\bwant (?:it all|everything|all of it) to end\\b"
                + "|\\bi want out\\b|\\b(?:time|ready) for me to go\\b(?=[ ,]*(?:for good|forever|now\\b|[.!?]*$))",
                "+third", "+explained",
                "unless:\\b(?:inner critic|told it to|(?:told|tells|telling) me (?:that )?i am|depression talking|but i (?:am|feel) (?:ok|okay|fine|safe|better)|i am (?:ok|okay|safe)\\b"
                + "|not anymore|used to feel|(?:exam|diet|job|course|work|crossword|rain|weather|house|renovation)s?\\b"
                + "|last (?:session|group|meeting)|talk(?:ed|ing) (?:too much|a lot|so much))");
        strong("suicide.g.means-rumination", SUICIDE, CONCERN,
                "\\b(?:cliffs?|bridges?|ledges?|rooftops?|the roof|the edge|train tracks|the tracks|railway|platform"
                + "|the river|the sea|the quarry|rope|noose|multi[- ]?storey|car park roof)\\b(?=[^.!?]*\\b(?:i keep"
                + " (?:going|thinking|looking|visiting|driving|walking|staring|coming)|i have been (?:going|looking"
                + "|sitting|standing|visiting|staring)|can not stop (?:thinking|looking)|keeps? (?:pulling|drawing)"
                + " me)\\b)|\\b(?:sitting|standing|been sitting|been standing) (?:on|at) (?:the )?edge of (?:the|a)"
                + " (?:roof|cliff|bridge|platform|building)\\b",
                "+explained", "+third", "unless:\\b(?:view|sunset|walk(?:ing)? the dog|photos?|fishing|holiday)\\b");
        strong("suicide.g.ending", SUICIDE, HIGH,
                "\\bif i am not (?:here|around|on|at|in)\\b[^.!?]*\\b(?:that is why|you will (?:all )?know|you know"
                + " why)\\b|\\b(?:tonight|today|now|this is (?:the night|the day|it)),? i (?:finally |will finally |will"
                + " |am going to )?(?:do it|go through with it|end it|end things)\\b|\\bi (?:will|am going to)"
                + " (?:finally )?go through with it\\b|\\bmake it look like an accident\\b|\\b(?:painless|quick"
                + "|quickest|easiest|best|surest) (?:way|ways|method|methods) to (?:die|go|do it|end it|end things)\\b"
                + "|\\bways to (?:die|end it|end my life|kill myself)\\b|\\b(?:go to sleep|sleep|fall asleep|go away"
                + "|leave|disappear|walk away|drift off) and (?:just )?(?:never|not) (?:come back|wake up|return)\\b"
                + "|\\b(?:can not|do not|stopped|no longer|not) (?:\\w+ ){0,1}?see(?:ing)? (?:a|any|my) (?:future"
                + "|tomorrow|way forward|next year)\\b|\\ba future with me in it\\b|\\bno future for me\\b"
                + "|\\b(?:would|will) be better (?:off )?(?:[\\w,]+ ){0,5}?without me\\b|\\b(?:without me )?(?:dragging|holding|bringing)"
                + " (?:them|everyone|you all|my family|my kids|people) (?:down|back)\\b",
                "+explained", "+third",
                "unless:\\b(?:depression talking|i am (?:ok|okay|safe)|holiday|trip|party|meeting|running"
                + " late|signal|wifi|on leave)\\b");
        strong("selfharm.g.act-again", SELF_HARM, HIGH,
                "\\b(?:did it|done it|went at it|started) (?:again )?(?:on|to|into) my {BODY}\\b"
                + "|\\b(?:long sleeves|hide (?:it|them|the (?:marks|cuts|burns))|cover (?:it|them) up)\\b[^.!?]*\\b(?:what"
                + " i did|last night|again|fresh|this morning|earlier)\\b"
                + "|\\b(?:need|want|crave|craving|miss|missing) (?:\\w+ ){0,3}?(?:cutting|the blade|the razor|burning"
                + " myself|hurting myself|to cut|to burn myself)\\b"
                + "|\\bi keep (?:\\w+ ){0,2}?(?:hurt|cut|burn|hit|punch|scratch)\\w* (?:\\w+ ){0,1}?(?:myself|my (?:own"
                + " )?{BODY}|my skin)\\b",
                "+accident", "+third", "unless:\\b(?:sunburn|shaving|haircut|cooking)\\b");
        strong("others.g.intent-act", HARM_TO_OTHERS, HIGH,
                "\\b(?:thinking about|thinking of|fantasi[sz]ing about|imagining|picturing|planning|plan|want to"
                + "|going to|about to|ready to|will|i will|i would love to) (?:\\w+ ){0,1}?(?:poison\\w*|stab\\w*"
                + "|strangl\\w*|smother\\w*|shoot\\w*|shot|run\\w* (?:him|her|them|\\w+) over|hurt\\w*|kill\\w*"
                + "|push\\w*|batter\\w*|beat\\w*|burn\\w*|attack\\w*|glass\\w*|knif\\w*|choke\\w*|throttl\\w*)"
                + " (?:him|her|them|his|their|{PERSON})\\b|\\b(?:have|got|found|know) (?:his|her|their) (?:new )?address\\b"
                + "(?=[^.!?]*\\b(?:knife|gun|bat|hammer|petrol|machete|axe|crowbar|acid|blade)\\b)",
                "+third", "unless:\\b(?:figuratively|metaphorically|joking|kidding|lol|haha|jk|not literally|game"
                + "|film|movie|book|feelings)\\b");
        strong("overdose.g.stockpile", OVERDOSE, HIGH,
                "\\b(?:keeping|holding|putting|setting|saving|stashing|hiding|hoarding|collecting|stockpiling|squirrel\\w*)"
                + " (?:back |aside |away |up )?(?:\\w+ ){0,3}?{MED}\\b(?! (?:in (?:a|the) (?:locked|lock)|organi[sz]er"
                + "|dosette))|\\b(?:took|taken|take|taking|swallowed|swallow|had) (?:a lot |way |much |loads |far )?more"
                + " than (?:my|the|i should|prescribed|usual|i am meant)\\b|\\b(?:took|take|taken|swallowed|necked"
                + "|downed) all (?:of )?(?:them|(?:the|my|his|her|\\w+s|\\w+'s) (?:\\w+ ){0,2}?{MED})\\b"
                + "|\\b(?:stash|hoard|stockpile|supply) of {MED}\\b",
                "+third", "unless:\\b(?:like the doctor said|as prescribed|as the doctor|vitamins?|supplements?)\\b");
        strong("relapse.g.on-way", RELAPSE, HIGH,
                "\\b(?:on my way|going|off|heading|about|leaving|driving) to (?:score|use|get high|get drunk|get wasted"
                + "|get smashed|buy (?:gear|coke|smack|a bottle|drink|booze|vodka|wine)|the offy|the off licen[cs]e)\\b"
                + "|\\b(?:got|have|bought|there is) (?:some |a bag of |a gram of |a bottle of )?(?:gear|coke|smack|heroin"
                + "|crack|meth|ket|vodka|booze)\\b[^.!?]*\\b(?:nobody|no one|alone|by myself|tonight|right now)\\b"
                + "|\\b(?:not going to|will not|am not) hold(?:ing)? back\\b(?=[^.!?]*\\b(?:drink|drinking|pub|bar"
                + "|using|high|drunk|tonight)\\b)|\\b(?:drinking|pub|bar|using|high|drunk)\\b[^.!?]*\\bnot going to hold"
                + " back\\b|\\bsobriety can wait\\b|\\b(?:fuck|screw|sod) (?:sobriety|recovery|being sober|being clean)\\b",
                "+coping", "+third");
        strong("suicide.g.ending-more", SUICIDE, HIGH,
                "\\bnobody (?:will|would) (?:have to|need to) (?:worry about|deal with|look after|put up with|think"
                + " about) me\\b|\\byou can (?:all )?guess why\\b|\\bstop being (?:a person|alive|human|here|me|a"
                + " thing)\\b|\\bi am going to jump\\b(?! (?:on|in|into|at|for|up|over|around|out of (?:a|the) plane))"
                + "|\\bgoodbye (?:messages|letters|notes|texts|posts|videos)\\b|\\bno (?:version of (?:the|my) )?future"
                + " (?:where|in which) i\\b|\\b(?:go|goes|going) (?:black|dark|quiet) (?:forever|for good|permanently)\\b",
                "+explained", "+third");
        strong("selfharm.g.wounds", SELF_HARM, HIGH,
                "\\bcarv\\w* (?:the pain|it|this|the feeling) out\\b|\\b(?:cuts?|burns?|wounds?) (?:are|is) (?:getting"
                + " )?(?:infected|deeper|worse|reopening)\\b(?![^.!?]*\\bfrom the cat\\b)|\\brelapsed with the (?:razor"
                + "|blade|lighter|knife)\\b", "+third", "+accident");
        strong("overdose.g.means-now", OVERDOSE, HIGH,
                "\\b{MED}\\b[^.!?]*\\b(?:going to|will|about to) (?:take|swallow|neck|down) (?:them|it|the lot|all"
                + " of them|the rest)\\b|\\bemptied (?:my|the|all my) (?:prescription|pills|tablets|meds|medication)"
                + " (?:into|onto|out)\\b|\\b(?:staring|looking|keep looking) at (?:the|my) (?:medicine (?:cabinet"
                + "|cupboard|box|drawer)|pills|tablets|meds)\\b(?=[^.!?]*\\b(?:all there|enough|i keep|tonight)\\b)"
                + "|\\bi keep (?:staring|looking) at (?:the|my) (?:medicine (?:cabinet|cupboard|box|drawer)|pills"
                + "|tablets|meds)\\b", "+third");
        strong("relapse.g.using-run", RELAPSE, HIGH,
                "\\b(?:been|have been|i have been) (?:using|drinking|high|drunk|smoking crack|on it) (?:all|every|for"
                + " (?:a|\\d+|two|three|four|five)|since) (?:week|day|night|weekend|days|weeks|nights|friday|monday"
                + "|saturday|sunday|\\w+day)?\\b|\\b(?:using|drinking) (?:again )?and hiding it\\b", "+coping", "+third");
        strong("suicide.g.means-calling", SUICIDE, HIGH,
                "\\b(?:the )?(?:bridge|tracks|train|trains|river|sea|water|edge|ledge|cliff|roof|rope|pills|blade|gun)"
                + " (?:keeps?|is|are|has been|have been|keep) (?:calling|pulling|whispering|calling out|waiting for) (?:me|to me)\\b"
                + "|\\b(?:looking up|looked up|look up|googl\\w*|research\\w*|reading up on|worked out|working out)"
                + " (?:\\w+ ){0,3}?(?:how (?:much|long|high|tall|deep|many)|which|what) (?:\\w+ ){0,3}?(?:rope|drop"
                + "|fall|height|bridge|building|cliff|noose|knot|train|tracks|it takes to die|it would take)\\b"
                + "|\\b(?:which|what) (?:\\w+ ){0,2}?(?:bridge|crossing|building|car park|cliff|train|line|spot|place"
                + "|rope|method|tree|beam) (?:i would|i will|i am going to|to) (?:use|jump|do it|go to)\\b"
                + "|\\b(?:walk|walking|swim|swimming|drive|driving) (?:\\w+ ){0,1}into the (?:sea|river|lake|water|traffic"
                + "|canal)\\b|\\btrain tracks would be\\b|\\b(?:wrote|written|writing|left|leaving|finished) (?:a |my"
                + " |the )?(?:goodbye |suicide )?(?:note|letters? (?:to|for) everyone)\\b(?! (?:to my (?:younger|future"
                + "|older) self|for (?:school|work|the teacher|the milkman)))|\\bwho gets my (?:things|stuff|belongings"
                + "|cat|dog|flat|car)\\b|\\bplanning my (?:exit|way out|death|funeral|goodbye)\\b",
                "+explained", "unless:\\b(?:younger self|future self|therapy exercise|fundraiser|holiday|swim"
                + " (?:club|lesson)|my will is)\\b");
        strong("selfharm.g.means", SELF_HARM, HIGH,
                "\\b(?:want|need|crave|craving|miss|missing|itching|aching) (?:\\w+ ){0,2}?(?:the )?(?:sting|blade"
                + "|razor|cuts?|cutting|burn|lighter)\\b"
                + "|\\b(?:blade|razor|sharpener|scissors|lighter)s?\\b(?=[^.!?]*\\bi (?:keep|want|need|am going to|can not"
                + " stop|will)\\b)|\\bi (?:keep|kept|have been|am|want to|need to|am going to|going to|will) (?:\\w+"
                + " ){0,1}?(?:cut|cutting|scratch\\w*|burn\\w*|hit\\w*|punch\\w*|bang\\w*|carv\\w*|slic\\w*|slash\\w*"
                + "|hurt\\w*|bit\\w*|pick\\w*|starv\\w*) (?:\\w+ ){0,2}?(?:myself|my (?:own )?{BODY}|my skin|my head)\\b"
                + "|\\bmy (?:skin|body|arms?|legs?|thighs?) (?:is|are) the only (?:place|way|thing)\\b"
                + "|\\b(?:deserve|need) to (?:bleed|hurt|suffer|feel pain)\\b",
                "+accident", "+third", "unless:\\b(?:shaving|shave|wrapping|craft|haircut|birthday candles)\\b");
        strong("others.g.coming", HARM_TO_OTHERS, HIGH,
                "\\b(?:get|gets|getting|got|deserves?) what is coming (?:to (?:him|her|them))?\\b"
                + "|\\b(?:someone|somebody|people|he|she|they|that \\w+) (?:\\w+ ){0,3}?(?:is|are) going to get"
                + " (?:hurt|killed|stabbed|shot)\\b(?=[^.!?]*\\b(?:me|i)\\b)"
                + "|\\bi am going to (?:make|see) (?:him|her|them|\\w+) (?:pay|bleed|suffer|regret)\\b"
                + "|\\b(?:imagining|picturing|thinking about) (?:pushing|stabbing|hitting|strangling|choking|shooting)"
                + " (?:him|her|them|{PERSON})\\b(?=[^.!?]*\\b(?:i will|i am going to|do it|scared i)\\b)");
        strong("overdose.g.amount", OVERDOSE, HIGH,
                "\\bhow (?:many|much) (?:\\w+ ){0,3}?(?:would|will|does it take to|to|before) (?:\\w+ ){0,3}?(?:stop my"
                + " heart|kill|do it|be (?:enough|fatal|lethal|deadly)|not wake up|end it)\\b"
                + "|\\b(?:lethal|fatal|deadly|toxic|max(?:imum)?) dose\\b(?=[^.!?]*\\b(?:kill|die|dead|me|i|lethal"
                + "|fatal)\\b)"
                + "|\\b(?:necked|swallowed|downed|took|taken|take|taking|popped|neck|swallow|down) (?:a |the |my )?(?:full"
                + "|whole|entire) (?:strip|box|packet|pack|bottle|blister|tub|jar)\\b(?! of (?!{MED}))"
                + "|\\b(?:take|swallow|neck|down|taking|swallowing) (?:the lot|every (?:pill|tablet|capsule)|all (?:of )?"
                + "(?:them|the (?:pills|tablets|meds)|my {MED}))\\b|\\boverdo(?:ing)? it on (?:my|the) {MED}\\b",
                "+third", "unless:\\b(?:vitamins?|supplements?|as prescribed|pharmacist said|leaflet)\\b");
        strong("relapse.g.using-now", RELAPSE, HIGH,
                "\\b(?:see|seeing|call|called|calling|text|texted|texting|meet|meeting|ring|rang|message|messaged"
                + "|visit|visiting|go to|going to|went to|heading to|score from|picked up from|bought from) (?:my |the"
                + " )?(?:old )?(?:dealer|plug|connect)(?:'s)?\\b"
                + "|\\b(?:on|onto) my (?:second|third|fourth|fifth|sixth|seventh|\\d+(?:st|nd|rd|th)) (?:can|pint"
                + "|drink|beer|glass|bottle|line)\\b|\\bjust one (?:more )?(?:hit|line|bump|drink|pint)\\b(?! is)"
                + "|\\b(?:sitting|parked|standing|waiting|sat) (?:\\w+ ){0,6}?(?:bottle shop|off licen[cs]e|offy"
                + "|liquor store|dealer's)\\b"
                + "|\\bi (?:picked up|scored|used|relapsed|slipped|caved)\\b(?= *(?:tonight|today|again|this"
                + " (?:morning|evening|afternoon)|last night|an hour ago|[.!?]|$))"
                + "|\\b(?:been drinking|drinking again|using again) (?:since|all|and)\\b",
                "+coping", "+third");
        // Apart from the rule above so that the literal prefilter can skip that one on texts with only "use" or "bar".
        strong("relapse.g.screw-it", RELAPSE, HIGH,
                "\\b(?:fuck|screw|sod|f\\*+) it\\b[^.!?]*\\b(?:pub|bar|drink|drinking|offy|use|using|dealer|bottle"
                + "|off licen[cs]e|get high|get drunk|get wasted)\\b", "+coping", "+third");
    }

    // Third layer, written against a fifth batch of new wordings and the embedding experiment's oblique lines
    // (issue #4): means and acts that the rules above did not name.
    static {
        strong("suicide.g.exhaust", SUICIDE, HIGH,
                "\\bhose ?(?:pipe )?(?:for|to|on|into|onto|from) the (?:car )?exhaust\\b|\\bexhaust (?:pipe )?(?:and|with|into)"
                + " (?:a |the )?hose\\b|\\b(?:go to sleep|fall asleep|sleep|sit|sat|sitting|stay) in the car with the engine"
                + " running\\b(?! (?:to|for|while|because|so)\\b)", "+explained");
        strong("suicide.g.command-voices", SUICIDE, HIGH,
                "\\b(?:the )?voices? (?:say|says|said|tell|tells|told|telling|keep telling|keeps telling) me (?:that )?(?:i"
                + " should|i have to|i need to|i must|to) (?:jump|die|kill myself|end it|do it|hurt myself|cut|drown|go"
                + " to the (?:bridge|tracks|river|sea))\\b|\\b(?:the )?voices? (?:say|says|said|tell|tells|told) (?:i should"
                + "|to) (?:jump|die|kill myself|end it|do it)\\b");
        strong("others.g.spike", HARM_TO_OTHERS, HIGH,
                "\\b(?:put|putting|slip|slipping|slipped|add|adding|spike|spiking|spiked) (?:something|stuff|bleach|poison"
                + "|antifreeze|rat poison|pills|my pills|a few pills|\\w+ pills) in(?:to)? (?:his|her|their|my \\w+'?s?)"
                + " (?:drink|tea|coffee|food|dinner|meal|pint|bottle|cup)\\b|\\bspik(?:e|ed|ing) (?:his|her|their) (?:drink"
                + "|tea|coffee|food|dinner|meal|pint)\\b");
        strong("relapse.g.gamble-money", RELAPSE, HIGH,
                "\\b(?:placed|put|put down|lost|blew|blown|gambled|bet|betting|spent|spend|chucked|stuck) (?:a bet |a"
                + " \\w+ bet |it all |everything |all of )?(?:with |on |away )?(?:the |my |our )?(?:rent|bills?|mortgage|wages"
                + "|loan|savings|food|council tax|electric|kids'?) ?money\\b|\\b(?:bet|bets|betting|gambling|gambled"
                + "|slots|casino|bookies)\\b[^.!?]{0,30}\\b(?:with|on) (?:the |my |our )?(?:rent|bills?|mortgage|wages|loan"
                + "|savings|food) (?:money)?\\b", "+coping");
        strong("relapse.g.text-for", RELAPSE, HIGH,
                "\\b(?:text|texting|texted|call|calling|called|ring|ringing|rang|message|messaging|messaged|phone"
                + "|phoning|phoned|hit up|hitting up|hit) (?:him|her|them|my (?:old )?(?:dealer|guy|plug|connect|man)"
                + "|the (?:guy|dealer|plug|man)|\\w+) (?:up )?for (?:some |a |more |another )?{DRUG}\\b", "+coping");
    }

    // ---------------------------------------------------------------- concepts
    // Broad families of words, each counted once per message. Two different families of one kind (or a family and
    // a generic cue) raise a CONCERN-level signal: this catches new wordings the phrase rules above do not know,
    // such as "the kids will be ok" plus "I've put everything in order".
    static {
        concept("suicide.c.death", SUICIDE,
                "\\b(?:kill(?:ing)? myself|suicid(?:e|al)|end(?:ing)? (?:it all|my life)|take my (?:own )?life|stay"
                + " asleep|never wake|not wake up|stop breathing|stop existing|not exist|cease to exist|make it"
                + " permanent|(?:stop|end) it (?:all )?myself|i (?:\\w+ ){0,4}(?:die|be dead)|hard to keep breathing|want to stop"
                + " breathing)\\b");
        concept("suicide.c.absence", SUICIDE,
                "\\b(?:(?:not|never|no longer)(?: \\w+){0,5} (?:be|being|come|coming) (?:here|around|alive|back"
                + "|home)|(?:when|after|once) i am (?:gone|not here|not around|dead|not there)|for after\\b(?= *[.!?,]|$)"
                + "|disappear(?:ed|ing)?(?! (?:for a|into|under|off|from|to)\\b)|vanish(?:ed|ing)?|leave for good"
                + "|(?:do not|dont) look for me|not (?:come|go|get) home|without me|be gone|leaving (?:for good"
                + "|forever)|won't make it to|will not make it to|not be at (?:her|his|the|my) \\w+|go somewhere"
                + " (?:nobody|no one) will find|into the woods|walk into the (?:woods|sea|water|river)|no more me"
                + "|world without me|not waking up)\\b", "+explained");
        concept("suicide.c.final", SUICIDE,
                "\\b(?:last (?:post|message|goodbye)|my last (?:night|day|birthday|christmas)|final (?:post|message"
                + "|goodbye|night|words)|my goodbyes|farewell|for good\\b(?= *(?:[.!?,]|$| this time| now))|make it"
                + " permanent|permanently|forever\\b(?= *[.!?]|$)|this time next week\\b(?! i will be (?:on|in|at)\\b)|ever\\b(?= *[.!?]+$)|not long now|over soon|this time"
                + " next week|one last (?:time|look|hug|night)|no going back|(?:you|they) will (?:all )?(?:know|understand)"
                + " (?:why|one day)|remember me|tell (?:my )?\\w+ (?:i am sorry|i love)|sorry for everything|forgive me"
                + "|the kids will be (?:ok|okay|fine|alright)|(?:they|everyone|he|she) will (?:be )?(?:cope|ok|okay|fine"
                + "|alright|better) (?:without|after)|just in case|for when i am (?:gone|not here)|after tonight"
                + "|by the time you read this|(?:it )?(?:will not|won't|does not|doesn't) matter (?:soon|after|much"
                + " longer|anymore|by then)|will not be needing|see you on the other side|in another life|(?:take"
                + " care of|look after) (?:\\w+ ){1,3}for me|it is not your fault|do not blame (?:yourselves|yourself"
                + "|anyone)|nobody is to blame|no one is to blame|my mind is made up|at peace\\b(?! with (?:my"
                + " (?:past|body|diagnosis)|the))|(?:be|being) with (?:my )?(?:mum|mom|dad|husband|wife|son|daughter"
                + "|brother|sister|nan|gran|grandad|partner|baby|him|her) again|join (?:my )?(?:mum|mom|dad|husband"
                + "|wife|son|daughter|brother|sister|nan|gran|grandad|partner|baby|him|her)\\b|nobody will (?:find"
                + " me|have to|miss)|where (?:nobody|no one) will find me|put up with me|won't have to deal with me"
                + "|will not have to deal with me|no longer be a (?:burden|problem)|i love you all)\\b",
                "+explained");
        concept("suicide.c.method", SUICIDE,
                "\\b(?:rope|noose|hang(?:ing)? myself|the bridge|a bridge|jump(?:ing)? (?:off|from|in front)|cliff"
                + "|ledge|rooftop|(?:fast|express) trains?|train times|train tracks|railway line|the tracks|motorway"
                + " bridge|drown(?:ing)?(?! in\\b)|gun|shoot myself|bottle of pills|enough pills|blades?|razors?|my wrists?"
                + "|hose ?pipe|exhaust|engine running|quarry|multi[- ]?storey|car park roof|bleed out|carbon monoxide"
                + "|overdose)\\b", "+explained",
                "unless:\\b(?:sunset|view|walk(?:ed|ing)? (?:across|over)|bungee|swim\\w*|shav\\w*|commut\\w*"
                + "|holiday|trip|tent|camping|climbing)\\b");
        concept("suicide.c.prep", SUICIDE,
                "\\b(?:my will|(?:wrote|written|writing|left) (?:a |my )?(?:letters?|notes?|letter to each)"
                + "|picked (?:the|a) date|(?:put|putting|got|have) (?:everything|it all|my affairs) in order|my affairs"
                + "|life insurance|my funeral|everything (?:ready|sorted|arranged|planned)|sorted everything"
                + "|rehom(?:ed|ing) (?:my|the)|can have my (?:flat|house|car|things|stuff|room)|(?:told|showed|tell)"
                + " (?:her|him|them|my \\w+) where (?:the|my) (?:key|keys|will|documents|papers|passwords)"
                + "|made my (?:peace|choice|decision)|i have decided|i am ready\\b(?= *[.!?,]|$)|bought enough"
                + "|when i am ready|giving (?:away )?(?:all )?my (?:things|stuff|belongings)|(?:letters?|notes?|the note)"
                + " (?:is|are) (?:on|in|written|ready|done)|note is written|insurance (?:money|policy|pay ?out)"
                + "|(?:picked|chosen|found) (?:a|the) (?:spot|place|date|day)|spot picked|already decided"
                + "|decided (?:how|when|where)|know (?:what|how) i am going to do|my (?:stuff|things) (?:is|are)"
                + " sorted|cleaned (?:the|my) (?:flat|house|room) so|cancel(?:led|ling)? (?:all )?(?:my )?(?:\\w+ )?(?:therapy"
                + "|appointments?|sessions?|subscriptions?|membership)"
                + "|stopped (?:taking )?my meds|quit therapy|headstone|obituary|eulogy|cremat\\w+|buried|ashes"
                + "|inheritance|who gets (?:what|my)|the belt|a belt|ligature|the cord)\\b", "+explained",
                "unless:\\b(?:move|moving|holiday|trip|wedding|party|exam|interview|new job|baby|operation"
                + "|surgery)\\b");
        concept("suicide.c.hopeless", SUICIDE,
                "\\b(?:no point|pointless|what is the point|a burden|the burden|worthless|hopeless|trapped|no way out"
                + "|only way out|nothing left|no reason to|nothing is going to change|never going to (?:change|get"
                + " better)|can not go on|can not do this|so hard to keep (?:going|breathing|living)|done with (?:life"
                + "|everything|it all|this life)|give up\\b(?= *[.!?,]|$| on (?:life|everything|myself))|no future"
                + "|no hope|this life thing|happier (?:when|if|without) i|better off without|nobody would (?:notice|care"
                + "|miss)|i just want (?:it )?to stop|want it (?:all )?to stop|i want to stop\\b(?= *[.!?]|$)|i am so"
                + " tired of (?:everything|it all|this|life)|(?:stopped|stop|no longer) seeing the point|no point (?:in"
                + " )?(?:making plans|planning|therapy|the future|next year|trying)|can not see (?:a way|any way) (?:through"
                + "|forward|out)|not scared anymore|ready to die|relief|end the pain|stop the pain|(?:want|need) the"
                + " (?:noise|pain|thoughts|voices) to stop|tired of existing|wish i (?:had|would have) never been"
                + " born|want to be dead)\\b");
        concept("suicide.c.distress", SUICIDE,
                "\\b(?:so tired|exhausted|numb|empty inside|so alone|all alone|lonely|broken|hate myself|can not cope"
                + "|can not take (?:it|this|any more|anymore)|i am sorry|so sorry|scared|i am done\\b(?! with (?!(?:it|all"
                + "|everything|life|this|myself|living|trying|fighting|the world|existing)\\b))|in so much pain"
                + "|desperate|falling apart|a mess|so low|drowning|suffocating|i failed|ruined everything|do not care"
                + " anymore|i can not anymore)\\b");
        concept("selfharm.c.act", SELF_HARM,
                "\\b(?:cut|cutting|slice|slicing|scratch\\w*|burn\\w*|bite|biting|bit|hit|hitting|punch\\w*|slam\\w*"
                + "|bang\\w*|carv\\w*|pick\\w*|pull\\w*|hurt\\w*|stab\\w*) (?:\\w+ ){0,2}?(?:myself|my {BODY}|my"
                + " skin|my head)\\b", "+accident");
        concept("selfharm.c.sign", SELF_HARM,
                "\\b(?:blood (?:on|all over) (?:my|the) (?:sheets|floor|towel|clothes|bed|sink|bathroom)|bleeding"
                + "|will not stop bleeding|raw\\b|(?:so (?:that )?i can |to )feel something|feel (?:something|the"
                + " pain)|punish myself|deserve (?:it|this|the pain|pain)|(?:till|until) it goes quiet|sharpener|blades?"
                + "|razors?|stitches|scars?|wounds?|cuts)\\b", "+accident",
                "unless:\\b(?:punish myself with|blood test|cuts? (?:to|in) (?:funding|benefits|services|budget))\\b");

        concept("others.c.violence", HARM_TO_OTHERS,
                "\\b(?:kill|murder|stab|strangle|hurt|beat|batter|smash|punch|shoot|poison|attack|choke|throttle|bash"
                + "|knife|glass|torch|use it on|deal with|sort out|teach|do|get back at|go after|finish) (?:\\w+ ){0,3}?"
                + "(?:him|her|them|{PERSON})\\b|\\b(?:regret (?:ever|it)|be sorry when|pay for (?:this|what)|end up in"
                + " (?:hospital|the ground|a box)|done with (?:him|her|them))\\b",
                "unless:\\b(?:figuratively|metaphorically|joking|kidding|lol|haha|jk|not literally)\\b");
        concept("others.c.intent", HARM_TO_OTHERS,
                "\\b(?:going to|gonna|i will|ill|about to|ready to|planning|started to plan|worked out|next time"
                + "|i mean it|not joking|this time|i swear|know where (?:he|she|they|\\w+) (?:lives?|works?|parks?)"
                + "|waiting for (?:him|her|them)|following (?:him|her|them)|carrying)\\b");
        concept("others.c.weapon", HARM_TO_OTHERS,
                "\\b(?:knife|gun|baseball bat|hammer|petrol|machete|axe|crowbar|acid|pillow)\\b",
                "unless:\\b(?:kitchen|cooking|chopping|diy|shelf|bbq|barbecue|trip|car for)\\b");

        concept("overdose.c.med", OVERDOSE,
                "\\b(?:paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|co-?codamol|codeine|tramadol|morphine"
                + "|oxy\\w*|fentanyl|methadone|diazepam|valium|xanax|lorazepam|clonazepam|zopiclone|zolpidem|lithium"
                + "|quetiapine|sertraline|citalopram|fluoxetine|amitriptyline|mirtazapine|venlafaxine|insulin"
                + "|painkillers?|pain meds|sleeping (?:pills|tablets)|sleepers|pills|tablets|meds)\\b",
                "unless:\\b(?:as prescribed|prescribed|on time|every (?:day|morning|night|evening)|daily|with"
                + " (?:food|breakfast|dinner)|pharmacist|gp|doctor|leaflet|organi[sz]er|dosette|blister pack|for the"
                + " (?:week|weekend|month|fortnight|holiday|trip)|repeat prescription)\\b|{MEDICAL}");
        concept("overdose.c.amount", OVERDOSE,
                "\\b(?:too many|too much|enough|loads of|a load of|a handful|handfuls|(?:\\d+|two|three|four|five"
                + "|several) (?:boxes|packets|packs|strips|bottles)|whole (?:strip|box|packet|bottle|pack)|all of"
                + " (?:them|my)|keeping all|extra (?:of|every)|more than (?:i should|usual|prescribed)|different"
                + " (?:shops|supermarkets|chemists|pharmacies)|hoping it will be enough|feeling (?:really |very )?"
                + "(?:weird|strange|drowsy|sleepy|out of it)|a load|can (?:barely|hardly|not) breathe)\\b");

        concept("relapse.c.substance", RELAPSE,
                "\\b(?:drink(?:ing)?\\b(?!(?: \\w+){0,3} (?:water|tea|coffee|juice|milk|smoothie|squash)\\b)|drank|drunk|booze|vodka|gin|wine|beers?"
                + "|cider|lager|whisky|whiskey|rum|pints?|cans|a bottle\\b(?! of (?:water|milk|juice|olive|shampoo"
                + "|squash)\\b)|bottle of (?:vodka|gin|wine|whisky|whiskey|rum|cider|beer)|pub|offy|off[ -]licen[cs]e"
                + "|liquor|dealer|connect|plug|gram|baggie|needle|heroin|smack|gear|coke|cocaine|crack|meth|ket"
                + "|spliff|stoned|wasted|using\\b(?! (?:my|the|a|an|this|that|it|your|some|our)\\b)|used\\b(?! (?:my|the"
                + "|a|an|to|this|that|it|your|some)\\b)|score|scored|inject(?:ing|ed)?|snort(?:ing|ed)?|shot up|bender)"
                + "\\b", "+coping", "+third");
        concept("relapse.c.lapse", RELAPSE,
                "\\b(?:again|relaps\\w*|slipped|caved|gave in|first time in|after (?:\\d+|\\w+) (?:days|weeks|months"
                + "|years)|bought|ordered|picked up|half gone|(?:\\w+) (?:beers|drinks|pints|glasses) (?:deep|in)|whole"
                + " bottle|another|texted|called|coming round|on (?:his|her|their) way|right now|lunchtime|this"
                + " morning|now i want)\\b", "+coping");
        concept("relapse.c.danger", RELAPSE,
                "\\b(?:alone|by myself|nobody knows|can not stop|do not want to stop|can not decide|frightened"
                + "|scared|do not care|black out|my heart)\\b", "+coping");
    }

    // ---------------------------------------------------------------- topics
    // The words of each kind's subject, far broader than the concepts and never a finding on their own: a message
    // that mentions its subject is one the learned layer may judge (CrisisDetector.learned), even where no rule or
    // concept matched ("I deleted all my photos and gave away my clothes").
    static final Map<Category, Pattern> TOPICS = Map.of(
            SUICIDE, Pattern.compile("\\b(?:die|dying|dead|death|suicid\\w*|kill(?:ing)? myself|kms|ctb|unalive\\w*"
                    + "|end(?:ing|ed)? (?:it|things|everything|my life)|sleep forever|wake up|alive|exist\\w*|living"
                    + "|gone|disappear\\w*|goodbyes?|last (?:week|day|night|time|message|post)|burden|better off"
                    + "|without me|no point|pointless|give up\\b(?! on (?!life|everything|myself))|let go|decided|decision|my plan|pick the day|a date"
                    + "|painless|method|rope|beam|loft|hang\\w*|bridges?|jump\\w*|edge|cliffs?|sea|river|tracks|trains?"
                    + "|platform|roof|car park|multi storey|exhaust|hose|letters?|notes?|my will|funeral|insurance"
                    + "|passwords|gave away|given away|giving away|deleted|cancel\\w*|remember me"
                    + "|forgive|future|peace|finally rest|rest forever|permanent\\w*|for good|forever|voices|not be (?:here|around)"
                    + "|will not need|stop pretending|talk me out|fault|problem|over soon|ends? soon|better life"
                    + "|(?:given|give|gave) (?:away )?my|weight around|waking up|plans? to|engine|worry about me|whoever"
                    + "|one way or another|who is not me|after (?:this|next|tonight|tomorrow|monday|tuesday|wednesday"
                    + "|thursday|friday|saturday|sunday))\\b"),
            SELF_HARM, Pattern.compile("\\b(?:cut\\w*|blades?|razors?|burn\\w*|lighter|scratch\\w*|bleed\\w*|blood"
                    + "|bruis\\w*|punch\\w*|hit(?:ting)? myself|hurt(?:ing)? myself|myself|self harm|sh|scars?|wounds?"
                    + "|plasters?|bandages?|sleeves|punish\\w*|deserve (?:it|this|pain|to (?:bleed|hurt|suffer|feel))|pain|starv\\w*|carv\\w*|skin|knuckles)\\b"),
            HARM_TO_OTHERS, Pattern.compile("\\b(?:kill|hurt|stab\\w*|strangl\\w*|shoot|shotgun|gun|knife|knives|crowbar"
                    + "|hammer|machete|weapon|poison\\w*|in (?:his|her|their) drink|burn (?:his|her|their)|beat|batter"
                    + "|smash|shake|snap|revenge|suffer|pay for|will pay|make (?:him|her|them) pay|live to see"
                    + "|glass(?:ed)?|run (?:him|her|them) over|follow\\w*|wait(?:ing)? for (?:him|her|them)"
                    + "|where (?:he|she|they) (?:lives?|works?|parks?))\\b"),
            OVERDOSE, Pattern.compile("\\b(?:pills?|tablets?|meds|medication|medicine|dose\\w*|doubled|overdos\\w*"
                    + "|took|taken|swallowed|necked|popped|packets?|boxes|blister\\w*|cabinet|paracetamol|co-?codamol"
                    + "|codeine|tramadol|morphine|oxy\\w*|methadone|diazepam|xanax|sertraline|insulin|sleeping"
                    + "|painkillers?|enough|too many|too much|how many|extra|on purpose|topping up)\\b"),
            RELAPSE, Pattern.compile("\\b(?:drink\\w*|drank|drunk|bottle|pints?|cans|booze|vodka|wine|beer|pub|bar"
                    + "|off licen[cs]e|offy|dealer|gear|score[d]?|using|used|use|coke|high|wasted|sober|clean|relaps\\w*"
                    + "|wagon|craving\\w*|poured|casino|bet\\w*|bookies|slots|gambl\\w*|rent money|wages|app)\\b"));

    private CrisisRules() {
    }

    private static void concept(String id, Category category, String regex, String... options) {
        String[] all = new String[options.length + 1];
        System.arraycopy(options, 0, all, 0, options.length);
        all[options.length] = "+once";
        add(id, category, Severity.CONCERN, false, regex, all);
    }

    private static void strong(String id, Category category, Severity severity, String regex, String... options) {
        add(id, category, severity, true, regex, options);
    }

    private static void weak(String id, Category category, Severity severity, String regex, String... options) {
        add(id, category, severity, false, regex, options);
    }

    private static void add(String id, Category category, Severity severity, boolean strong, String regex,
                            String... options) {
        List<Check> checks = new ArrayList<>(List.of(Check.NEGATION, Check.PAST, Check.REPORT));
        Pattern unless = null;
        Pattern with = null;
        boolean once = false;
        for (String option : options) {
            if (option.startsWith("unless:")) {
                unless = Pattern.compile(expand(option.substring(7)));
            } else if (option.startsWith("with:")) {
                with = Pattern.compile(expand(option.substring(5)));
            } else if (option.equals("+third")) {
                checks.add(Check.THIRD_PARTY);
            } else if (option.equals("+coping")) {
                checks.add(Check.COPING);
            } else if (option.equals("+explained")) {
                checks.add(Check.EXPLAINED);
            } else if (option.equals("+accident")) {
                checks.add(Check.ACCIDENT);
            } else if (option.equals("+once")) {
                once = true;
            } else {
                throw new IllegalArgumentException("unknown option " + option + " on " + id);
            }
        }
        RULES.add(new Rule(id, category, severity, strong, Pattern.compile(expand(regex)), List.copyOf(checks),
                unless, with, once));
    }

    /** {@code regex} with the {@code {MED}}-style vocabularies written out. */
    static String expand(String regex) {
        String out = regex;
        for (int pass = 0; pass < 2; pass++) {
            for (Map.Entry<String, String> e : MACROS.entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
