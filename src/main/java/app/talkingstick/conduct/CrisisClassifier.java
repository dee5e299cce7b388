package app.talkingstick.conduct;

import app.talkingstick.conduct.CrisisSignal.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The learned layer of crisis detection: a multinomial logistic regression over hashed features of the
 * {@link CrisisText}-normalised message (folded, lower case, contractions and chat spellings written out), next to the
 * phrase rules of {@link CrisisRules}.
 *
 * <p>Features: word unigrams, where a word shortly after a negator ("not", "never", "no", "without", "nor") is marked
 * as negated instead ("i am not suicidal" gives {@code not}, {@code ¬suicidal}); word bigrams and trigrams of the
 * unmarked words, with start and end of message; character 4-grams inside words (typos, inflections:
 * "overdosin", "sucidal"); a few markers (a negator anywhere, past narrative, another person as subject, first person
 * present/future). All hashed into {@value #BUCKETS} buckets, no dictionary.
 *
 * <p>Classes: {@code benign}, {@code abuse} (both "no crisis"), and the five crisis kinds. Trained when the class
 * loads, from the bundled {@code conduct/crisis-training.tsv} (written for this purpose, separately from the
 * evaluation corpus in the tests), by stochastic gradient descent with fixed seeds, a fixed number of passes and L2
 * regularisation, several times in different orders, with the fits' weights averaged: the same file always gives
 * the same weights. Training happens once, on first use, and takes about 1.5 s in a cold JVM on two cores (call
 * {@link #bundled()} at start-up, off the event loop); weights take {@code BUCKETS * 7} floats (about 1.8 MB). Scoring a message costs about 1.5 µs once the text
 * has been normalised (see {@code CrisisClassifierBenchmark} in the tests), allocates a few small arrays, keeps no
 * state and is thread-safe.
 */
public final class CrisisClassifier {

    /** Number of hash buckets (a power of two). */
    static final int BUCKETS = 1 << 16;
    /** Class labels in the order of the weight rows; index 0 and 1 are "no crisis". */
    static final List<String> LABELS = List.of("benign", "abuse", "crisis-suicide", "crisis-selfharm",
            "crisis-harm-others", "crisis-overdose", "crisis-relapse");
    private static final Category[] CATEGORIES = {null, null, Category.SUICIDE, Category.SELF_HARM,
            Category.HARM_TO_OTHERS, Category.OVERDOSE, Category.RELAPSE};
    private static final int CLASSES = LABELS.size();
    /**
     * How the bundled classifier is trained: passes over the data, AdaGrad step size, L2 penalty, and how many
     * models, each fitted in its own shuffled order (from {@code seed}), have their weights averaged into the one
     * used: a single fit depends on its order enough to flip borderline messages, the average much less.
     */
    record Training(int epochs, double rate, double l2, long seed, int members) {
    }

    static final Training TRAINING = new Training(12, 0.25, 1e-5, 20250301L, 16);
    private static final int NEGATION_SCOPE = 3;
    static final String RESOURCE = "conduct/crisis-training.tsv";

    /**
     * What the classifier makes of a message.
     *
     * @param category            the most likely crisis kind (even when the message is most likely no crisis)
     * @param crisisProbability   P(any crisis kind) = 1 - P(benign) - P(abuse)
     * @param categoryProbability P(category)
     */
    public record Prediction(Category category, double crisisProbability, double categoryProbability,
                             double abuseProbability) {
    }

    /** A labelled example; {@code weight} scales its loss (1 for most). */
    record Example(String label, String text, double weight) {
        Example(String label, String text) {
            this(label, text, 1);
        }
    }

    private static volatile CrisisClassifier bundled;

    private final float[] weights;
    private final float[] bias;

    private CrisisClassifier(float[] weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** The classifier trained on the bundled training set (trained once, on first use). */
    public static CrisisClassifier bundled() {
        CrisisClassifier c = bundled;
        if (c == null) {
            synchronized (CrisisClassifier.class) {
                c = bundled;
                if (c == null) {
                    c = train(load(RESOURCE));
                    bundled = c;
                }
            }
        }
        return c;
    }

    /** The weights, for a classifier trained offline and shipped as a resource (gzip: buckets, classes, weights, bias). */
    void write(java.io.OutputStream out) throws IOException {
        try (java.io.DataOutputStream data = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                new java.util.zip.GZIPOutputStream(out)))) {
            data.writeInt(BUCKETS);
            data.writeInt(CLASSES);
            for (float w : weights) {
                data.writeFloat(w);
            }
            for (float b : bias) {
                data.writeFloat(b);
            }
        }
    }

    /** A classifier written by {@link #write}. */
    static CrisisClassifier read(InputStream in) throws IOException {
        try (java.io.DataInputStream data = new java.io.DataInputStream(new java.io.BufferedInputStream(
                new java.util.zip.GZIPInputStream(in)))) {
            if (data.readInt() != BUCKETS || data.readInt() != CLASSES) {
                throw new IOException("the weights were written for another feature layout");
            }
            float[] w = new float[BUCKETS * CLASSES];
            for (int i = 0; i < w.length; i++) {
                w[i] = data.readFloat();
            }
            float[] b = new float[CLASSES];
            for (int i = 0; i < b.length; i++) {
                b[i] = data.readFloat();
            }
            return new CrisisClassifier(w, b);
        }
    }

    /** Probabilities for {@code message}. */
    public Prediction predict(String message) {
        return predict(CrisisText.of(message == null ? "" : message));
    }

    Prediction predict(CrisisText text) {
        double[] p = probabilities(features(text.text));
        int best = 2;
        for (int k = 3; k < CLASSES; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return new Prediction(CATEGORIES[best], 1 - p[0] - p[1], p[best], p[1]);
    }

    private double[] probabilities(int[] features) {
        return probabilities(weights, bias, features);
    }

    private static double[] probabilities(float[] weights, float[] bias, int[] features) {
        double[] z = new double[CLASSES];
        for (int k = 0; k < CLASSES; k++) {
            z[k] = bias[k];
        }
        for (int f : features) {
            int row = f * CLASSES;
            for (int k = 0; k < CLASSES; k++) {
                z[k] += weights[row + k];
            }
        }
        softmax(z);
        return z;
    }

    private static void softmax(double[] z) {
        double max = z[0];
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
    }

    // ---------------------------------------------------------------- training

    static CrisisClassifier train(List<Example> examples) {
        return train(examples, TRAINING);
    }

    static CrisisClassifier train(List<Example> examples, Training training) {
        int n = examples.size();
        int[][] x = new int[n][];
        int[] y = new int[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i);
            weight[i] = e.weight();
            y[i] = LABELS.indexOf(e.label());
            if (y[i] < 0) {
                throw new IllegalArgumentException("unknown label in crisis training set: " + e.label());
            }
        }
        // Normalising is most of the cost of training; each line is independent, so it may run in parallel
        // without changing the result. The members share the features.
        java.util.stream.IntStream.range(0, n).parallel()
                .forEach(i -> x[i] = features(CrisisText.of(examples.get(i).text()).text));
        double[] classWeight = classWeights(y);
        float[][] w = new float[training.members()][];
        float[][] b = new float[training.members()][];
        java.util.stream.IntStream.range(0, training.members()).parallel().forEach(m -> {
            w[m] = new float[BUCKETS * CLASSES];
            b[m] = new float[CLASSES];
            fit(x, y, weight, classWeight, training, new Random(training.seed() + 7919L * m), w[m], b[m]);
        });
        return new CrisisClassifier(mean(w), mean(b));
    }

    /** Element-wise mean of equally long arrays, summed in a fixed order (the result does not depend on threads). */
    private static float[] mean(float[][] arrays) {
        float[] out = new float[arrays[0].length];
        for (float[] a : arrays) {
            for (int i = 0; i < out.length; i++) {
                out[i] += a[i];
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= arrays.length;
        }
        return out;
    }

    /**
     * Class weights such that each of "benign", "abuse" and "crisis" weighs as much in total as the data they hold,
     * but the five crisis kinds share their weight evenly.
     */
    private static double[] classWeights(int[] y) {
        double[] classWeight = new double[CLASSES];
        int[] counts = new int[CLASSES];
        for (int label : y) {
            counts[label]++;
        }
        int crisis = 0;
        for (int k = 2; k < CLASSES; k++) {
            crisis += counts[k];
        }
        for (int k = 0; k < CLASSES; k++) {
            classWeight[k] = counts[k] == 0 ? 0 : k < 2 ? 1.0 : (double) crisis / (CLASSES - 2) / counts[k];
        }
        return classWeight;
    }

    /** AdaGrad SGD on one member's weights, visiting the examples in an order shuffled by {@code random}. */
    private static void fit(int[][] x, int[] y, double[] weight, double[] classWeight, Training training, Random random,
                            float[] w, float[] b) {
        int n = x.length;
        float[] g2 = new float[w.length];
        double[] b2 = new double[CLASSES];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int idx : order) {
                int[] f = x[idx];
                double[] p = probabilities(w, b, f);
                double cw = classWeight[y[idx]] * weight[idx];
                for (int k = 0; k < CLASSES; k++) {
                    double g = cw * (p[k] - (k == y[idx] ? 1 : 0));
                    b2[k] += g * g;
                    b[k] -= (float) (training.rate() * g / (Math.sqrt(b2[k]) + 1e-8));
                    for (int feature : f) {
                        int at = feature * CLASSES + k;
                        double gw = g + training.l2() * w[at];
                        g2[at] += (float) (gw * gw);
                        w[at] -= (float) (training.rate() * gw / (Math.sqrt(g2[at]) + 1e-8));
                    }
                }
            }
        }
    }

    static List<Example> load(String resource) {
        try (InputStream in = CrisisClassifier.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Example> parse(String content) {
        List<Example> out = new ArrayList<>();
        for (String raw : content.split("\r?\n")) {
            if (raw.isBlank() || raw.startsWith("#") || raw.startsWith("label\t")) {
                continue;
            }
            int tab = raw.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException("training line without a label and a tab: " + raw);
            }
            out.add(new Example(raw.substring(0, tab).trim(), raw.substring(tab + 1).trim()));
        }
        return out;
    }

    /** The category that {@code label} stands for, or empty for "benign"/"abuse". */
    static Optional<Category> category(String label) {
        int i = LABELS.indexOf(label);
        return i < 2 ? Optional.empty() : Optional.of(CATEGORIES[i]);
    }

    // ---------------------------------------------------------------- features

    private static final long[] NEGATORS = hashes("not", "never", "no", "without", "nor");
    private static final long[] SCOPE_END = hashes("but", "though", "although", "just", "because", "so", "only",
            "except");
    private static final long[] PAST = hashes("used", "ago", "was", "were", "had", "tried", "when", "back", "once",
            "years", "anniversary", "since", "survived", "recovery", "sober", "clean");
    private static final long[] OTHERS = hashes("he", "she", "they", "my friend", "my brother", "my sister", "my mum",
            "my dad", "my son", "my daughter", "my partner", "my husband", "my wife", "the character", "someone",
            "her", "his");
    private static final long[] FIRST_NOW = hashes("i am", "i will", "i want", "i can", "i have", "i keep",
            "i need", "i just", "going to", "right now", "tonight");
    private static final long START = mix(0x5157A27L);
    private static final long END = mix(0xE2D0FL);

    /**
     * Hashed feature buckets of a normalised text (duplicates kept: a repeated feature counts twice).
     * Package-private for tests.
     */
    static int[] features(String text) {
        // Word tokens: runs of letters and digits (apostrophes dropped).
        int len = text.length();
        long[] words = new long[Math.max(4, len / 2 + 2)];
        int[] starts = new int[words.length];
        int[] ends = new int[words.length];
        boolean[] breakBefore = new boolean[words.length];
        int count = 0;
        boolean pendingBreak = false;
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int s = i;
                long h = 0x9E3779B97F4A7C15L;
                while (i < len) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        h = (h ^ d) * 0x100000001B3L;
                        i++;
                    } else if (d == '\'' && i + 1 < len && Character.isLetter(text.charAt(i + 1))) {
                        i++;
                    } else {
                        break;
                    }
                }
                words[count] = mix(h);
                starts[count] = s;
                ends[count] = i;
                breakBefore[count] = pendingBreak;
                pendingBreak = false;
                count++;
            } else {
                if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n' || c == '-') {
                    pendingBreak = true;
                }
                i++;
            }
        }
        int charGrams = 0;
        for (int w = 0; w < count; w++) {
            charGrams += Math.max(0, ends[w] - starts[w] + 2 - 3);
        }
        int[] out = new int[count * 3 + 2 + charGrams + 8];
        int n = 0;
        int negLeft = 0;
        boolean anyNegation = false;
        boolean past = false;
        boolean others = false;
        boolean firstNow = false;
        long prev = START;
        long prev2 = START;
        for (int w = 0; w < count; w++) {
            long h = words[w];
            if (breakBefore[w] || contains(SCOPE_END, h)) {
                negLeft = 0;
            }
            // unigram, marked when inside a negation's scope
            out[n++] = bucket(negLeft > 0 ? h ^ 0x4E4547L : h, 1);
            if (negLeft > 0) {
                negLeft--;
            }
            if (contains(NEGATORS, h)) {
                negLeft = NEGATION_SCOPE;
                anyNegation = true;
            }
            past |= contains(PAST, h);
            long pair = mix(prev * 31 + h);
            others |= w == 0 && contains(OTHERS, h) || contains(OTHERS, pair);
            firstNow |= contains(FIRST_NOW, pair) || contains(FIRST_NOW, h);
            // bigram and trigram
            out[n++] = bucket(pair, 2);
            out[n++] = bucket(mix(prev2 * 131 + prev * 31 + h), 3);
            prev2 = prev;
            prev = h;
            // character 4-grams of "^word$"
            int s = starts[w];
            int e = ends[w];
            int span = e - s + 2;
            for (int k = 0; k + 4 <= span; k++) {
                long g = 0xCBF29CE484222325L;
                for (int j = k; j < k + 4; j++) {
                    int at = s - 1 + j;
                    char ch = at < s ? '^' : at >= e ? '$' : text.charAt(at);
                    g = (g ^ ch) * 0x100000001B3L;
                }
                out[n++] = bucket(g, 4);
            }
        }
        out[n++] = bucket(mix(prev * 31 + END), 2);
        out[n++] = bucket(mix(0xB1A5L), 5);
        if (anyNegation) {
            out[n++] = bucket(mix(0x1L), 5);
        }
        if (past) {
            out[n++] = bucket(mix(0x2L), 5);
        }
        if (others) {
            out[n++] = bucket(mix(0x3L), 5);
        }
        if (firstNow) {
            out[n++] = bucket(mix(0x4L), 5);
        }
        if (firstNow && !past) {
            out[n++] = bucket(mix(0x5L), 5);
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static boolean contains(long[] set, long h) {
        for (long v : set) {
            if (v == h) {
                return true;
            }
        }
        return false;
    }

    private static int bucket(long h, int kind) {
        return (int) (mix(h * 0x9E3779B97F4A7C15L + kind) >>> 40) & (BUCKETS - 1);
    }

    /** Hashes of words and two-word phrases, computed the same way as in {@link #features}. */
    private static long[] hashes(String... terms) {
        long[] out = new long[terms.length];
        for (int t = 0; t < terms.length; t++) {
            String[] parts = terms[t].split(" ");
            long h = 0;
            long prev = START;
            for (String part : parts) {
                long x = 0x9E3779B97F4A7C15L;
                for (int i = 0; i < part.length(); i++) {
                    x = (x ^ part.charAt(i)) * 0x100000001B3L;
                }
                h = mix(x);
                if (parts.length == 2 && prev != START) {
                    h = mix(prev * 31 + h);
                }
                prev = mix(x);
            }
            out[t] = h;
        }
        return out;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
