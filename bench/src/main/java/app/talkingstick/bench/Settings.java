package app.talkingstick.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The workload and procedure, from environment variables (see README.md); every value has a bounded default. */
final class Settings {
  final int rooms;
  final int members;
  final double rate;
  final int durationS;
  final int warmupS;
  final int drainS;
  final int repeat;
  final int payloadBytes;
  final boolean rateSearch;
  final int searchDurationS;
  final int searchWarmupS;
  final double searchP99Ms;
  final double searchStartRate;
  final double searchMaxRate;
  final int searchMaxSteps;
  final int searchRepeat;
  final List<Integer> idleCounts;
  final int idleSettleS;
  final int loops;
  final int connectConcurrency;
  final double targetP99Ms;
  final int diskProbeS;
  final int crisisEvery;

  Settings(Map<String, String> env) {
    rooms = integer(env, "ROOMS", 200, 1, 5_000);
    members = integer(env, "MEMBERS", 10, 2, 51);
    rate = decimal(env, "RATE", 2, 0.01, 100_000);
    durationS = integer(env, "DURATION", 60, 1, 3_600);
    warmupS = integer(env, "WARMUP", 15, 0, 600);
    drainS = integer(env, "DRAIN", 15, 1, 300);
    repeat = integer(env, "REPEAT", 3, 1, 20);
    payloadBytes = integer(env, "PAYLOAD_BYTES", 100, 48, 1_900);
    rateSearch = "1".equals(env.getOrDefault("RATE_SEARCH", "0"));
    searchDurationS = integer(env, "SEARCH_DURATION", 15, 1, 600);
    searchWarmupS = integer(env, "SEARCH_WARMUP", 5, 0, 120);
    searchP99Ms = decimal(env, "SEARCH_P99_MS", 100, 1, 10_000);
    searchStartRate = decimal(env, "SEARCH_START_RATE", rate, 0.01, 100_000);
    searchMaxRate = decimal(env, "SEARCH_MAX_RATE", 2_000, 0.01, 100_000);
    searchMaxSteps = integer(env, "SEARCH_MAX_STEPS", 10, 1, 30);
    searchRepeat = integer(env, "SEARCH_REPEAT", repeat, 1, 20);
    idleCounts = counts(env.getOrDefault("IDLE_COUNTS", "0,1000,2000,4000"));
    idleSettleS = integer(env, "IDLE_SETTLE", 5, 1, 120);
    loops = integer(env, "GEN_LOOPS", Runtime.getRuntime().availableProcessors(), 1, 64);
    connectConcurrency = integer(env, "CONNECT_CONCURRENCY", 64, 1, 1_000);
    targetP99Ms = decimal(env, "TARGET_P99_MS", 50, 1, 10_000);
    diskProbeS = integer(env, "DISK_PROBE", 20, 0, 600);
    crisisEvery = integer(env, "CRISIS_EVERY", 0, 0, 1_000_000);
  }

  private static int integer(Map<String, String> env, String key, int fallback, int min, int max) {
    String raw = env.get(key);
    if (raw == null || raw.isBlank()) return fallback;
    int v = Integer.parseInt(raw.trim());
    if (v < min || v > max) throw new IllegalArgumentException(key + " must be from " + min + " to " + max);
    return v;
  }

  private static double decimal(Map<String, String> env, String key, double fallback, double min, double max) {
    String raw = env.get(key);
    if (raw == null || raw.isBlank()) return fallback;
    double v = Double.parseDouble(raw.trim());
    if (v < min || v > max) throw new IllegalArgumentException(key + " must be from " + min + " to " + max);
    return v;
  }

  private static List<Integer> counts(String raw) {
    List<Integer> out = new ArrayList<>();
    for (String part : raw.split(",")) {
      if (part.isBlank()) continue;
      int n = Integer.parseInt(part.trim());
      if (n < 0 || n > 18_000) throw new IllegalArgumentException("IDLE_COUNTS entries must be 0..18000 (open-file limit)");
      out.add(n);
    }
    out.sort(Integer::compare);
    return out;
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("rooms", rooms).put("members", members).put("ratePerRoom", rate)
        .put("durationS", durationS).put("warmupS", warmupS).put("drainS", drainS).put("repeat", repeat)
        .put("payloadBytes", payloadBytes)
        .put("rateSearch", rateSearch).put("searchDurationS", searchDurationS).put("searchWarmupS", searchWarmupS)
        .put("searchP99Ms", searchP99Ms).put("searchStartRate", searchStartRate).put("searchMaxRate", searchMaxRate)
        .put("searchMaxSteps", searchMaxSteps).put("searchRepeat", searchRepeat)
        .put("idleCounts", idleCounts).put("idleSettleS", idleSettleS)
        .put("generatorEventLoops", loops).put("connectConcurrency", connectConcurrency)
        .put("targetP99Ms", targetP99Ms).put("diskProbeS", diskProbeS)
        .put("crisisEvery", crisisEvery);
  }
}
