package app.talkingstick.conduct;

import java.time.Instant;

/** Repeat detection: messages compared after normalisation, equal or nearly equal (a few characters apart). */
final class Repeats {

    /** Character buckets of the letter-count bound: a power of two, so a bucket is the char's low bits. */
    private static final int BUCKETS = 64;

    private Repeats() {
    }

    /** The comparison key: folded, letters and digits only, repeated letters squeezed, single spaces. */
    static String key(String text) {
        String folded = TextNormalizer.fold(text).text();
        StringBuilder b = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                if (b.length() == 0 || b.charAt(b.length() - 1) != c) {
                    b.append(c);
                }
            } else {
                space = true;
            }
        }
        return b.length() == 0 ? text.strip() : b.toString();
    }

    /** How many messages in {@code state} within the repeat window are the same as, or nearly, {@code key}. */
    static int count(MemberConduct state, String key, FloodSettings flood, Instant now) {
        Instant since = now.minus(flood.repeatWindow());
        int n = 0;
        for (MemberConduct.Recent r : state.recent()) {
            if (!r.at().isBefore(since) && similar(r.key(), key)) {
                n++;
            }
        }
        return n;
    }

    /** Equal, or both at least 12 characters and at most one edit in ten apart. */
    static boolean similar(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 12) {
            return false;
        }
        int allowed = Math.max(1, Math.max(a.length(), b.length()) / 10);
        if (Math.abs(a.length() - b.length()) > allowed) {
            return false;
        }
        return letterCountGap(a, b) <= allowed && distance(a, b, allowed) <= allowed;
    }

    /**
     * A lower bound of the edit distance, in one pass: the larger of the two multiset differences of the strings'
     * characters (grouped into buckets, which can only lower it). An edit changes at most one character on each
     * side, so two unrelated sentences are told apart here without the distance table.
     */
    static int letterCountGap(String a, String b) {
        int[] counts = new int[BUCKETS];
        for (int i = 0; i < a.length(); i++) {
            counts[bucket(a.charAt(i))]++;
        }
        for (int i = 0; i < b.length(); i++) {
            counts[bucket(b.charAt(i))]--;
        }
        int onlyInA = 0;
        int onlyInB = 0;
        for (int count : counts) {
            if (count > 0) {
                onlyInA += count;
            } else {
                onlyInB -= count;
            }
        }
        return Math.max(onlyInA, onlyInB);
    }

    private static int bucket(char c) {
        return c & (BUCKETS - 1);
    }

    /**
     * Levenshtein distance, giving up (returning {@code limit + 1}) once it exceeds {@code limit}. Only the band of
     * cells within {@code limit} of the diagonal is computed: a cell outside it is already more than {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        int beyond = limit + 1;
        if (Math.abs(n - m) > limit) {
            return beyond;
        }
        int[] prev = new int[m + 2];
        int[] cur = new int[m + 2];
        for (int j = 0; j <= m; j++) {
            prev[j] = Math.min(j, beyond);
        }
        prev[m + 1] = beyond;
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(m, i + limit);
            cur[from - 1] = from == 1 ? Math.min(i, beyond) : beyond;
            int rowMin = cur[from - 1];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                cur[j] = Math.min(value, beyond);
                rowMin = Math.min(rowMin, cur[j]);
            }
            cur[to + 1] = beyond;
            if (rowMin > limit) {
                return beyond;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
