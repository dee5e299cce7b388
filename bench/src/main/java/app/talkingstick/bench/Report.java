package app.talkingstick.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Turns counters into result JSON, summaries, target checks and the markdown table. */
final class Report {
  private Report() {}

  static final String PRODUCT = "talkingstick";
  static final String BARE = "talkingstick-bare";
  static final String SOCKETIO = "socketio";
  static final String WS = "ws";

  static JsonObject run(String peer, String label, int rep, int rooms, int members, double rate, int warmupS, int durationS,
                        Counters k, double serverCpu, double genCpu, long genGcMs, long maxRss, long treeRss,
                        double connectS, double drainedAfter, JsonObject durable) {
    double targetSends = rooms * rate;
    double achieved = (double) k.sentWindowActual / durationS;
    double deliveries = (double) k.windowDeliveries / durationS;
    String invalid = null;
    if (k.sentWindowIntended == 0) {
      invalid = "nothing was scheduled in the window (rate too low for the duration)";
    } else if (achieved < 0.98 * targetSends) {
      invalid = String.format(Locale.ROOT, "generator sent %.1f/s, short of the target %.1f/s by more than 2%%", achieved, targetSends);
    } else if (genCpu / durationS > 0.85 * Runtime.getRuntime().availableProcessors()) {
      invalid = String.format(Locale.ROOT, "generator saturated: it used %.2f of its %d core(s), so its own queueing is in the latency",
          genCpu / durationS, Runtime.getRuntime().availableProcessors());
    }
    JsonObject o = new JsonObject()
        .put("peer", peer).put("label", label).put("rep", rep)
        .put("rooms", rooms).put("members", members).put("ratePerRoom", rate)
        .put("warmupS", warmupS).put("durationS", durationS)
        .put("targetSendsPerSec", targetSends)
        .put("achievedSendsPerSec", round(achieved))
        .put("valid", invalid == null)
        .put("invalidReason", invalid)
        .put("sentInWindow", k.sentWindowIntended)
        .put("sentTotal", k.sent)
        .put("expectedDeliveriesInWindow", k.windowExpected)
        .put("deliveriesInWindow", k.windowDeliveries)
        .put("deliveriesPerSec", round(deliveries))
        .put("expectedDeliveriesTotal", k.expected)
        .put("lost", k.lost)
        .put("duplicates", k.duplicates)
        .put("reordered", k.reordered)
        .put("misrouted", k.misrouted)
        .put("badPayloads", k.badPayloads)
        .put("latencyMs", Bench.histogram(k.latency))
        .put("scheduleLagMs", Bench.histogram(k.scheduleLag))
        .put("slowSeconds", slowSeconds(k, durationS))
        .put("serverCpuSeconds", round(serverCpu))
        .put("serverCpuCores", round(serverCpu / durationS))
        .put("serverCpuMicrosPerDelivery", k.windowDeliveries == 0 ? null : round(serverCpu * 1e6 / k.windowDeliveries))
        .put("serverRssMb", round(maxRss / 1048576.0))
        .put("serverTreeRssMb", round(treeRss / 1048576.0))
        .put("generatorCpuCores", round(genCpu / durationS))
        .put("generatorGcMs", genGcMs)
        .put("connectSeconds", round(connectS))
        .put("drainedAfterSeconds", drainedAfter < 0 ? null : round(drainedAfter))
        .put("errors", k.errors)
        .put("unexpectedCloses", k.unexpectedCloses)
        .put("sendFailures", k.sendFailures)
        .put("firstError", k.firstError);
    if (durable != null) {
      o.put("acked", k.acked).put("nacked", k.nacked).put("unanswered", k.sent - k.acked - k.nacked)
          .put("ackLatencyMs", Bench.histogram(k.ackLatency))
          .put("durable", durable);
    }
    return o;
  }

  /** The crisis texts of a run (CRISIS_EVERY) and the therapists' alerts for them. */
  static JsonObject alerts(Counters k, int every) {
    return new JsonObject()
        .put("every", every)
        .put("missingAfterSeconds", AlertLedger.MISSING_AFTER_NANOS / 1_000_000_000L)
        .put("sentTotal", k.crisisSentTotal)
        .put("sent", k.crisisSent)
        .put("shared", k.crisisShared)
        .put("keptForTherapists", k.crisisKept)
        .put("refused", k.crisisRefused)
        .put("unanswered", k.crisisUnanswered)
        .put("received", k.alertsReceived)
        .put("missing", k.alertsMissing)
        .put("late", k.alertsLate)
        .put("missingTotal", k.alertsMissingTotal)
        .put("unmatchedAlerts", k.alertsUnmatched)
        .put("duplicateAlerts", k.alertsDuplicate)
        .put("checkIns", k.checkIns)
        .put("keptButDelivered", k.keptButDelivered)
        .put("latencyMs", Bench.histogram(k.alertLatency));
  }

