package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The banded distance answers like the full Levenshtein table whenever the answer is within the limit. */
class RepeatsDistanceTest {

    @Test
    void agreesWithTheFullTableUpToTheLimit() {
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            String a = randomText(random);
            String b = nearOrUnrelated(a, random);
            int limit = random.nextInt(8);
            int full = fullDistance(a, b);
            int banded = Repeats.distance(a, b, limit);
            if (full <= limit) {
                assertEquals(full, banded, a + " / " + b + " within " + limit);
            } else {
                assertEquals(true, banded > limit, a + " / " + b + " beyond " + limit + ": " + banded);
            }
        }
    }

    @Test
    void theLetterCountGapNeverExceedsTheDistance() {
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            String a = randomText(random);
            String b = nearOrUnrelated(a, random);
            int gap = Repeats.letterCountGap(a, b);
            int full = fullDistance(a, b);
            if (gap > full) {
                throw new AssertionError(a + " / " + b + ": gap " + gap + " > distance " + full);
            }
        }
        assertEquals(3, Repeats.letterCountGap("abc", "xyz"));
        assertEquals(0, Repeats.letterCountGap("stop", "pots"));
    }

    @Test
    void unrelatedSentencesAreNotSimilarAndNearRepeatsAre() {
        String a = "i talked to my sister about the weekend and it went better than i feared";
        assertEquals(false, Repeats.similar(a, "the new job starts on monday and i am nervous about the commute"));
        assertEquals(true, Repeats.similar(a, a.replace("sister", "sistr")));
    }

    /** Half the time a few edits away from {@code a}, otherwise another random text. */
    private static String nearOrUnrelated(String a, Random random) {
        return random.nextBoolean() ? mutate(a, random) : randomText(random);
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            b.append("abcde ".charAt(random.nextInt(6)));
        }
        return b.toString();
    }

    private static String mutate(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        int edits = random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.insert(at, 'x');
                case 1 -> { if (b.length() > 0) b.deleteCharAt(at); }
                default -> { if (b.length() > 0) b.setCharAt(at, 'y'); }
            }
        }
        return b.toString();
    }

    private static int fullDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
            }
        }
        return d[a.length()][b.length()];
    }
}
