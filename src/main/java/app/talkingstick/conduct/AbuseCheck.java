package app.talkingstick.conduct;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a group message is abusive: slurs, threats and attacks block; insults block when aimed at someone
 * here (second person, a vocative, an imperative), pass when self-directed or about someone outside the group, and
 * are held when aimed at no one clear; hostile phrases and disguised swearing are held.
 */
final class AbuseCheck {

    enum Outcome {
        NONE,
        HOLD,
        BLOCK
    }

    /** The strongest finding; {@code flags} lists everything found (for staff when a crisis overrides a block). */
    record Finding(Outcome outcome, Flag.Kind kind, String reason, List<Flag> flags) {
        static final Finding NONE = new Finding(Outcome.NONE, null, null, List.of());
    }

    enum Target {
        /** Aimed at someone here: "you are X", "you X", "X like you", "stop being X", a vocative ", X." */
        TARGETED,
        /** Negated or supportive: "you are not X". */
        SUPPORTIVE,
        /** About the writer: "I am X", "I feel X". */
        SELF,
        /** About someone or something else: "my ex is X", "cancer is X". */
        THIRD,
        /** "you" appears nearby but not linked to the word. */
        MENTION,
        /** No subject: "what a X", "X." */
        NONE
    }

    private static final Set<String> SECOND = squeezed("you", "your", "yourself", "yourselves", "yours",
            "thou", "yer", "ye");
    private static final Set<String> SELF = squeezed("i", "me", "myself", "am", "im");
    private static final Set<String> THIRD = squeezed("he", "she", "they", "him", "her", "them", "his", "hers",
            "their", "it", "its", "this", "that", "these", "those", "my", "our", "we", "us", "someone", "somebody",
            "people", "mum", "mom", "dad", "ex", "boss", "he's", "there");
    private static final Set<String> GROUP_NOUNS = squeezed("people", "guys", "lot", "lads", "girls", "ladies",
            "two", "both", "all", "lots", "folks", "idiots", "here");
    private static final Set<String> INTERJECTIONS = squeezed("oh", "ah", "well", "wow", "lol", "lmao", "ugh",
            "god", "jesus", "hey", "look", "see", "honestly", "seriously", "omg", "so", "and", "but", "yeah", "yes",
            "right", "ok", "okay");
    private static final Set<String> NEGATORS = squeezed("not", "never", "no", "nt", "aint", "hardly", "less");
    private static final Set<String> LINKING = squeezed("are", "is", "was", "were", "be", "been", "being", "look",
            "looks", "sound", "sounds", "seem", "seems", "act", "acting", "acts", "r", "re");
    private static final Set<String> FILLER = squeezed("a", "an", "the", "so", "such", "really", "truly", "just",
            "totally", "completely", "absolutely", "absolute", "complete", "total", "utter", "literally", "actually",
            "proper", "right", "real", "little", "big", "fat", "old", "most", "biggest", "only", "as", "still",
            "always", "clearly", "obviously", "honestly", "officially", "one", "of", "more", "even", "kind", "sort",
            "too", "very", "pretty", "lonely", "sad", "manipulative", "lying", "spoiled", "selfish", "miserable",
            "nasty", "horrible", "awful", "massive", "huge", "damn", "bloody", "freaking", "frigging", "effing",
            "fkn", "fking", "sodding", "bleeding", "ignorant", "arrogant", "entitled", "lazy", "smug", "stuck", "up",
            "two", "faced", "bitter", "jealous", "fake", "sick", "twisted", "dirty", "filthy", "absolute", "all",
            "both", "such", "ever", "worst", "biggest", "bunch", "load", "pack", "couple", "whole");
    private static final Set<String> FORWARD_FILLER = squeezed("like", "that", "is", "what", "of", "a", "did", "do",
            "does", "are", "were", "so", "such", "even", "and", "thats", "aren't", "arent", "not", "can", "just",
            "honestly", "really", "seriously", "mate", "m8");
    private static final Set<String> GENERIC_LEAD = squeezed("make", "makes", "made", "making", "when", "if", "let",
            "lets", "help", "helps", "tell", "tells", "told", "call", "calls", "called", "thank", "thanks", "love",
            "hope", "whether", "feel", "feels", "felt", "wish", "want", "before", "after", "until", "because",
            "makes", "leave", "leaves", "left", "get", "gets", "got", "see", "sees", "saw");
    private static final Set<String> REPORT = squeezed("said", "say", "says", "saying", "told", "tell", "tells",
            "telling", "called", "call", "calls", "calling", "yelled", "yell", "yells", "yelling", "screamed",
            "scream", "screams", "screaming", "shouted", "shout", "shouts", "shouting", "wrote", "writes", "texted",
            "messaged", "posted", "heard", "hear", "quote", "quoted", "phrase", "words");
    private static final Set<String> ADDRESS = squeezed("mate", "m8", "pal", "buddy", "bro", "love", "hun", "dear",
            "sweetie", "sunshine", "lol", "lmao", "haha");

