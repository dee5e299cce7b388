package app.talkingstick.conduct;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Runs the conduct policy, crisis detection included, over made-up messages for a while before the server takes its
 * first connection, so that the JIT has compiled their hot paths by then. Screening is most of what a room's event loop
 * does per message; on a cold JVM it runs several times slower until compiled, and a server restarted under load
 * (every group reconnecting at once) would otherwise spend its first minute with seconds of latency.
 */
public final class ConductWarmup {

    private static final String[] OPENINGS = {"this morning", "after group last week", "late last night",
        "before work", "on sunday", "around teatime", "after the school run", "yesterday evening"};
    private static final String[] FEELINGS = {"I felt calm", "I was restless", "I felt hopeful", "I was so tired",
        "I felt proud of myself", "I was nervous", "I felt grateful", "I was distracted"};
    private static final String[] DOINGS = {"and walked the dog by the river", "and cooked a stew with my sister",
        "and read for an hour", "and called my sponsor", "and wrote in my journal", "and went to the gym",
        "and watered the plants", "and tidied the kitchen"};
    private static final String[] ENDINGS = {", it helped.", ", thanks for listening everyone.",
        "! the breathing exercise worked.", ". Does anyone else find Sundays hard?", ", see you all on Thursday.",
        " and I did not drink.", ". My meds are finally settling.", ". Still here, still trying."};
    /** Lines that take the policy's other paths: a crisis, abuse, personal details, disguised spelling. */
    private static final List<String> OTHER_PATHS = List.of(
            "I don't want to be here anymore", "i've been saving up my pills", "you are pathetic, shut up",
            "call me on 07700 900123 or email me at someone@example.org", "i'm outside the off licence right now",
            "I cut again last night", "u r such a l0ser", "I'm not suicidal, just exhausted",
            "two years ago I tried to end my life, today I ran 10k", "this commute is killing me");
    private static final Set<String> NAMES = MemberNames.of(Set.of("Quiet Heron", "Brave Otter", "Gentle Fox"));

    private ConductWarmup() {
    }

    /**
     * Evaluates the sample messages, as group messages of a few members and in a private channel, round after round
     * until {@code budget} has passed on {@code nanoClock} (always at least one round). Returns how many messages were
     * evaluated.
     */
    public static int run(ConductPolicy policy, Duration budget, LongSupplier nanoClock) {
        List<String> samples = samples();
        long deadline = nanoClock.getAsLong() + budget.toNanos();
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        MemberConduct[] members = new MemberConduct[4];
        int evaluated = 0;
        do {
            for (int m = 0; m < members.length; m++) {
                members[m] = policy.newMember(now);
            }
            for (int i = 0; i < samples.size(); i++) {
                now = now.plusSeconds(30); // well inside the flood limit, as in a calm room
                int m = i % members.length;
                members[m] = policy.evaluate(ChannelKind.GROUP, samples.get(i), members[m], now, NAMES).state();
                evaluated++;
            }
            for (String text : OTHER_PATHS) {
                policy.evaluate(ChannelKind.PRIVATE, text, policy.newMember(now), now);
                evaluated++;
            }
        } while (nanoClock.getAsLong() < deadline);
        return evaluated;
    }

    /**
     * Screens the sample messages with both layers ({@link SemanticLayer#screenAll}), alone and in batches of up to
     * {@code maxBatch} as the server's screening lanes run them, round after round until {@code budget} has passed
     * (always at least one round): the encoder loads, and the Java around it (tokens in, heads out) is compiled before
     * the first client's text rather than during the first minute of a busy start. Returns how many texts were screened.
     */
    public static int screen(SemanticLayer layer, int maxBatch, Duration budget, LongSupplier nanoClock) {
        List<String> samples = samples();
        long deadline = nanoClock.getAsLong() + budget.toNanos();
        int screened = 0;
        int size = 1;
        do {
            for (int from = 0; from < samples.size(); from += size) {
                size = size % maxBatch + 1;
                List<String> batch = samples.subList(from, Math.min(samples.size(), from + size));
                layer.screenAll(batch);
                screened += batch.size();
            }
        } while (nanoClock.getAsLong() < deadline);
        return screened;
    }

    /** 1,024 of the 4,096 combinations of the parts (each part in every position), then the other paths. */
    static List<String> samples() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            out.add(OPENINGS[i & 7] + " " + FEELINGS[(i >>> 3) & 7] + " " + DOINGS[(i >>> 6) & 7]
                    + ENDINGS[(i >>> 9) & 7]);
        }
        out.addAll(OTHER_PATHS);
        return out;
    }
}
