package app.talkingstick.conduct;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints (does not assert) the figures of the policy and the crisis detector on {@code fresh.tsv}, a validation set
 * written independently of {@code dev.tsv}, next to dev, with the fresh and dev lines not handled as labelled; and
 * the aggregate figures only of {@code unseen.tsv}, a set never used for tuning (its lines are not printed). It never
 * reads {@code heldout.tsv}.
 */
class FreshCorpusReportTest {

    @Test
    void printsFreshFigures() throws IOException {
        List<ConductCorpusTest.Line> fresh = ConductCorpusTest.load("conduct/fresh.tsv");
        List<ConductCorpusTest.Line> dev = ConductCorpusTest.load("conduct/dev.tsv");
        ConductPolicy policy = ConductPolicy.defaults();
        CrisisDetector detector = CrisisDetector.defaults();
        List<ConductCorpusTest.Outcome> freshOut = ConductCorpusTest.run(fresh, policy, detector);
        List<ConductCorpusTest.Outcome> devOut = ConductCorpusTest.run(dev, policy, detector);
        List<ConductCorpusTest.Outcome> both = new ArrayList<>(freshOut);
        both.addAll(devOut);
        Map<String, ConductCorpusTest.Metrics> table = new LinkedHashMap<>();
        table.put("fresh", ConductCorpusTest.Metrics.of(freshOut));
        table.put("dev", ConductCorpusTest.Metrics.of(devOut));
        table.put("fresh+dev", ConductCorpusTest.Metrics.of(both));
        System.out.println("FRESH REPORT" + ConductCorpusTest.render(table));
        List<ConductCorpusTest.Outcome> unseen = ConductCorpusTest.run(ConductCorpusTest.load("conduct/unseen.tsv"),
                policy, detector);
        System.out.println("UNSEEN (aggregates only)" + ConductCorpusTest.render(
                Map.of("unseen", ConductCorpusTest.Metrics.of(unseen))));
        System.out.println(ConductCorpusTest.misses(freshOut).replace("Dev lines", "Fresh lines"));
        System.out.println(ConductCorpusTest.misses(devOut));
    }
}
