package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConductWarmupTest {

    private static final int ROUND = ConductWarmup.samples().size() + 10;

    @Test
    void runsWholeRoundsUntilTheBudgetHasPassed() {
        AtomicLong clock = new AtomicLong();
        // The clock moves 1 ms each time it is read: once at the start and once after each round.
        int evaluated = ConductWarmup.run(ConductPolicy.defaults(), Duration.ofMillis(2), () -> clock.getAndAdd(1_000_000));
        assertEquals(2 * ROUND, evaluated);
    }

    @Test
    void aZeroBudgetStillRunsOneRound() {
        assertEquals(ROUND, ConductWarmup.run(ConductPolicy.defaults(), Duration.ZERO, () -> 0L));
    }

    @Test
    void theSamplesTakeTheOrdinaryAndTheOtherPaths() {
        List<String> samples = ConductWarmup.samples();
        assertEquals(1024 + 10, samples.size());
        assertEquals(samples.size(), samples.stream().distinct().count(), "no two samples alike");
        assertTrue(samples.stream().anyMatch(s -> CrisisDetector.defaults().detect(s).isPresent()));
        ConductPolicy policy = ConductPolicy.defaults();
        assertTrue(samples.stream().anyMatch(s -> policy.evaluate(ChannelKind.GROUP, s,
                policy.newMember(java.time.Instant.EPOCH), java.time.Instant.EPOCH).verdict().action()
                == Verdict.Action.BLOCK));
    }

    @Test
    void theLearnedScreeningIsWarmedOnEverySampleOnceARound() {
        assertEquals(ConductWarmup.samples().size(), ConductWarmup.screen(SemanticLayer.bundled(), 8, Duration.ZERO, () -> 0L));
    }
}
