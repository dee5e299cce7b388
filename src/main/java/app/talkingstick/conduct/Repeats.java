package app.talkingstick.conduct;

import java.time.Instant;

/** Repeat detection: messages compared after normalisation, equal or nearly equal (a few characters apart). */
final class Repeats {

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
        return distance(a, b, allowed) <= allowed;
    }

    /** Levenshtein distance, giving up (returning {@code limit + 1}) once it exceeds {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
