package app.talkingstick.conduct;

import java.util.List;

/**
 * Not a test: measures the classifier's training time (cold, in a fresh JVM) and the per-message cost of
 * {@link CrisisClassifier#predict} (on text already normalised by {@link CrisisText}, as in
 * {@link CrisisDetector#detect}) and of the whole {@code detect}. Run with
 * {@code java -cp target/classes:target/test-classes app.talkingstick.conduct.CrisisClassifierBenchmark}.
 */
public final class CrisisClassifierBenchmark {

    private CrisisClassifierBenchmark() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        CrisisClassifier model = CrisisClassifier.bundled();
        long t1 = System.nanoTime();
        System.out.printf("training (cold, first use): %.0f ms%n", (t1 - t0) / 1e6);
        List<String> messages = List.of("Thanks everyone, see you on Thursday!",
                "i have nothing left and i think this is my last group, i have sorted who gets the dog",
                "My GP increased my sertraline to 100mg last week and the side effects are easing off a bit.",
                "this commute is killing me", "im at the pub again and i dont care anymore",
                "Two years ago I tried to end my life. Today I ran my first 10k and my kids were at the finish line.");
        List<CrisisText> texts = messages.stream().map(CrisisText::of).toList();
        double sink = 0;
        for (int round = 0; round < 3; round++) {
            int n = 200_000;
            long s = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += model.predict(texts.get(i % texts.size())).crisisProbability();
            }
            long e = System.nanoTime();
            System.out.printf("predict on normalised text: %.2f us/message%n", (e - s) / 1e3 / n);
        }
        CrisisDetector detector = CrisisDetector.defaults();
        for (int round = 0; round < 3; round++) {
            int n = 20_000;
            long s = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += detector.detect(messages.get(i % messages.size())).isPresent() ? 1 : 0;
            }
            long e = System.nanoTime();
            System.out.printf("whole CrisisDetector.detect: %.1f us/message%n", (e - s) / 1e3 / n);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
