package app.talkingstick.conduct;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The message texts of labelled corpus files ({@code label<TAB>text}), for tests that compare two ways of answering. */
final class CorpusTexts {

    static final List<String> DEV_FRESH_AND_TRAINING = List.of("conduct/dev.tsv", "conduct/fresh.tsv",
            "conduct/crisis-training.tsv");

    private CorpusTexts() {
    }

    /** Every text of the given resources, in order; a missing resource is skipped. */
    static List<String> of(List<String> resources) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String resource : resources) {
            try (InputStream in = CorpusTexts.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                    int tab = line.indexOf('\t');
                    if (tab > 0 && !line.startsWith("#") && !line.startsWith("label\t")) {
                        texts.add(line.substring(tab + 1));
                    }
                }
            }
        }
        return texts;
    }
}
