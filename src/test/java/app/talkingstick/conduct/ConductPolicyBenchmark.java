package app.talkingstick.conduct;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Not a test: the per-message cost of {@link ConductPolicy#evaluate} in a group (a member with a full repeat
 * history, as in a busy room) on ordinary sentences like the load generator's, split by part, plus which crisis
 * rules the literal prefilter lets through on them, and the policy's cost with cold caches. Run with
 * {@code java -cp target/classes:target/test-classes app.talkingstick.conduct.ConductPolicyBenchmark}.
 */
public final class ConductPolicyBenchmark {

    private static final String[] WHEN = {"this morning", "after lunch", "late last night", "before work",
        "on sunday", "at dawn", "around teatime", "during the storm"};
    private static final String[] FELT = {"calm", "restless", "hopeful", "tired", "proud", "nervous", "grateful",
        "distracted"};
    private static final String[] DID = {"walked", "slept early", "cooked a stew", "called my sister",
        "read a novel", "rested", "wrote in my journal", "watered the plants"};
    private static final String[] WHERE = {"at home with my dog", "in the park with a friend",
        "by the river on my own", "at work with a colleague", "in the garden with my kids",
        "at the gym with my sponsor", "on the balcony with my cat", "near the market with my mum"};
    private static final String[] THEN = {"it helped", "I noticed my breathing", "the time flew",
        "I felt lighter", "nothing much happened", "I made a plan", "I wrote a list", "I stayed present"};

    private ConductPolicyBenchmark() {
    }

    public static void main(String[] args) {
        List<String> messages = sentences(4_096);
        ConductPolicy policy = ConductPolicy.defaults();
        Set<String> names = Set.of("Quiet Heron", "Brave Otter", "Gentle Fox", "Calm River");
        for (int round = 0; round < 5; round++) {
            System.out.printf("round %d: evaluate %.1f us, crisis %.1f us, personal details %.1f us,"
                    + " abuse %.1f us, repeat key %.1f us%n", round,
                    timeEvaluate(policy, messages, names), time(messages, m -> CrisisDetector.defaults().detect(m)),
                    time(messages, m -> PersonalDetails.mask(m, names)),
                    time(messages, m -> AbuseCheck.check(TextNormalizer.normalize(m, policy.lists()), policy.lists())),
                    time(messages, Repeats::key));
        }
        printCandidateRules(messages);
        for (int megabytes : new int[] {4, 32}) {
            System.out.printf("evaluate with %d MB of other memory touched between messages: %.1f us%n", megabytes,
                    timeEvaluateCold(policy, messages, names, megabytes));
        }
    }

    /**
     * {@link #timeEvaluate} as inside a busy server, where the networking and the other rooms' work push the policy's
     * tables and code out of the caches between two messages: that work is imitated by writing to a buffer of the
     * given size, which is not timed.
     */
    private static double timeEvaluateCold(ConductPolicy policy, List<String> messages, Set<String> names,
                                           int megabytes) {
        long[] other = new long[megabytes * 128 * 1024];
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        MemberConduct member = policy.newMember(now);
        long nanos = 0;
        for (int round = 0; round < 3; round++) {
            nanos = 0;
            for (String m : messages) {
                for (int i = 0; i < other.length; i += 8) {
                    other[i] += i; // one write per 64-byte cache line
                }
                now = now.plus(Duration.ofMillis(5));
                long start = System.nanoTime();
                member = policy.evaluate(ChannelKind.GROUP, m, member, now, names).state();
                nanos += System.nanoTime() - start;
            }
        }
        if (other[8] == 42) {
            System.out.println(other[8]);
        }
        return nanos / 1e3 / messages.size();
    }

    /**
     * Sentences like the generator's: six parts picked from a counter. (The generator's latency marker travels as the
     * message's clientMsgId, which the conduct policy never reads, so it is not part of the text.)
     */
    static List<String> sentences(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int h = Integer.reverse(i * 0x9E3779B9);
            out.add(WHEN[h & 7] + " I felt " + FELT[(h >>> 3) & 7] + " and " + DID[(h >>> 6) & 7] + " "
                    + WHERE[(h >>> 9) & 7] + ", " + THEN[(h >>> 12) & 7] + ".");
        }
        return out;
    }

    private static double timeEvaluate(ConductPolicy policy, List<String> messages, Set<String> names) {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        MemberConduct member = policy.newMember(now);
        long start = System.nanoTime();
        for (String m : messages) {
            now = now.plus(Duration.ofMillis(5));
            member = policy.evaluate(ChannelKind.GROUP, m, member, now, names).state();
        }
        return (System.nanoTime() - start) / 1e3 / messages.size();
    }

    private static double time(List<String> messages, java.util.function.Function<String, Object> work) {
        long start = System.nanoTime();
        int sink = 0;
        for (String m : messages) {
            sink += work.apply(m).hashCode() & 1;
        }
        if (sink < 0) {
            System.out.println(sink);
        }
        return (System.nanoTime() - start) / 1e3 / messages.size();
    }

    private static void printCandidateRules(List<String> messages) {
        Map<String, Integer> passed = new TreeMap<>();
        Map<String, Long> nanos = new TreeMap<>();
        long total = 0;
        long matches = 0;
        for (int round = 0; round < 3; round++) {
            for (String m : messages) {
                String scan = CrisisDetector.blankIdioms(CrisisText.of(m).text);
                LiteralIndex.Candidates c = CrisisDetector.RULE_LITERALS.scan(scan);
                RuleBranches.Text branches = CrisisDetector.RULE_BRANCHES.on(scan);
                for (int i = 0; i < CrisisRules.RULES.size(); i++) {
                    if (c.mayMatch(i)) {
                        String id = CrisisRules.RULES.get(i).id();
                        long start = System.nanoTime();
                        if (!branches.mayMatch(i)) {
                            if (round == 2) {
                                nanos.merge(id, System.nanoTime() - start, Long::sum);
                                passed.merge(id, 1, Integer::sum);
                            }
                            continue;
                        }
                        java.util.regex.Matcher matcher = CrisisRules.RULES.get(i).pattern().matcher(scan);
                        while (matcher.find()) {
                            matches++;
                        }
                        if (round == 2) {
                            nanos.merge(id, System.nanoTime() - start, Long::sum);
                            passed.merge(id, 1, Integer::sum);
                            total++;
                        }
                    }
                }
            }
        }
        System.out.printf("crisis rules past the literal prefilter per message (time: the alternatives check, then the"
                + " rule if that passes)%n");
        System.out.printf("crisis rules run per message: %.1f of %d (%d matches in 3 rounds)%n",
                (double) total / messages.size(), CrisisRules.RULES.size(), matches);
        passed.entrySet().stream().sorted((a, b) -> Long.compare(nanos.get(b.getKey()), nanos.get(a.getKey())))
                .limit(15).forEach(e -> System.out.printf("  %5.1f%% of messages, %6.2f us per message  %s%n",
                        100.0 * e.getValue() / messages.size(), nanos.get(e.getKey()) / 1e3 / messages.size(),
                        e.getKey()));
    }
}
