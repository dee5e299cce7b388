package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private static final WordLists LISTS = WordLists.bundled();

    private static String norm(String text) {
        return TextNormalizer.normalize(text, LISTS).text();
    }

    @Test
    void lowerCasesAndKeepsPlainText() {
        assertEquals("hello there", TextNormalizer.fold("Hello THERE").text());
        assertFalse(TextNormalizer.fold("Hello THERE").disguised(0, 11));
    }

    @Test
    void fullWidthFormsBecomeAscii() {
        Folded f = TextNormalizer.fold("ｓｈｕｔ　ｕｐ");
        assertEquals("shut up", f.text());
        assertTrue(f.disguised(0));
    }

    @Test
    void cyrillicLookAlikesBecomeLatin() {
        Folded f = TextNormalizer.fold("уоu іdіоt");
        assertEquals("you idiot", f.text());
        assertTrue(f.disguised(0, f.text().length()));
    }

    @Test
    void greekLookAlikesBecomeLatin() {
        assertEquals("idiot", TextNormalizer.fold("ιdιοt").text());
        assertEquals("loser", TextNormalizer.fold("LΟSΕR").text());
    }

    @Test
    void stylisedMathematicalLettersBecomePlain() {
        assertEquals("loser", TextNormalizer.fold("𝐥𝐨𝐬𝐞𝐫").text());
    }

    @Test
    void combiningMarksAreStrippedAndMarkTheWordDisguised() {
        Folded f = TextNormalizer.fold("i\u0336d\u0336i\u0336o\u0336t\u0336");
        assertEquals("idiot", f.text());
        assertTrue(f.disguised(0, 5));
    }

    @Test
    void accentsAreStrippedWithoutCountingAsDisguise() {
        Folded f = TextNormalizer.fold("café");
        assertEquals("cafe", f.text());
        assertFalse(f.disguised(0, 4));
    }

    @Test
    void zeroWidthCharactersAreRemoved() {
        Folded f = TextNormalizer.fold("lo\u200Bs\u200Der\uFEFF");
        assertEquals("loser", f.text());
        assertTrue(f.disguised(0, 5));
    }

    @Test
    void foldingMapsBackToTheOriginalText() {
        String original = "Call ０７７００";
        Folded f = TextNormalizer.fold(original);
        assertEquals("call 07700", f.text());
        assertEquals(5, f.originalStart(5));
        assertEquals(original.length(), f.originalEnd(10));
    }

    @Test
    void typographicQuotesAndDashesBecomeAscii() {
        assertEquals("you're - \"ok\"", TextNormalizer.fold("you’re — “ok”").text());
    }

    @Test
    void leetspeakInsideWordsIsRead() {
        assertEquals("you are a idiot", norm("y0u r a 1d10t"));
        assertEquals("bitch", norm("b!tch"));
        assertEquals("asshole", norm("a$$hole"));
        assertEquals("dickhead", norm("d1ckhead"));
    }

    @Test
    void numbersAloneAreNotReadAsLetters() {
        assertEquals("day 45 sober", norm("Day 45 sober"));
        assertEquals("24 7", norm("24/7"));
    }

    @Test
    void exclamationMarksAreNotLetters() {
        assertEquals("idiot", norm("idiot!!!"));
        assertEquals(Word.Pause.SENTENCE, TextNormalizer.normalize("idiot! you", LISTS).words().get(1).pause());
    }

    @Test
    void asteriskIsKeptAsAWildcardLetter() {
        assertEquals("c*nt", norm("c*nt"));
        assertEquals("f***", norm("f***"));
    }

    @Test
    void lettersSpelledOutWithSpacesAreJoinedWhenTheyMakeAListedWord() {
        assertEquals("you are a pathetic looser", norm("y0u r a p a t h e t i c l00ser"));
    }

    @Test
    void lettersSpelledOutWithDotsOrDashesAreJoined() {
        assertEquals("you are a loser", norm("you're a l.o.s.e.r"));
        assertEquals("you are stupid", norm("you're s-t-u-p-i-d"));
    }

    @Test
    void spelledOutLeetIsJoined() {
        assertEquals("you are so retarded", norm("ur so r e t @ r d e d"));
    }

    @Test
    void spelledOutLettersThatMakeNoListedWordStayApart() {
        assertEquals("a b c", norm("a b c"));
        assertEquals("you are a loser", norm("u r a loser"));
    }

    @Test
    void contractionsAndChatSpellingsAreExpanded() {
        assertEquals("you are so annoying", norm("ur so annoying"));
        assertEquals("your mum", norm("ur mum"));
        assertEquals("you are so ugly", norm("your so ugly"));
        assertEquals("i am fine and i will be ok", norm("I'm fine and I'll be ok"));
        assertEquals("i will find you", norm("ill find you"));
        assertEquals("i feel ill", norm("I feel ill"));
        assertEquals("do not go", norm("dont go"));
        assertEquals("kill yourself", norm("kill urself"));
    }

    @Test
    void disguisedWordsAreFlagged() {
        assertTrue(TextNormalizer.normalize("ѕhut uр", LISTS).disguised());
        assertTrue(TextNormalizer.normalize("p a t h e t i c", LISTS).disguised());
        assertFalse(TextNormalizer.normalize("shut up", LISTS).disguised());
    }

    @Test
    void wordsKeepTheirPositionInTheFoldedText() {
        List<Word> words = TextNormalizer.normalize("Hi, Sam.", LISTS).words();
        assertEquals(2, words.size());
        assertEquals(4, words.get(1).start());
        assertEquals(7, words.get(1).end());
        assertEquals(Word.Pause.COMMA, words.get(1).pause());
    }
}