  /** The window's seconds (by intended send time) in which some delivery took over 50 ms: when stalls happened. */
  static JsonArray slowSeconds(Counters k, int durationS) {
    JsonArray a = new JsonArray();
    for (int i = 0; i < Math.min(durationS, Counters.TIMELINE_SECONDS); i++) {
      if (k.slowBySecond[i] == 0) continue;
      a.add(new JsonObject().put("second", i).put("deliveries", k.deliveriesBySecond[i])
          .put("over50ms", k.slowBySecond[i]).put("maxMs", round(k.maxMicrosBySecond[i] / 1000.0)));
    }
    return a;
  }

  static JsonObject stepView(JsonObject r) {
    return new JsonObject()
        .put("ratePerRoom", r.getValue("ratePerRoom"))
        .put("pass", r.getValue("pass"))
        .put("valid", r.getValue("valid"))
        .put("invalidReason", r.getValue("invalidReason"))
        .put("achievedSendsPerSec", r.getValue("achievedSendsPerSec"))
        .put("deliveriesPerSec", r.getValue("deliveriesPerSec"))
        .put("latencyMs", r.getValue("latencyMs"))
        .put("lost", r.getValue("lost"))
        .put("duplicates", r.getValue("duplicates"))
        .put("reordered", r.getValue("reordered"))
        .put("nacked", r.getValue("nacked"))
        .put("serverCpuCores", r.getValue("serverCpuCores"))
        .put("generatorCpuCores", r.getValue("generatorCpuCores"))
        .put("durable", r.getValue("durable"))
        .put("firstError", r.getValue("firstError"));
  }

