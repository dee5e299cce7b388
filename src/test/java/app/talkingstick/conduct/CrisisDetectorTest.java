package app.talkingstick.conduct;

import static app.talkingstick.conduct.CrisisSignal.Category.HARM_TO_OTHERS;
import static app.talkingstick.conduct.CrisisSignal.Category.OVERDOSE;
import static app.talkingstick.conduct.CrisisSignal.Category.RELAPSE;
import static app.talkingstick.conduct.CrisisSignal.Category.SELF_HARM;
import static app.talkingstick.conduct.CrisisSignal.Category.SUICIDE;
import static app.talkingstick.conduct.CrisisSignal.Severity.CONCERN;
import static app.talkingstick.conduct.CrisisSignal.Severity.HIGH;
import static app.talkingstick.conduct.CrisisSignal.Severity.IMMINENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisDetectorTest {

    private static final CrisisDetector DETECTOR = CrisisDetector.defaults();

    private static CrisisSignal signal(String text) {
        Optional<CrisisSignal> s = DETECTOR.detect(text);
        assertTrue(s.isPresent(), () -> "no signal for: " + text);
        return s.get();
    }

    private static void none(String text) {
        assertEquals(Optional.empty(), DETECTOR.detect(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I want to die|SUICIDE|suicide.want-to-die",
        "I don't want to be here anymore.|SUICIDE|suicide.not-here",
        "everyone would be better off without me|SUICIDE|suicide.better-off",
        "I've been thinking about killing myself|SUICIDE|suicide.explicit",
        "I've been saving up my pills.|OVERDOSE|overdose.stockpile",
        "How many of my sleeping pills would it take?|OVERDOSE|overdose.how-many",
        "I cut again last night and it's getting deeper.|SELF_HARM|selfharm.cut-again",
        "the urge to cut is so loud|SELF_HARM|selfharm.urge",
        "I'm going to make him pay, I know where he parks.|HARM_TO_OTHERS|others.make-pay",
        "I'll stab him if he comes near the kids|HARM_TO_OTHERS|others.intent",
        "I used again and I'm alone and can't stop.|RELAPSE|relapse.used-again",
        "9 months sober and I'm at the bar with a drink in front of me|RELAPSE|relapse.in-front",
        "i bought a hose for the car exhaust|SUICIDE|suicide.g.exhaust",
        "the voices say i should jump and today i agree with them|SUICIDE|suicide.g.command-voices",
        "I've thought about putting something in his drink|HARM_TO_OTHERS|others.g.spike",
        "i just placed a bet with the rent money|RELAPSE|relapse.g.gamble-money",
        "i'm about to text him for some gear|RELAPSE|relapse.g.text-for"
    })
    void detectsEachKind(String text, CrisisSignal.Category category, String label) {
        CrisisSignal s = signal(text);
        assertEquals(category, s.category());
        assertEquals(label, s.label());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'm not suicidal, just exhausted.", "I would never hurt myself, I have my daughter.",
        "I'm not thinking of ending it, I'm thinking of ending my gym contract.",
        "No self-harm thoughts today.", "I have no intention of hurting anyone.", "No urges to use this week.",
        "I don't want to die, I want things to change.", "I'm not going to kill myself, I promise."
    })
    void negationIsRespected(String text) {
        none(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Two years ago I tried to kill myself, and today I'm grateful I'm still here.",
        "When I was 19 I overdosed and spent three days in ICU.",
        "I used to believe everyone would be better off without me.",
        "My last relapse was three years ago and I learned so much from it.",
        "I was suicidal in my twenties. I'm 45 now and life is good.",
        "There was a time I'd sit outside my dealer's for hours."
    })
    void pastAndRecoveryNarrativeIsNotACrisis(String text) {
        none(text);
    }

    @Test
    void aPastStoryWithSomethingHappeningNowIsACrisis() {
        assertEquals(SELF_HARM, signal("I used to cut years ago and I cut again last night.").category());
        assertEquals(SUICIDE, signal("My wife left last year and I've decided to end it.").category());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "My therapist asked if I had suicidal thoughts.",
        "My GP did the questionnaire with the 'better off dead' question and I ticked 'not at all'.",
        "The book talks about suicide prevention in a really hopeful way.",
        "My daughter's writing her dissertation on self-harm in teenagers.",
        "The nurse explained what to do if someone takes too much of their medication.",
        "In safety planning we wrote down who I'd call if I ever felt like hurting myself again.",
        "My brother died by suicide in 2015 and I still miss him.",
        "My friend relapsed last month and I'm worried about her."
    })
    void reportedHypotheticalAndOtherPeoplesStoriesAreNotACrisis(String text) {
        none(text);
    }

    @Test
    void answeringYesToAScreeningQuestionIsACrisis() {
        assertEquals(SUICIDE, signal("The nurse asked if I'd thought about killing myself and I said yes.").category());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'm just killing time before group.", "This commute is killing me.", "I could murder a pizza.",
        "I'm dying to see the new film.", "My boss is going to kill me, I forgot the report.",
        "I killed it at my interview!", "Drop dead gorgeous.", "I nearly died laughing.",
        "Overdosed on Christmas chocolate again, no regrets.", "This spreadsheet will be the death of me.",
        "Cut my hair really short today.", "I'm absolutely dead on my feet.", "I'm going to hit the gym after this.",
        "Shoot me a message later.", "I could kill for a cup of tea.", "My hay fever is killing me this week."
    })
    void idiomsAreNotACrisis(String text) {
        none(text);
    }

    @Test
    void severityRisesWithTimeAndMeans() {
        assertEquals(HIGH, signal("I want to die").severity());
        assertEquals(IMMINENT, signal("I want to die tonight").severity());
        assertEquals(IMMINENT, signal("I've got the blade out").severity());
        assertEquals(IMMINENT, signal("I took 40 of my diazepam").severity());
        assertEquals(CONCERN, signal("Nobody would even notice if I disappeared, I'm a burden").severity());
    }

    @Test
    void indirectSignsAloneAreAConcern() {
        CrisisSignal s = signal("I'm a burden and there's no point in anything");
        assertEquals(SUICIDE, s.category());
        assertEquals(CONCERN, s.severity());
    }

    @Test
    void indirectSignsWithADateAreHigh() {
        CrisisSignal s = signal("I'm a burden and there's no point in anything. It ends on Friday.");
        assertEquals(HIGH, s.severity());
    }

    @Test
    void theLabelIsARuleIdNeverMessageText() {
        CrisisSignal s = signal("My name is Jo Bloggs and I want to kill myself");
        assertEquals("suicide.explicit", s.label());
        assertFalse(s.label().contains("jo"));
    }

    @Test
    void disguisedWordingIsStillDetected() {
        assertEquals(SUICIDE, signal("i want to d1e").category());
        assertEquals(SUICIDE, signal("thinking about unaliving myself").category());
        assertEquals(SUICIDE, signal("i want to k*ll myself").category());
        assertEquals(SELF_HARM, signal("s/h urges are bad again").category());
        assertEquals(SUICIDE, signal("ѕuісіdal thoughts every day").category());
    }

    @Test
    void secondPersonAbuseIsNotACrisis() {
        none("just kys already nobody would miss you");
        none("I'll smash your face in after group");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "all i think about is ending it|SUICIDE|CONCERN",
        "sometimes i want to shake the baby to make him stop screaming|HARM_TO_OTHERS|CONCERN",
        // On the way, with the money: intent and a time, the same ladder as every rule (CrisisSeverity).
        "i'm on my way to the casino with my whole wages|RELAPSE|IMMINENT"
    })
    void theLearnedLayerJudgesMessagesOnItsTopicThatNoRuleMatched(String text, CrisisSignal.Category category,
                                                                  CrisisSignal.Severity severity) {
        assertTrue(DETECTOR.explain(text).isEmpty(), () -> "a rule matched, so this tests nothing: " + DETECTOR.explain(text));
        CrisisSignal s = signal(text);
        assertEquals(category, s.category());
        assertEquals(severity, s.severity());
        assertTrue(s.label().startsWith("model."), s.label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Just got back from the shops", "i've been counting my steps every day"})
    void theLearnedLayerStaysOutOfMessagesNotAboutACrisis(String text) {
        // The classifier alone would flag these ordinary lines; none mentions a crisis kind's topic words.
        assertTrue(CrisisClassifier.bundled().predict(text).crisisProbability() >= CrisisDetector.MODEL_THRESHOLD,
                "the classifier no longer scores this line high; pick another to test the topic gate: " + text);
        none(text);
    }

    @Test
    void aRuleWhoseRequiredContextIsAbsentIsNoMatchRatherThanADiscount() {
        // "took everything" needs a medicine word; "blister packs" is one. Without any, the rule simply does not
        // match (it used to count as an explained match, which also kept the learned layer out).
        assertEquals(OVERDOSE, signal("took everything in the blister packs, feeling dizzy now").category());
        assertTrue(DETECTOR.explain("took everything with me when I moved out").stream()
                .noneMatch(h -> h.rule().id().equals("overdose.took-quantity")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I sat in the car with the engine running to warm it up before work",
        "the voices are quieter since the new meds",
        "i've got his address so i can send the birthday card",
        "im done with dating apps for good",
        "this will be my last message tonight, thank you all",
        "i'm so tired i could die",
        "my cat scratched my legs to bits",
        "wrote my will after the baby was born, felt very grown up",
        "i've got enough pills in the blister pack for the week"
    })
    void everydayTalkAroundTheSameWordsIsNotACrisis(String text) {
        none(text);
    }

    @Test
    void emptyInputHasNoSignal() {
        none("");
        none("   ");
    }

    @Test
    void categoriesAreChosenByTheStrongestAndEarliestEvidence() {
        assertEquals(RELAPSE, signal("i shot up tonight for the first time in 8 months and im by myself. scared i"
                + " took too much").category());
        assertEquals(OVERDOSE, signal("Mixed my oxy with the wine tonight, way more than usual.").category());
        assertEquals(HARM_TO_OTHERS, signal("I keep picturing running my neighbour over and I'm ready to do it.")
                .category());
    }
}