    private AbuseCheck() {
    }

    static Finding check(NormalizedText text, WordLists lists) {
        List<Word> words = text.words();
        List<WordLists.Hit> hits = lists.find(words);
        List<Flag> flags = new ArrayList<>();
        Finding block = null;
        Finding hold = null;
        boolean hostile = false;
        boolean mention = false;
        List<WordLists.Hit> untargeted = new ArrayList<>();
        for (WordLists.Hit hit : hits) {
            String id = hit.term().id();
            switch (hit.kind()) {
                case SLURS -> {
                    flags.add(new Flag(Flag.Kind.SLUR, id));
                    block = first(block, new Finding(Outcome.BLOCK, Flag.Kind.SLUR, id, List.of()));
                }
                case THREATS, HARASSMENT -> {
                    if (reported(words, hit.start())) {
                        continue;
                    }
                    Flag.Kind kind = hit.kind() == WordLists.Kind.THREATS ? Flag.Kind.THREAT : Flag.Kind.HARASSMENT;
                    flags.add(new Flag(kind, id));
                    block = first(block, new Finding(Outcome.BLOCK, kind, id, List.of()));
                }
                case INSULTS, TARGETED_INSULTS -> {
                    Target target = target(words, hit.start(), hit.end());
                    if (target == Target.TARGETED && !reported(words, hit.start())) {
                        flags.add(new Flag(Flag.Kind.INSULT, id));
                        block = first(block, new Finding(Outcome.BLOCK, Flag.Kind.INSULT, id, List.of()));
                    } else if ((target == Target.NONE || target == Target.MENTION)
                            && (hit.kind() == WordLists.Kind.INSULTS || hit.obfuscated())
                            && !reported(words, hit.start())) {
                        untargeted.add(hit);
                        mention |= target == Target.MENTION;
                    }
                }
                case PROFANITY -> {
                    if (hit.obfuscated() && !hit.wildcard()) {
                        flags.add(new Flag(Flag.Kind.OBFUSCATION, id));
                        hold = first(hold, new Finding(Outcome.HOLD, Flag.Kind.OBFUSCATION, id, List.of()));
                    }
                }
                case HOSTILE -> {
                    if (reported(words, hit.start())) {
                        continue;
                    }
                    hostile = true;
                    flags.add(new Flag(Flag.Kind.HOSTILE, id));
                    hold = first(hold, new Finding(Outcome.HOLD, Flag.Kind.HOSTILE, id, List.of()));
                }
            }
        }
        if (!untargeted.isEmpty()) {
            WordLists.Hit hit = untargeted.get(0);
            String id = hit.term().id();
            flags.add(new Flag(Flag.Kind.INSULT, id));
            boolean aimed = hostile || mention || mentionsSecondPerson(words);
            if (aimed) {
                block = first(block, new Finding(Outcome.BLOCK, Flag.Kind.INSULT, id, List.of()));
            } else {
                hold = first(hold, new Finding(Outcome.HOLD, hit.obfuscated() ? Flag.Kind.OBFUSCATION
                        : Flag.Kind.INSULT, id, List.of()));
            }
        }
        Finding chosen = block != null ? block : hold;
        if (chosen == null) {
            return flags.isEmpty() ? Finding.NONE : new Finding(Outcome.NONE, null, null, List.copyOf(flags));
        }
        return new Finding(chosen.outcome(), chosen.kind(), chosen.reason(), List.copyOf(flags));
    }

    private static Finding first(Finding current, Finding candidate) {
        return current != null ? current : candidate;
    }

