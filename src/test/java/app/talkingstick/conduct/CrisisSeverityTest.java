package app.talkingstick.conduct;

import static app.talkingstick.conduct.CrisisSignal.Severity.CONCERN;
import static app.talkingstick.conduct.CrisisSignal.Severity.HIGH;
import static app.talkingstick.conduct.CrisisSignal.Severity.IMMINENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.conduct.CrisisSignal.Category;
import app.talkingstick.conduct.CrisisSignal.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The severity ladder: CONCERN (passive), HIGH (intent, plan, means, time), IMMINENT (intent + time, an act). */
class CrisisSeverityTest {

    private static CrisisSignal signal(String text) {
        return CrisisDetector.defaults().detect(text).orElseThrow(() -> new AssertionError("no signal for: " + text));
    }

    /** The step alone, as for a signal whose deciding wording says nothing more than CONCERN. */
    private static Severity ladder(String text) {
        return CrisisSeverity.of(CrisisText.of(text), CONCERN, "model.suicide");
    }

    // Through the whole detector: the therapists' examples, then each rung in each category (our own wording).
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // passive ideation, hopelessness, burdensomeness: CONCERN
        "everyone would be better off without me|SUICIDE|CONCERN",
        "I don't want to be here anymore|SUICIDE|CONCERN",
        "what's the point of waking up|SUICIDE|CONCERN",
        "honestly I wish I was dead|SUICIDE|CONCERN",
        "my kids would be happier without me around|SUICIDE|CONCERN",
        "life isn't worth living anymore, today was awful|SUICIDE|CONCERN",
        "i hope i don't wake up tomorrow|SUICIDE|CONCERN",
        // plan, means at hand or a time: at least HIGH
        "I have pills saved up|OVERDOSE|HIGH",
        "I don't think I can keep going, I have pills saved up|OVERDOSE|HIGH",
        "I've bought a rope|SUICIDE|HIGH",
        "I've written the note|SUICIDE|HIGH",
        "I'm giving my things away|SUICIDE|HIGH",
        "I've got the pills here|OVERDOSE|HIGH",
        "I've picked a date|SUICIDE|HIGH",
        "there's a razor hidden in my pencil case in case I need it|SELF_HARM|HIGH",
        "the rope is up in the loft, I made sure it is still there|SUICIDE|HIGH",
        // explicit intent without plan or time: HIGH
        "I want to kill myself|SUICIDE|HIGH",
        "I'm going to end it|SUICIDE|HIGH",
        "I want to die|SUICIDE|HIGH",
        "i'm going to hurt him|HARM_TO_OTHERS|HIGH",
        "I'm going to cut myself|SELF_HARM|HIGH",
        // intent with a time (and a plan or means): IMMINENT
        "I want to kill myself tonight|SUICIDE|IMMINENT",
        "I'm going to take all the pills I've saved tonight|OVERDOSE|IMMINENT",
        "I have the rope and I'm doing it tonight|SUICIDE|IMMINENT",
        "i'm going to cut tonight when everyone's asleep|SELF_HARM|IMMINENT",
        "i'm going to stab him tonight|HARM_TO_OTHERS|IMMINENT",
        "i'm going to relapse tonight|RELAPSE|IMMINENT",
        "gonna od tonight when they're all out|OVERDOSE|IMMINENT",
        // an act under way or just done, the means in hand: IMMINENT
        "I've just taken the whole packet|OVERDOSE|IMMINENT",
        "I'm standing on the bridge now|SUICIDE|IMMINENT",
        "I have the pills in my hand right now|SUICIDE|IMMINENT",
        "I've got the blade out|SELF_HARM|IMMINENT",
        "i just drank a whole bottle of vodka after 3 years sober|RELAPSE|IMMINENT",
        "i'm drunk right now and i relapsed after a year|RELAPSE|IMMINENT",
    })
    void eachRungThroughTheDetector(String text, Category category, Severity severity) {
        CrisisSignal s = signal(text);
        assertEquals(category, s.category(), () -> "category changed for: " + text);
        assertEquals(severity, s.severity(), () -> text + " (" + s.label() + ")");
    }

    // The step on its own: the cues, whatever path raised the signal.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "I have a plan|HIGH",
        "i worked out how i'd do it|HIGH",
        "nobody needs me, this weekend is when|HIGH",
        "the letters to my sisters are written|HIGH",
        "it will all be over on friday|HIGH",
        "i'm on my way to the bridge|IMMINENT",
        "tonight is the night|IMMINENT",
        "i've already swallowed them|IMMINENT",
        "i took about 30 of them an hour ago|IMMINENT",
        "sitting on the roof edge as we speak|IMMINENT",
        "i'm so tired of everything|CONCERN",
        "nobody would notice if i vanished|CONCERN",
        "i feel like a burden to everyone today|CONCERN",
        "i'm not going to do anything, i just feel empty|CONCERN",
        "i'm scared i'll snap at my son|CONCERN",
    })
    void cuesOnTheirOwn(String text, Severity severity) {
        assertEquals(severity, ladder(text), text);
    }

    @Test
    void passiveWordingIsAConcernWhateverTheRuleCarriesForDetection() {
        CrisisText text = CrisisText.of("they'd all be better off without me");
        assertEquals(CONCERN, CrisisSeverity.of(text, HIGH, "suicide.better-off"));
        // A rule whose wording is itself active (ideation in words, a method, an act some time ago) stays HIGH.
        assertEquals(HIGH, CrisisSeverity.of(CrisisText.of("I keep thinking about killing myself"), HIGH,
                "suicide.explicit"));
        assertEquals(HIGH, CrisisSeverity.of(CrisisText.of("i cut my arm last night"), HIGH, "selfharm.cut"));
        // The step never rates a rule above HIGH for its own sake: "I bought a rope" carries IMMINENT for detection.
        assertEquals(HIGH, CrisisSeverity.of(CrisisText.of("the noose is in the shed"), IMMINENT, "suicide.hang"));
    }

    @Test
    void negatedAndFearfulWordsAreNoIntent() {
        assertEquals(CONCERN, ladder("i don't want to die, i just want the pain to go away"));
        assertEquals(CONCERN, ladder("i would never kill myself but i don't want to be here"));
        assertEquals(CONCERN, ladder("terrified i will hurt someone"));
    }

    @Test
    void everyPassiveRuleExists() {
        for (String id : CrisisSeverity.PASSIVE) {
            assertTrue(CrisisRules.RULES.stream().anyMatch(r -> r.id().equals(id)), id);
        }
    }
}
