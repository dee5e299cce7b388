package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.conduct.CrisisSignal.Category;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisClassifierTest {

    private static final CrisisClassifier MODEL = CrisisClassifier.bundled();

    @Test
    void theTrainingSetIsLargeMostlyBenignAndUsesOnlyKnownLabels() {
        List<CrisisClassifier.Example> examples = CrisisClassifier.load(CrisisClassifier.RESOURCE);
        assertTrue(examples.size() >= 1500, "training lines: " + examples.size());
        long benign = examples.stream().filter(e -> e.label().equals("benign")).count();
        assertTrue(benign * 2 >= examples.size(), "benign lines: " + benign + " of " + examples.size());
        for (CrisisClassifier.Example e : examples) {
            assertTrue(CrisisClassifier.LABELS.contains(e.label()), e.label());
        }
    }

    @Test
    void trainingIsDeterministic() {
        List<CrisisClassifier.Example> examples = CrisisClassifier.load(CrisisClassifier.RESOURCE);
        CrisisClassifier again = CrisisClassifier.train(examples);
        for (String text : List.of("i have nothing left and i am going tonight", "my sertraline went up to 100mg",
                "i am off my face again", "killing time before group")) {
            CrisisClassifier.Prediction a = MODEL.predict(text);
            CrisisClassifier.Prediction b = again.predict(text);
            assertEquals(a, b, text);
        }
    }

    @Test
    void featuresAreStableAndNegationChangesThem() {
        int[] plain = CrisisClassifier.features("i am suicidal");
        assertArrayEquals(plain, CrisisClassifier.features("i am suicidal"));
        int[] negated = CrisisClassifier.features("i am not suicidal");
        // "suicidal" inside the scope of "not" hashes to a different unigram than the plain word.
        java.util.Set<Integer> negatedSet = new java.util.HashSet<>();
        for (int f : negated) {
            negatedSet.add(f);
        }
        assertTrue(java.util.Arrays.stream(plain).anyMatch(f -> !negatedSet.contains(f)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i cant see a reason to keep going and i have decided on sunday|SUICIDE",
        "nothing left to live for, i am going to end it|SUICIDE",
        "i want to cut myself tonight|SELF_HARM",
        "i keep burning my arm with a lighter|SELF_HARM",
        "im going to stab him when he gets home|HARM_TO_OTHERS",
        "i have been saving my tablets for weeks|OVERDOSE",
        "i just swallowed the whole packet|OVERDOSE",
        "im at the pub with a pint and i dont care about my sobriety|RELAPSE",
        "my dealer is on his way over|RELAPSE"
    })
    void clearCrisisLinesScoreHigh(String text, Category category) {
        CrisisClassifier.Prediction p = MODEL.predict(text);
        assertTrue(p.crisisProbability() >= 0.5, text + " -> " + p);
        assertEquals(category, p.category(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'm not suicidal, just tired",
        "i would never hurt myself",
        "this commute is killing me",
        "I could murder a pizza",
        "dying to see the new film",
        "killing time before group",
        "my gp put my sertraline up to 100mg",
        "i take my tablets every morning with breakfast",
        "three years sober today and feeling grateful",
        "my uncle died last spring and i miss him",
        "thanks everyone, see you next week",
        "the documentary about addiction was really moving"
    })
    void benignLinesScoreLow(String text) {
        CrisisClassifier.Prediction p = MODEL.predict(text);
        assertTrue(p.crisisProbability() < CrisisDetector.MODEL_THRESHOLD, text + " -> " + p);
    }

    @Test
    void negationLowersTheScore() {
        double plain = MODEL.predict("i want to hurt myself tonight").crisisProbability();
        double negated = MODEL.predict("i do not want to hurt myself tonight").crisisProbability();
        assertTrue(negated < plain, plain + " vs " + negated);
    }

    @Test
    void probabilitiesAreProbabilities() {
        CrisisClassifier.Prediction p = MODEL.predict("");
        assertTrue(p.crisisProbability() >= 0 && p.crisisProbability() <= 1);
        assertTrue(p.categoryProbability() <= p.crisisProbability() + 1e-9);
    }
}
