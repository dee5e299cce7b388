package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrisisResourcesTest {

    @Test
    void bundledResourcesHaveNeutralTextAndPlaceholderLinks() {
        CrisisResources r = CrisisResources.bundled();
        assertTrue(r.text().startsWith("If you are in danger now, call your local emergency number."));
        assertEquals("https://findahelpline.com", r.links().get(0).url());
        assertEquals(5, r.byCategory().size());
    }

    @Test
    void categoryTextIsAddedAfterTheGeneralText() {
        CrisisResources r = CrisisResources.parse("{\"text\": \"Call for help.\", \"links\": [],"
                + " \"categories\": {\"OVERDOSE\": \"Get checked now.\"}}");
        assertEquals("Call for help.\n\nGet checked now.", r.textFor(CrisisSignal.Category.OVERDOSE));
        assertEquals("Call for help.", r.textFor(CrisisSignal.Category.SUICIDE));
    }

    @Test
    void parsesLinksAndEscapes() {
        CrisisResources r = CrisisResources.parse("{\"text\":\"Line one\\nline \\\"two\\\" \\u00e9\","
                + "\"links\":[{\"label\":\"Local line\",\"url\":\"tel:+441234\"}]}");
        assertEquals("Line one\nline \"two\" é", r.text());
        assertEquals(List.of(new CrisisResources.Link("Local line", "tel:+441234")), r.links());
        assertEquals(Map.of(), r.byCategory());
    }

    @Test
    void rejectsBrokenFiles() {
        assertThrows(IllegalArgumentException.class, () -> CrisisResources.parse("[]"));
        assertThrows(IllegalArgumentException.class, () -> CrisisResources.parse("{\"links\": []}"));
        assertThrows(IllegalArgumentException.class, () -> CrisisResources.parse("{\"text\": \" \"}"));
        assertThrows(IllegalArgumentException.class, () -> CrisisResources.parse("{\"text\": \"x\", \"links\":"
                + " [{\"label\": \"a\", \"url\": \"javascript:alert(1)\"}]}"));
        assertThrows(IllegalArgumentException.class, () -> CrisisResources.parse("{\"text\": \"x\","
                + " \"categories\": {\"PANIC\": \"y\"}}"));
        assertThrows(IllegalArgumentException.class, () -> CrisisResources.parse("{\"text\": \"x\""));
    }

    @Test
    void aMissingResourceFailsClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CrisisResources.fromClasspath(getClass().getClassLoader(), "conduct/nope.json"));
        assertEquals("crisis resources not found on the class path: conduct/nope.json", e.getMessage());
    }
}
