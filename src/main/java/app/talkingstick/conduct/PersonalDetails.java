package app.talkingstick.conduct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal contact details in a message and replaces each with a neutral token: phone numbers (international,
 * national, spaced out or spelled out in words), e-mail addresses (also "name at example dot com"), street addresses
 * and postcodes, links, social handles ("@name", "my insta is ...", "u/name") and full names given to be looked up
 * ("find me on LinkedIn, Jane Doe"). Dates, times, years, doses, durations, scores, money, "day 45", "24/7" are left
 * alone. Matching runs on the {@link TextNormalizer#fold folded} text, so full-width digits and look-alike letters do
 * not hide a detail; replacements are made in the original text.
 */
public final class PersonalDetails {

    /** The kinds of detail and their replacement tokens. */
    public enum Kind {
        PHONE("[phone removed]"),
        EMAIL("[email removed]"),
        ADDRESS("[address removed]"),
        LINK("[link removed]"),
        HANDLE("[handle removed]"),
        NAME("[name removed]");

        private final String token;

        Kind(String token) {
            this.token = token;
        }

        /** The text put in place of the detail. */
        public String token() {
            return token;
        }
    }

    /** One detail: characters {@code [start, end)} of the original message. */
    public record Span(Kind kind, int start, int end) {
        public Span {
            Objects.requireNonNull(kind, "kind");
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }
    }

    /** The masked text and the spans that were replaced (in the original text). */
    public record Result(String text, List<Span> spans) {
        public Result {
            Objects.requireNonNull(text, "text");
            spans = List.copyOf(spans);
        }

        public boolean masked() {
            return !spans.isEmpty();
        }
    }

    private static final String TLD = "(?:com|org|net|edu|gov|io|co|uk|ca|au|nz|ie|de|fr|nl|eu|info|biz|"
            + "ly|ee|gg|app|tv|xyz|dev|ai|fm)";
    private static final String DOT = "(?:\\s*\\.\\s*|\\s*[\\(\\[\\{<]\\s*(?:dot|\\.)\\s*[\\)\\]\\}>]\\s*|\\s+dot\\s+)";
    private static final String AT = "(?:\\s*@\\s*|\\s*[\\(\\[\\{<]\\s*(?:at|@)\\s*[\\)\\]\\}>]\\s*|\\s+at\\s+)";

    private static final Pattern WEB_ADDRESS = Pattern.compile(
            "(?:https?://|www\\.)[^\\s<>\"]+"
            + "|\\bwww" + DOT + "[a-z0-9-]+(?:" + DOT + "[a-z0-9-]+)*(?:\\s*/\\s*[^\\s]+)?");
    private static final Pattern DOMAIN = Pattern.compile(
            "\\b(?:[a-z0-9-]+\\.)*(?:[a-z0-9-]*[a-z][a-z0-9-]*)\\." + TLD + "\\b(?:/[^\\s<>\"]*)?"
            + "|\\b(?:t|about|x)\\.me/[^\\s<>\"]+");
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9][a-z0-9._%+-]*" + AT + "[a-z0-9-]+(?:" + DOT + "[a-z0-9-]+)*" + DOT + TLD + "\\b");
    /** What every email address ends with; far cheaper to look for than a whole address (see {@link #EMAIL}). */
    static final Pattern EMAIL_ENDING = Pattern.compile(DOT + TLD + "\\b");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w/.:,£$€-])(?:\\+\\s?)?\\(?\\d[\\d \\t().-]{5,}\\d(?![\\w/:%]|[.,]\\d)");
    private static final Pattern SPELLED_PHONE = Pattern.compile(
            "\\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)[\\s,-]+){6,}"
            + "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\\b");
    private static final String SUFFIX = "(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|court|ct|crescent"
            + "|cres|place|pl|way|terrace|gardens|gdns|grove|row|square|sq|boulevard|blvd|parkway|pkwy|highway|hwy"
            + "|mews|hill|walk|park|rise|view|green|parade)";
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b\\d{1,5}[a-z]?,?\\s+((?:[a-z][a-z'-]*\\s+){1,3})" + SUFFIX + "\\b\\.?"
            + "(?:,?\\s*(?:apt|apartment|flat|unit|suite|#)\\s*[a-z0-9-]+)?"
            + "(?:,\\s*[a-z][a-z-]+(?:\\s+[a-z][a-z-]+)?(?=\\s*(?:[,.!?]|$)))?");
    private static final Pattern NAMED_STREET = Pattern.compile(
            "\\b(?:live|living|lives|live at|address|house|flat|home|under|staying|stay|post|send)\\b[^.!?]{0,40}?"
            + "\\b([a-z][a-z'-]+\\s+" + SUFFIX + ")\\b");
    private static final Pattern POSTCODE = Pattern.compile(
            "\\b[a-z]{1,2}\\d[a-z\\d]?\\s*\\d[abdefghjlnpqrstuwxyz]{2}\\b");
    private static final Pattern AT_HANDLE = Pattern.compile("(?<![\\w.@])@([a-z0-9_.]{2,30}[a-z0-9_])");
    private static final Pattern REDDIT = Pattern.compile("(?<![\\w/])u/[a-z0-9_-]{3,}");
    private static final String SOCIAL = "(?:insta|instagram|ig|snap|snapchat|twitter|tiktok|tik tok|telegram"
            + "|discord|kik|bluesky|twitch|youtube|reddit|fb|facebook|linkedin|whatsapp|skype"
            + "|tumblr|pinterest|mastodon|wechat)";
    private static final Pattern SOCIAL_HANDLE = Pattern.compile(
            "\\b" + SOCIAL + "\\b((?:\\s+(?:me|handle|username|user|name|id|account|acc|is|at|on|add))*\\s*[:=-]?)\\s*"
            + "(@?[a-z0-9][a-z0-9_.#-]{2,40}[a-z0-9])");
    private static final Pattern SOCIAL_CONTEXT = Pattern.compile(
            "\\b(?:" + SOCIAL + "|follow|followers|dm|dms|add me|find me|handle|username|profile)\\b");
    private static final Pattern NAME_LEAD = Pattern.compile(
            "\\b(?:my (?:full |real |last |sur|first )?name is|i am|i'm|im|find me on \\w+,?|look me up,?|"
            + "search for|search|look up)\\s+");
    private static final Pattern NAME_CONTEXT = Pattern.compile(
            "\\b(?:look me up|find me|" + SOCIAL + "|full name|real name|surname|last name|phone book|friend request"
            + "|add me)\\b");
    private static final Set<String> NOT_HANDLES = setOf("private", "down", "broken", "gone", "deleted", "dead",
            "locked", "boring", "off", "open", "public", "empty", "new", "old", "same", "here", "there", "mostly",
            "full", "just", "also", "the", "not", "only", "still", "fine", "okay", "too", "and", "but", "for",
            "with", "from", "about", "really", "very", "account", "page", "stuff", "story", "stories", "photos",
            "pics", "messages", "group", "chat", "call", "calls", "today", "yesterday", "app", "me", "you");
    private static final Set<String> STREET_STOP = setOf("the", "a", "an", "my", "your", "our", "their", "his",
            "her", "of", "and", "to", "in", "on", "at", "for", "from", "down", "up", "into", "more", "less", "miles",
            "mile", "km", "kms", "minutes", "minute", "mins", "hours", "hour", "days", "day", "weeks", "week",
            "months", "month", "years", "year", "steps", "times", "time", "blocks", "block", "doors", "houses",
            "people", "kids", "laps", "rounds", "sessions", "meetings", "other", "whole", "long", "short", "hard",
            "little", "big", "old", "new", "more", "every", "each", "this", "that", "these", "those", "it", "was",
            "were", "is", "are", "be", "i", "we", "you", "they", "he", "she", "went", "go", "going", "walked",
            "walk", "ran", "run", "drove", "per", "or", "not", "no", "all", "some", "many", "few", "first",
            "second", "third", "last", "next", "way", "ways", "points", "pounds", "quid", "dollars", "euros", "kg",
            "kilos", "stone", "lbs", "mg", "ml", "pills", "tablets", "am", "pm", "hrs", "yrs", "floor");
    private static final Pattern DATE = Pattern.compile(
            "\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}|(?:19|20)\\d\\d\\s*-\\s*(?:19|20)\\d\\d");

    /** Most messages hold no digit, '@', link or address word: their patterns need not run. */
    static final List<Pattern> GATED = List.of(WEB_ADDRESS, EMAIL, DOMAIN, PHONE, SPELLED_PHONE, REDDIT,
            SOCIAL_CONTEXT, AT_HANDLE, SOCIAL_HANDLE, ADDRESS, NAMED_STREET, POSTCODE, NAME_CONTEXT);
    static final LiteralIndex LITERALS = LiteralIndex.of(GATED);

    private PersonalDetails() {
    }

    /** Masks every detail in {@code text}. */
    public static Result mask(String text) {
        return mask(text, Set.of());
    }

    /**
     * Masks every detail in {@code text}. {@code memberNames} are the pseudonyms in the room: "@Sam" for a member
     * named Sam is a mention, not a handle.
     */
    public static Result mask(String text, Set<String> memberNames) {
        Folded folded = TextNormalizer.fold(text);
        String t = folded.text();
        List<int[]> found = new ArrayList<>(); // {start, end, kind ordinal} in folded text
        Set<String> members = MemberNames.lowered(memberNames);
        LiteralIndex.Candidates may = LITERALS.scan(t);

        add(found, may, WEB_ADDRESS, t, Kind.LINK);
        if (hasEmailEnding(t)) {
            add(found, may, EMAIL, t, Kind.EMAIL); // "at" is in most sentences; an ending like ".com" is not
        }
        add(found, may, DOMAIN, t, Kind.LINK);
        Matcher phone = matcher(may, PHONE, t);
        while (phone.find()) {
            String candidate = phone.group().trim();
            int digits = (int) candidate.chars().filter(Character::isDigit).count();
            if (digits < 7 || digits > 15 || DATE.matcher(candidate).find()
                    || (candidate.matches(".*\\d{1,2}\\.\\d{2}.*") && !candidate.matches(".*\\d{3}.*\\d{3}.*"))) {
                continue;
            }
            int end = phone.start() + phone.group().length();
            while (end > phone.start() && !Character.isDigit(t.charAt(end - 1))) {
                end--;
            }
            addSpan(found, phone.start(), end, Kind.PHONE);
        }
        add(found, may, SPELLED_PHONE, t, Kind.PHONE);
        add(found, may, REDDIT, t, Kind.HANDLE);
        boolean socialContext = matcher(may, SOCIAL_CONTEXT, t).find();
        Matcher at = matcher(may, AT_HANDLE, t);
        while (at.find()) {
            String handle = at.group(1);
            boolean plainName = handle.matches("[a-z]+");
            if (members.contains(handle) || (plainName && !socialContext)) {
                continue;
            }
            addSpan(found, at.start(), at.end(), Kind.HANDLE);
        }
        Matcher social = matcher(may, SOCIAL_HANDLE, t);
        while (social.find()) {
            String handle = social.group(2);
            String bare = handle.startsWith("@") ? handle.substring(1) : handle;
            boolean lettersOnly = bare.matches("[a-z]+");
            boolean connector = !social.group(1).isBlank();
            if (members.contains(bare) || NOT_HANDLES.contains(bare)
                    || (lettersOnly && !handle.startsWith("@") && !connector)) {
                continue;
            }
            addSpan(found, social.start(2), social.end(2), Kind.HANDLE);
        }
        Matcher address = matcher(may, ADDRESS, t);
        while (address.find()) {
            boolean ok = true;
            for (String w : address.group(1).trim().split("\\s+")) {
                if (STREET_STOP.contains(w)) {
                    ok = false;
                }
            }
            if (ok) {
                addSpan(found, address.start(), address.end(), Kind.ADDRESS);
            }
        }
        Matcher named = matcher(may, NAMED_STREET, t);
        while (named.find()) {
            String first = named.group(1).split("\\s+")[0];
            if (!STREET_STOP.contains(first) && capitalised(text, folded, named.start(1))) {
                addSpan(found, named.start(1), named.end(1), Kind.ADDRESS);
            }
        }
        Matcher postcode = matcher(may, POSTCODE, t);
        while (postcode.find()) {
            if (postcode.group().matches(".*\\d.*\\d.*")) {
                addSpan(found, postcode.start(), postcode.end(), Kind.ADDRESS);
            }
        }
        if (matcher(may, NAME_CONTEXT, t).find()) {
            maskNames(text, folded, found);
        }
        return apply(text, folded, found);
    }

    /**
     * Whether {@link #EMAIL_ENDING} occurs in {@code t}, tried only where a match can start: at a '.', at an
     * opening bracket, or at the space before "dot" (a match starting in whitespace before those also matches from
     * them). Searching at every position cost about 3 µs per ordinary sentence, this about 0.4.
     */
    static boolean hasEmailEnding(String t) {
        Matcher m = EMAIL_ENDING.matcher(t).useTransparentBounds(true);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean mayStart = c == '.' || c == '(' || c == '[' || c == '{' || c == '<'
                    || (Character.isWhitespace(c) && t.startsWith("dot", i + 1));
            if (mayStart && m.region(i, t.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** A matcher over {@code t}, or over "" (finding nothing) when the pattern's literals are not in {@code t}. */
    private static Matcher matcher(LiteralIndex.Candidates may, Pattern pattern, String t) {
        return pattern.matcher(may.mayMatch(pattern) ? t : "");
    }

    private static void add(List<int[]> found, LiteralIndex.Candidates may, Pattern pattern, String t, Kind kind) {
        add(found, matcher(may, pattern, t), kind);
    }

    private static void add(List<int[]> found, Matcher m, Kind kind) {
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && ".,;:!?)]'\"".indexOf(m.group().charAt(end - 1 - m.start())) >= 0) {
                end--;
            }
            addSpan(found, m.start(), end, kind);
        }
    }

    private static void addSpan(List<int[]> found, int start, int end, Kind kind) {
        for (int[] f : found) {
            if (start < f[1] && end > f[0]) {
                return; // the first, more specific finding wins
            }
        }
        found.add(new int[]{start, end, kind.ordinal()});
    }

    /** "find me on LinkedIn, Jane Doe", "I'm Marcus Bell on fb", "my full name is Chloe Anne Barrett". */
    private static void maskNames(String original, Folded folded, List<int[]> found) {
        Matcher lead = NAME_LEAD.matcher(folded.text());
        while (lead.find()) {
            int start = lead.end();
            int end = nameEnd(original, folded, start);
            if (end > start) {
                addSpan(found, start, end, Kind.NAME);
            }
        }
    }

    /** End of a run of two to four capitalised words starting at folded index {@code start}, or {@code start}. */
    private static int nameEnd(String original, Folded folded, int start) {
        String t = folded.text();
        int i = start;
        int words = 0;
        int end = start;
        while (i < t.length() && words < 4) {
            if (!Character.isLetter(t.charAt(i)) || !capitalised(original, folded, i)) {
                break;
            }
            int j = i;
            while (j < t.length() && (Character.isLetter(t.charAt(j)) || t.charAt(j) == '-' || t.charAt(j) == '\'')) {
                j++;
            }
            words++;
            end = j;
            if (j < t.length() && t.charAt(j) == ' ') {
                i = j + 1;
            } else {
                break;
            }
        }
        return words >= 2 ? end : start;
    }

    private static boolean capitalised(String original, Folded folded, int index) {
        int at = folded.originalStart(index);
        return at < original.length() && Character.isUpperCase(original.codePointAt(at));
    }

    private static Result apply(String original, Folded folded, List<int[]> found) {
        if (found.isEmpty()) {
            return new Result(original, List.of());
        }
        found.sort(Comparator.comparingInt(f -> f[0]));
        StringBuilder out = new StringBuilder(original.length());
        List<Span> spans = new ArrayList<>();
        int copied = 0;
        for (int[] f : found) {
            int start = folded.originalStart(f[0]);
            int end = folded.originalEnd(f[1]);
            if (start < copied) {
                continue;
            }
            Kind kind = Kind.values()[f[2]];
            out.append(original, copied, start).append(kind.token());
            spans.add(new Span(kind, start, end));
            copied = end;
        }
        out.append(original.substring(copied));
        return new Result(out.toString(), spans);
    }

    private static Set<String> setOf(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }
}