    private static boolean mentionsSecondPerson(List<Word> words) {
        for (int i = 0; i < words.size(); i++) {
            if (is(SECOND, words.get(i)) && !(i > 0 && is(GENERIC_LEAD, words.get(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word at {@code index} is reported speech: after "said", "told me", "called me" in its sentence. */
    static boolean reported(List<Word> words, int index) {
        for (int j = index - 1; j >= 0; j--) {
            if (words.get(j + 1).pause() == Word.Pause.SENTENCE) {
                return false;
            }
            if (is(REPORT, words.get(j))) {
                boolean toYou = j + 1 < index && is(SECOND, words.get(j + 1))
                        && words.get(j + 1).pause() == Word.Pause.NONE;
                return !toYou;
            }
        }
        return false;
    }

    /** Who the insult at words {@code [start, end)} is aimed at. */
    static Target target(List<Word> words, int start, int end) {
        // Backwards within the clause: "you (are) (a) (really) X".
        boolean linked = true;
        boolean negated = false;
        boolean passedLink = false;
        for (int j = start - 1; j >= 0 && start - j <= 8; j--) {
            Word after = words.get(j + 1);
            if (after.pause() == Word.Pause.SENTENCE || (after.pause() == Word.Pause.COMMA && j + 1 == start)) {
                break;
            }
            Word w = words.get(j);
            if (j > 0 && is(GROUP_NOUNS, w) && is(SECOND, words.get(j - 1))) {
                continue; // "you people", "you guys", "you lot", "you all"
            }
            if (is(NEGATORS, w)) {
                negated = true;
                continue;
            }
            if (is(INTERJECTIONS, w) && (j == 0 || words.get(j).pause() != Word.Pause.NONE)) {
                break; // "oh look, the X": the clause starts here, no subject
            }
            if (is(SECOND, w)) {
                if (negated) {
                    return Target.SUPPORTIVE;
                }
                if (!linked) {
                    return Target.MENTION;
                }
                if (j > 0 && is(GENERIC_LEAD, words.get(j - 1)) && words.get(j).pause() == Word.Pause.NONE) {
                    return Target.MENTION;
                }
                return Target.TARGETED;
            }
            if (is(SELF, w)) {
                return Target.SELF;
            }
            if (is(THIRD, w)) {
                return Target.THIRD;
            }
            if (linked && imperativeBe(words, j)) {
                return negated ? Target.SUPPORTIVE : Target.TARGETED;
            }
            if (is(LINKING, w)) {
                passedLink = true;
                continue;
            }
            if (linked && (is(FILLER, w) || isListWord(w))) {
                continue;
            }
            if (passedLink && linked) {
                return Target.THIRD; // "cancer is a X", "the bus was X"
            }
            linked = false;
        }
        // Forwards: "X like you", "that's what you are", "X, did you even read".
        boolean commaSeen = false;
        for (int k = end; k < words.size() && k - end <= 5; k++) {
            Word w = words.get(k);
            if (w.pause() == Word.Pause.SENTENCE && k > end) {
                break;
            }
            if (w.pause() == Word.Pause.SENTENCE && k == end) {
                break;
            }
            if (w.pause() == Word.Pause.COMMA) {
                if (commaSeen) {
                    break;
                }
                commaSeen = true;
            }
            if (is(SECOND, w)) {
                return Target.TARGETED;
            }
            if (is(SELF, w)) {
                return Target.SELF;
            }
            if (!is(FORWARD_FILLER, w)) {
                break;
            }
        }
        // Vocative: ", loser." or "loser, ..." at the edge of a clause.
        boolean clauseEndAfter = end >= words.size() || words.get(end).pause() != Word.Pause.NONE
                || (end + 1 == words.size() && is(ADDRESS, words.get(end)));
        if (clauseEndAfter && words.get(start).pause() == Word.Pause.COMMA && start > 0) {
            return Target.TARGETED;
        }
        return Target.NONE;
    }

    /** "don't be (such a X)", "stop being (a X)", "please don't be X" at the start of a clause. */
    private static boolean imperativeBe(List<Word> words, int j) {
        String be = words.get(j).text();
        if (!(be.equals("be") || be.equals("being")) || j == 0 || words.get(j).pause() != Word.Pause.NONE) {
            return false;
        }
        String before = words.get(j - 1).text();
        int lead;
        if (before.equals("stop")) {
            lead = j - 1;
        } else if (before.equals("not") && j >= 2 && words.get(j - 2).text().equals("do")) {
            lead = j - 2;
        } else {
            return false;
        }
        return lead == 0 || words.get(lead).pause() != Word.Pause.NONE
                || Set.of("just", "please", "and", "so", "now", "honestly", "seriously").contains(
                words.get(lead - 1).text());
    }

    private static boolean isListWord(Word w) {
        return INSULT_FILLERS.contains(WordLists.squeeze(w.text()));
    }

    private static final Set<String> INSULT_FILLERS = squeezed("fucking", "fuckin", "fking", "stupid", "dumb",
            "pathetic", "useless", "worthless", "disgusting", "vile", "ugly", "thick", "spineless", "bloody",
            "shitty", "crappy", "idiotic", "creepy", "annoying", "lame", "weak", "brain", "attention", "waste",
            "piece", "drama", "sad", "little", "cry");

    private static boolean is(Set<String> set, Word w) {
        return set.contains(WordLists.squeeze(w.text()));
    }

    private static Set<String> squeezed(String... words) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(WordLists.squeeze(w));
        }
        return Set.copyOf(out);
    }
}