  static String oneLine(JsonObject r) {
    JsonObject l = r.getJsonObject("latencyMs");
    String s = String.format(Locale.ROOT,
        "%s sends %.1f/%.1f per s, %.0f deliveries/s, p50 %s p99 %s p99.9 %s max %s ms, lost %d dup %d reord %d, server %.2f cores, gen %.2f cores",
        r.getBoolean("valid") ? "VALID" : "INVALID", r.getDouble("achievedSendsPerSec"), r.getDouble("targetSendsPerSec"),
        r.getDouble("deliveriesPerSec"), l.getValue("p50"), l.getValue("p99"), l.getValue("p999"), l.getValue("max"),
        r.getLong("lost"), r.getLong("duplicates"), r.getLong("reordered"), r.getDouble("serverCpuCores"),
        r.getDouble("generatorCpuCores"));
    if (r.containsKey("acked")) {
      JsonObject d = r.getJsonObject("durable");
      s += String.format(Locale.ROOT, ", acked %d/%d, refused %d, in DB %s/%s", r.getLong("acked"), r.getLong("sentTotal"),
          r.getLong("nacked"), d.getValue("ackedFound"), d.getValue("acked"));
    }
    JsonObject a = r.getJsonObject("crisisAlerts");
    if (a != null) {
      JsonObject al = a.getJsonObject("latencyMs");
      s += String.format(Locale.ROOT, ", crisis alerts %d of %d (%d shared, %d kept for therapists), missing %d (whole run %d),"
              + " unmatched %d, alert p50 %s p99 %s max %s ms",
          a.getLong("received"), a.getLong("sent"), a.getLong("shared"), a.getLong("keptForTherapists"), a.getLong("missing"),
          a.getLong("missingTotal"), a.getLong("unmatchedAlerts"), al.getValue("p50"), al.getValue("p99"), al.getValue("max"));
    }
    if (r.getValue("serverCpuCoresPostgres") != null) s += String.format(Locale.ROOT, " (PostgreSQL %.2f)", r.getDouble("serverCpuCoresPostgres"));
    if (r.getValue("otherProcessesCpuCores") != null) s += String.format(Locale.ROOT, ", other processes %.2f cores", r.getDouble("otherProcessesCpuCores"));
    if (r.getString("firstError") != null) s += ", first error: " + r.getString("firstError");
    JsonArray slow = r.getJsonArray("slowSeconds");
    if (slow != null && !slow.isEmpty()) {
      StringBuilder b = new StringBuilder(", seconds with deliveries over 50 ms (second: how many, slowest):");
      for (int i = 0; i < slow.size(); i++) {
        JsonObject x = slow.getJsonObject(i);
        b.append(String.format(Locale.ROOT, " %d: %d, %.0f ms;", x.getInteger("second"), x.getLong("over50ms"), x.getDouble("maxMs")));
      }
      s += b;
    }
    return s;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  // ------------------------------------------------------------------ summary and targets

  private static Double median(List<Double> xs) {
    List<Double> v = new ArrayList<>(xs.stream().filter(x -> x != null).toList());
    if (v.isEmpty()) return null;
    Collections.sort(v);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  private static List<JsonObject> of(JsonArray a, String peer) {
    List<JsonObject> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      JsonObject o = a.getJsonObject(i);
      if (peer.equals(o.getString("peer")) && !o.containsKey("failed")) out.add(o);
    }
    return out;
  }

  private static List<Double> field(List<JsonObject> runs, Function<JsonObject, Object> f) {
    List<Double> out = new ArrayList<>();
    for (JsonObject r : runs) {
      Object v = f.apply(r);
      out.add(v instanceof Number n ? n.doubleValue() : null);
    }
    return out;
  }

  static JsonObject summarize(JsonObject results, Settings settings) {
    JsonObject byPeer = new JsonObject();
    JsonArray peers = results.getJsonArray("peers");
    JsonArray runs = results.getJsonArray("runs");
    JsonArray searches = results.getJsonArray("rateSearch");
    JsonArray memory = results.getJsonArray("idleMemory");
    for (int i = 0; i < peers.size(); i++) {
      JsonObject peer = peers.getJsonObject(i);
      String name = peer.getString("name");
      JsonObject s = new JsonObject();
      if (!peer.getBoolean("available")) {
        byPeer.put(name, s.put("available", false).put("reason", peer.getString("reason")));
        continue;
      }
      List<JsonObject> mine = of(runs, name);
      s.put("runs", mine.size()).put("failedRuns", countFailed(runs, name));
      s.put("allValid", !mine.isEmpty() && mine.stream().allMatch(r -> r.getBoolean("valid")));
      s.put("deliveriesPerSec", median(field(mine, r -> r.getValue("deliveriesPerSec"))));
      s.put("p50Ms", median(field(mine, r -> r.getJsonObject("latencyMs").getValue("p50"))));
      s.put("p99Ms", median(field(mine, r -> r.getJsonObject("latencyMs").getValue("p99"))));
      s.put("p999Ms", median(field(mine, r -> r.getJsonObject("latencyMs").getValue("p999"))));
      s.put("maxMs", field(mine, r -> r.getJsonObject("latencyMs").getValue("max")).stream()
          .filter(x -> x != null).max(Double::compare).orElse(null));
      s.put("worstP99Ms", field(mine, r -> r.getJsonObject("latencyMs").getValue("p99")).stream()
          .filter(x -> x != null).max(Double::compare).orElse(null));
      s.put("lost", mine.stream().mapToLong(r -> r.getLong("lost")).sum());
      s.put("duplicates", mine.stream().mapToLong(r -> r.getLong("duplicates")).sum());
      s.put("reordered", mine.stream().mapToLong(r -> r.getLong("reordered")).sum());
      s.put("misrouted", mine.stream().mapToLong(r -> r.getLong("misrouted")).sum());
      s.put("serverCpuCores", median(field(mine, r -> r.getValue("serverCpuCores"))));
      s.put("serverCpuMicrosPerDelivery", median(field(mine, r -> r.getValue("serverCpuMicrosPerDelivery"))));
      s.put("postgresCpuCores", median(field(mine, r -> r.getValue("serverCpuCoresPostgres"))));
      s.put("noisyRuns", mine.stream().filter(r -> r.getString("noisy") != null).count());
      s.put("serverRssMb", field(mine, r -> r.getValue("serverRssMb")).stream().filter(x -> x != null).max(Double::compare).orElse(null));
      s.put("generatorCpuCores", median(field(mine, r -> r.getValue("generatorCpuCores"))));
      if (mine.stream().anyMatch(r -> r.containsKey("acked"))) {
        s.put("sent", mine.stream().mapToLong(r -> r.getLong("sentTotal")).sum());
        s.put("acked", mine.stream().mapToLong(r -> r.getLong("acked", 0L)).sum());
        s.put("refused", mine.stream().mapToLong(r -> r.getLong("nacked", 0L)).sum());
        s.put("ackedMissingInDb", mine.stream().mapToLong(r -> r.getJsonObject("durable").getLong("ackedMissing", 0L)).sum());
        s.put("ackP99Ms", median(field(mine, r -> r.getJsonObject("ackLatencyMs").getValue("p99"))));
      }
      List<JsonObject> alerted = mine.stream().filter(r -> r.containsKey("crisisAlerts")).toList();
      if (!alerted.isEmpty()) {
        s.put("crisisSent", alerted.stream().mapToLong(r -> r.getJsonObject("crisisAlerts").getLong("sent")).sum());
        s.put("alertsReceived", alerted.stream().mapToLong(r -> r.getJsonObject("crisisAlerts").getLong("received")).sum());
        s.put("alertsMissing", alerted.stream().mapToLong(r -> r.getJsonObject("crisisAlerts").getLong("missing")).sum());
        s.put("alertsMissingTotal", alerted.stream().mapToLong(r -> r.getJsonObject("crisisAlerts").getLong("missingTotal")).sum());
        s.put("alertP50Ms", median(field(alerted, r -> r.getJsonObject("crisisAlerts").getJsonObject("latencyMs").getValue("p50"))));
        s.put("alertP99Ms", median(field(alerted, r -> r.getJsonObject("crisisAlerts").getJsonObject("latencyMs").getValue("p99"))));
        s.put("worstAlertP99Ms", field(alerted, r -> r.getJsonObject("crisisAlerts").getJsonObject("latencyMs").getValue("p99"))
            .stream().filter(x -> x != null).max(Double::compare).orElse(null));
        s.put("alertMaxMs", field(alerted, r -> r.getJsonObject("crisisAlerts").getJsonObject("latencyMs").getValue("max"))
            .stream().filter(x -> x != null).max(Double::compare).orElse(null));
      }
      List<JsonObject> found = of(searches, name);
      if (!found.isEmpty()) {
        s.put("searchMaxDeliveriesPerSec", median(field(found, r -> r.getValue("maxDeliveriesPerSec"))));
        s.put("searchMaxDeliveriesPerSecP99Le50", median(field(found, r -> r.getValue("maxDeliveriesPerSecP99Le50"))));
        s.put("searchLimitedBy", found.stream().map(r -> r.getString("limitedBy")).filter(x -> x != null).findFirst().orElse(null));
      }
      for (JsonObject m : of(memory, name)) {
        s.put("idleRssBytesPerClient", m.getValue("rssSlopeBytesPerClient"));
        s.put("idleHeapBytesPerClient", m.getValue("heapSlopeBytesPerClient"));
      }
      byPeer.put(name, s);
    }
    return new JsonObject().put("byPeer", byPeer).put("targets", targets(byPeer, settings));
  }

  private static long countFailed(JsonArray a, String peer) {
    long n = 0;
    for (int i = 0; i < a.size(); i++) {
      JsonObject o = a.getJsonObject(i);
      if (peer.equals(o.getString("peer")) && o.containsKey("failed")) n++;
    }
    return n;
  }

  private static JsonArray targets(JsonObject byPeer, Settings settings) {
    JsonArray out = new JsonArray();
    JsonObject ts = byPeer.getJsonObject(PRODUCT);
    if (ts == null || !ts.getBoolean("available", true)) {
      out.add(check("TalkingStick measured", "not in PEERS or not available", null));
      return out;
    }
    String shape = settings.rooms * settings.members + " clients in " + settings.rooms + " rooms of " + settings.members
        + " at " + fmt(settings.rate) + " msg/s per room";
    boolean canonical = settings.rooms == 200 && settings.members == 10;
    Double p99 = ts.getDouble("worstP99Ms");
    boolean ok = ts.getInteger("runs", 0) > 0 && ts.getLong("failedRuns", 0L) == 0 && ts.getBoolean("allValid", false)
        && p99 != null && p99 < settings.targetP99Ms
        && ts.getLong("lost", 1L) == 0 && ts.getLong("duplicates", 1L) == 0 && ts.getLong("reordered", 1L) == 0
        && ts.getLong("refused", 1L) == 0 && ts.getLong("ackedMissingInDb", 1L) == 0
        && ts.getLong("acked", -1L).equals(ts.getLong("sent", -2L));
    out.add(check(shape + (canonical ? "" : " (not the budget's 200 x 10)") + ": p99 < " + fmt(settings.targetP99Ms)
            + " ms in every run, 0 lost, every message acknowledged and in PostgreSQL",
        String.format(Locale.ROOT, "worst p99 %s ms, lost %s, acked %s of %s, refused %s, missing in DB %s", fmt(p99),
            ts.getValue("lost"), ts.getValue("acked"), ts.getValue("sent"), ts.getValue("refused"), ts.getValue("ackedMissingInDb")),
        ok));
    if (settings.crisisEvery > 0) {
      Double alertP99 = ts.getDouble("worstAlertP99Ms");
      Long sentCrises = ts.getLong("crisisSent");
      boolean alertsOk = sentCrises != null && sentCrises > 0 && alertP99 != null && alertP99 <= 1_000
          && ts.getLong("alertsMissingTotal", 1L) == 0 && ts.getLong("alertsReceived", -1L).equals(sentCrises);
      out.add(check("crisis alerts under the same load (1 message in " + settings.crisisEvery
              + " a crisis text): p99 <= 1 s on the therapist's inbox in every run, none missing",
          sentCrises == null ? "not measured" : String.format(Locale.ROOT,
              "worst p99 %s ms (max %s), %s of %s alerted, missing %s (whole run %s)", fmt(alertP99),
              fmt(ts.getValue("alertMaxMs")), ts.getValue("alertsReceived"), sentCrises, ts.getValue("alertsMissing"),
              ts.getValue("alertsMissingTotal")),
          sentCrises == null ? null : alertsOk));
    }
    Double tsMax = ts.getDouble("searchMaxDeliveriesPerSec");
    if (tsMax == null) {
      out.add(check("rate search (RATE_SEARCH=1)", "not run", null));
    } else {
      for (String[] peer : new String[][] {{SOCKETIO, "1.5"}, {WS, "0.6"}}) {
        JsonObject other = byPeer.getJsonObject(peer[0]);
        Double otherMax = other == null ? null : other.getDouble("searchMaxDeliveriesPerSec");
        double factor = Double.parseDouble(peer[1]);
        if (otherMax == null || otherMax == 0) {
          out.add(check("max deliveries/s at p99 <= " + fmt(settings.searchP99Ms) + " ms >= " + peer[1] + " x " + peer[0],
              "no result for " + peer[0], null));
        } else {
          out.add(check("max deliveries/s at p99 <= " + fmt(settings.searchP99Ms) + " ms >= " + peer[1] + " x " + peer[0],
              String.format(Locale.ROOT, "%s vs %s (%.2fx)%s", fmt(tsMax), fmt(otherMax), tsMax / otherMax,
                  other.getString("searchLimitedBy") == null ? "" : "; " + peer[0] + " search limited by " + other.getString("searchLimitedBy")),
              tsMax >= factor * otherMax));
        }
      }
      Double at50 = ts.getDouble("searchMaxDeliveriesPerSecP99Le50");
      out.add(check(">= 20,000 deliveries/s with p99 <= 50 ms", fmt(at50) + " deliveries/s (best search step with p99 <= 50 ms)",
          at50 != null && at50 >= 20_000));
    }
    Double perClient = ts.getDouble("idleRssBytesPerClient");
    out.add(check("<= 20 KB of server memory per idle connected client (RSS slope)",
        perClient == null ? "not measured" : String.format(Locale.ROOT, "%.1f KB per client (heap after GC: %s KB)",
            perClient / 1024, ts.getDouble("idleHeapBytesPerClient") == null ? "n/a"
                : String.format(Locale.ROOT, "%.1f", ts.getDouble("idleHeapBytesPerClient") / 1024)),
        perClient == null ? null : perClient <= 20 * 1024));
    JsonObject bare = byPeer.getJsonObject(BARE);
    if (bare != null && !bare.getBoolean("available", true)) {
      out.add(check("cost of moderation and persistence (profile " + BARE + ")", "not available: " + bare.getString("reason"), null));
    }
    return out;
  }

  private static JsonObject check(String target, String value, Boolean pass) {
    return new JsonObject().put("target", target).put("value", value).put("pass", pass);
  }

  private static String fmt(Object v) {
    if (v == null) return "–";
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e12) return String.format(Locale.ROOT, "%,d", (long) d);
      if (Math.abs(d) >= 100) return String.format(Locale.ROOT, "%,.0f", d);
      return String.format(Locale.ROOT, "%.2f", d);
    }
    return String.valueOf(v);
  }

  // ------------------------------------------------------------------ markdown

  static String markdown(JsonObject results) {
    StringBuilder b = new StringBuilder();
    JsonObject settings = results.getJsonObject("settings");
    JsonObject machine = results.getJsonObject("machine");
    JsonObject summary = results.getJsonObject("summary");
    b.append("# TalkingStick load benchmark, ").append(results.getString("startedAt")).append("\n\n");
    b.append(String.format(Locale.ROOT,
        "Workload: %d rooms x %d members (member 0 hosts and listens, members 1..%d take turns sending), %s msg/s per room"
            + " on a fixed schedule, %d B payloads; warm-up %d s, measured %d s, %d repetitions alternating peers.%n%n",
        settings.getInteger("rooms"), settings.getInteger("members"), settings.getInteger("members") - 1,
        fmt(settings.getDouble("ratePerRoom")), settings.getInteger("payloadBytes"), settings.getInteger("warmupS"),
        settings.getInteger("durationS"), settings.getInteger("repeat")));
    b.append("Machine: ").append(machine.getValue("cpu")).append(", ").append(machine.getValue("memTotalKb") == null ? "?"
        : (machine.getLong("memTotalKb") / 1048576) + " GiB").append("; generator: Java ").append(machine.getValue("java"))
        .append(", ").append(settings.getInteger("generatorEventLoops")).append(" event loop(s), ")
        .append(machine.getValue("availableProcessors")).append(" CPU(s) visible to it");
    if (machine.getString("runner") != null) b.append("; ").append(machine.getString("runner"));
    b.append(".\n\n");
    JsonObject flush = machine.getJsonObject("diskFlushMs");
    if (flush != null) {
      b.append(String.format(Locale.ROOT,
          "Disk under the database, before the runs (8 KiB write + fdatasync every 5 ms for %d s): p50 %s, p99 %s, p99.9 %s,"
              + " max %s ms; %d of %d flushes over 50 ms. Acknowledgement and delivery wait for the commit's flush.%n%n",
          flush.getInteger("seconds"), flush.getValue("p50"), flush.getValue("p99"), flush.getValue("p999"),
          flush.getValue("max"), flush.getLong("over50ms"), flush.getLong("samples")));
    }

    JsonObject byPeer = summary.getJsonObject("byPeer");
    b.append("## Fixed-rate runs (median over repetitions)\n\n");
    b.append("| peer | valid runs | deliveries/s | p50 ms | p99 ms | p99.9 ms | max ms | lost | dup | reordered | acked / sent | acked missing in DB | server CPU cores | server µs / delivery | server RSS MB | generator CPU cores |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (String name : byPeer.fieldNames()) {
      JsonObject s = byPeer.getJsonObject(name);
      if (!s.getBoolean("available", true)) {
        b.append("| ").append(name).append(" | not available: ").append(s.getString("reason")).append(" |||||||||||||||\n");
        continue;
      }
      b.append("| ").append(name)
          .append(" | ").append(s.getBoolean("allValid") ? "all " + s.getValue("runs") : "NOT all (" + s.getValue("runs") + ")")
          .append(s.getLong("failedRuns", 0L) > 0 ? ", " + s.getValue("failedRuns") + " failed" : "")
          .append(s.getLong("noisyRuns", 0L) > 0 ? ", " + s.getValue("noisyRuns") + " noisy" : "")
          .append(" | ").append(fmt(s.getValue("deliveriesPerSec")))
          .append(" | ").append(fmt(s.getValue("p50Ms")))
          .append(" | ").append(fmt(s.getValue("p99Ms")))
          .append(" | ").append(fmt(s.getValue("p999Ms")))
          .append(" | ").append(fmt(s.getValue("maxMs")))
          .append(" | ").append(fmt(s.getValue("lost")))
          .append(" | ").append(fmt(s.getValue("duplicates")))
          .append(" | ").append(fmt(s.getValue("reordered")))
          .append(" | ").append(s.containsKey("acked") ? fmt(s.getValue("acked")) + " / " + fmt(s.getValue("sent")) : "n/a")
          .append(" | ").append(s.containsKey("acked") ? fmt(s.getValue("ackedMissingInDb")) : "n/a")
          .append(" | ").append(fmt(s.getValue("serverCpuCores")))
          .append(s.getValue("postgresCpuCores") == null ? "" : " (PostgreSQL " + fmt(s.getValue("postgresCpuCores")) + ")")
          .append(" | ").append(fmt(s.getValue("serverCpuMicrosPerDelivery")))
          .append(" | ").append(fmt(s.getValue("serverRssMb")))
          .append(" | ").append(fmt(s.getValue("generatorCpuCores")))
          .append(" |\n");
    }

    b.append("\n## Every run, in the order run\n\n");
    b.append("| # | peer | rep | valid | sends/s achieved / target | deliveries/s | p50 | p99 | p99.9 | max | lost | dup | reord | ack p99 ms | server cores | gen cores | sched lag p99 ms | note |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    JsonArray runs = results.getJsonArray("runs");
    for (int i = 0; i < runs.size(); i++) appendRun(b, i + 1, runs.getJsonObject(i));

    boolean anyAlerts = false;
    for (int i = 0; i < runs.size(); i++) anyAlerts |= runs.getJsonObject(i).containsKey("crisisAlerts");
    if (anyAlerts) {
      b.append("\n## Crisis alerts under load (CRISIS_EVERY=").append(settings.getValue("crisisEvery")).append(")\n\n");
      b.append("One message in ").append(settings.getValue("crisisEvery")).append(" of each client (every ")
          .append(settings.getValue("crisisEvery")).append("-th) is a crisis text"
          + " (clients offset so that the crises are spread over time); each room's therapist socket registers its inbox."
          + " Latency is from the crisis text's intended send time to the `crisis` alert on the therapist's inbox, matched"
          + " by `seq`; a crisis text answered ok with no alert within 10 s is missing. Counts are for texts intended in"
          + " the window; \"whole run\" includes the warm-up. A text the room kept for the therapists (`shared: false`)"
          + " is not expected by the other members, so it is not lost.\n\n");
      b.append("| # | peer | rep | crisis texts | shared / kept for therapists | refused / unanswered | alerts within 10 s | missing (whole run) | unmatched alerts | alert p50 ms | p99 ms | p99.9 ms | max ms | check-ins | kept but delivered |\n");
      b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
      for (int i = 0; i < runs.size(); i++) {
        JsonObject r = runs.getJsonObject(i);
        JsonObject a = r.getJsonObject("crisisAlerts");
        if (a == null) continue;
        JsonObject al = a.getJsonObject("latencyMs");
        b.append("| ").append(i + 1).append(" | ").append(r.getString("peer")).append(" | ").append(r.getValue("rep"))
            .append(" | ").append(fmt(a.getValue("sent")))
            .append(" | ").append(fmt(a.getValue("shared"))).append(" / ").append(fmt(a.getValue("keptForTherapists")))
            .append(" | ").append(fmt(a.getValue("refused"))).append(" / ").append(fmt(a.getValue("unanswered")))
            .append(" | ").append(fmt(a.getValue("received")))
            .append(" | ").append(fmt(a.getValue("missing"))).append(" (").append(fmt(a.getValue("missingTotal"))).append(")")
            .append(" | ").append(fmt(a.getValue("unmatchedAlerts")))
            .append(" | ").append(fmt(al.getValue("p50")))
            .append(" | ").append(fmt(al.getValue("p99")))
            .append(" | ").append(fmt(al.getValue("p999")))
            .append(" | ").append(fmt(al.getValue("max")))
            .append(" | ").append(fmt(a.getValue("checkIns")))
            .append(" | ").append(fmt(a.getValue("keptButDelivered")))
            .append(" |\n");
      }
    }

    JsonArray searches = results.getJsonArray("rateSearch");
    if (!searches.isEmpty()) {
      b.append("\n## Highest deliveries/s within the p99 bound (rate search)\n\n");
      b.append("| peer | rep | max deliveries/s (p99 <= ").append(fmt(settings.getDouble("searchP99Ms")))
          .append(" ms) | at msg/s per room | max with p99 <= 50 ms | steps (msg/s per room: p99 ms, pass) | limited by |\n");
      b.append("|---|---|---|---|---|---|---|\n");
      for (int i = 0; i < searches.size(); i++) {
        JsonObject s = searches.getJsonObject(i);
        if (s.containsKey("failed")) {
          b.append("| ").append(s.getString("peer")).append(" | ").append(s.getString("phase")).append(" | FAILED: ")
              .append(s.getString("failed")).append(" |||||\n");
          continue;
        }
        StringBuilder steps = new StringBuilder();
        JsonArray st = s.getJsonArray("steps");
        for (int j = 0; j < st.size(); j++) {
          JsonObject x = st.getJsonObject(j);
          if (j > 0) steps.append("; ");
          steps.append(fmt(x.getValue("ratePerRoom"))).append(": ")
              .append(fmt(x.getJsonObject("latencyMs") == null ? null : x.getJsonObject("latencyMs").getValue("p99")))
              .append(Boolean.TRUE.equals(x.getBoolean("pass")) ? " ok" : " fail");
        }
        b.append("| ").append(s.getString("peer")).append(" | ").append(s.getValue("rep"))
            .append(" | ").append(fmt(s.getValue("maxDeliveriesPerSec")))
            .append(" | ").append(fmt(s.getValue("atRatePerRoom")))
            .append(" | ").append(fmt(s.getValue("maxDeliveriesPerSecP99Le50")))
            .append(" | ").append(steps)
            .append(" | ").append(s.getString("limitedBy") == null ? "" : s.getString("limitedBy"))
            .append(" |\n");
      }
    }

    JsonArray memory = results.getJsonArray("idleMemory");
    if (!memory.isEmpty()) {
      b.append("\n## Server memory per idle connected client\n\n");
      b.append("| peer | RSS at clients (MB) | RSS slope KB / client | heap-after-GC slope KB / client | note |\n");
      b.append("|---|---|---|---|---|\n");
      for (int i = 0; i < memory.size(); i++) {
        JsonObject m = memory.getJsonObject(i);
        if (m.containsKey("failed")) {
          b.append("| ").append(m.getString("peer")).append(" | FAILED: ").append(m.getString("failed")).append(" ||||\n");
          continue;
        }
        StringBuilder pts = new StringBuilder();
        JsonArray points = m.getJsonArray("points");
        for (int j = 0; j < points.size(); j++) {
          JsonObject pt = points.getJsonObject(j);
          if (j > 0) pts.append(", ");
          pts.append(pt.getInteger("clients")).append(": ").append(String.format(Locale.ROOT, "%.1f", pt.getLong("rssBytes") / 1048576.0));
        }
        b.append("| ").append(m.getString("peer")).append(" | ").append(pts)
            .append(" | ").append(m.getValue("rssSlopeBytesPerClient") == null ? "–"
                : String.format(Locale.ROOT, "%.2f", m.getDouble("rssSlopeBytesPerClient") / 1024))
            .append(" | ").append(m.getValue("heapSlopeBytesPerClient") == null ? "–"
                : String.format(Locale.ROOT, "%.2f", m.getDouble("heapSlopeBytesPerClient") / 1024))
            .append(" | ").append(m.getString("note") == null ? "" : m.getString("note"))
            .append(m.getLong("unexpectedCloses", 0L) > 0 ? " " + m.getValue("unexpectedCloses") + " sockets closed by the server" : "")
            .append(" |\n");
      }
    }

    b.append("\n## Targets (docs/DESIGN performance budget)\n\n| target | measured | result |\n|---|---|---|\n");
    JsonArray targets = summary.getJsonArray("targets");
    for (int i = 0; i < targets.size(); i++) {
      JsonObject t = targets.getJsonObject(i);
      Boolean pass = t.getBoolean("pass");
      b.append("| ").append(t.getString("target")).append(" | ").append(t.getString("value")).append(" | ")
          .append(pass == null ? "n/a" : pass ? "PASS" : "FAIL").append(" |\n");
    }
    b.append("\nA run is noisy when processes other than the server and the generator used more than a quarter of a core"
        + " during its window (the machine is shared).\n");
    b.append("\nA run is valid when the generator actually wrote at least 98% of the target sends/s inside the measured window."
        + " Latency is from each message's intended send time (its slot in the fixed schedule) to its receipt by each member,"
        + " so a stalled server or generator shows up as latency, not as fewer samples.\n");
    return b.toString();
  }

  private static void appendRun(StringBuilder b, int i, JsonObject r) {
    if (r.containsKey("failed")) {
      b.append("| ").append(i).append(" | ").append(r.getString("peer")).append(" | ").append(r.getString("phase"))
          .append(" | FAILED: ").append(r.getString("failed").replace('|', '/')).append(" ||||||||||||||\n");
      return;
    }
    JsonObject l = r.getJsonObject("latencyMs");
    JsonObject ack = r.getJsonObject("ackLatencyMs");
    String note = r.getBoolean("valid") ? "" : r.getString("invalidReason");
    if (r.getString("noisy") != null) note += (note.isEmpty() ? "" : "; ") + r.getString("noisy");
    if (r.getString("firstError") != null) note += (note.isEmpty() ? "" : "; ") + r.getString("firstError");
    b.append("| ").append(i).append(" | ").append(r.getString("peer")).append(" | ").append(r.getValue("rep"))
        .append(" | ").append(r.getBoolean("valid") ? "yes" : "NO")
        .append(" | ").append(fmt(r.getValue("achievedSendsPerSec"))).append(" / ").append(fmt(r.getValue("targetSendsPerSec")))
        .append(" | ").append(fmt(r.getValue("deliveriesPerSec")))
        .append(" | ").append(fmt(l.getValue("p50")))
        .append(" | ").append(fmt(l.getValue("p99")))
        .append(" | ").append(fmt(l.getValue("p999")))
        .append(" | ").append(fmt(l.getValue("max")))
        .append(" | ").append(fmt(r.getValue("lost")))
        .append(" | ").append(fmt(r.getValue("duplicates")))
        .append(" | ").append(fmt(r.getValue("reordered")))
        .append(" | ").append(ack == null ? "n/a" : fmt(ack.getValue("p99")))
        .append(" | ").append(fmt(r.getValue("serverCpuCores")))
        .append(" | ").append(fmt(r.getValue("generatorCpuCores")))
        .append(" | ").append(fmt(r.getJsonObject("scheduleLagMs").getValue("p99")))
        .append(" | ").append(note.replace('|', '/'))
        .append(" |\n");
  }

}
