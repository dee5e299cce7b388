package app.talkingstick.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The load generator's entry point: measures each peer (idle memory, fixed-rate runs repeated
 * A-B-A-B, optionally a search for the highest rate within a p99 bound) and writes JSON and
 * markdown. The servers themselves are started, pinned and stopped by {@code run.sh}; this
 * program is told their ports and pids:
 *
 * <pre>java -jar talkingstick-bench.jar --out results/NAME \
 *     --peer name=ws,kind=ws,port=9101,pid=123 \
 *     --peer name=talkingstick,kind=talkingstick,port=9103,pid=456,pgdata=/tmp/x/postgres \
 *     --peer name=talkingstick-bare,kind=talkingstick,unavailable=why</pre>
 */
public final class Bench {

  /** The run clock's zero: payloads carry intended times relative to it. */
  static final long EPOCH = System.nanoTime();
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  static void log(String format, Object... args) {
    System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + String.format(format, args));
    System.out.flush();
  }

  /** One server under test as run.sh described it. */
  static final class Peer {
    final String name;
    final String kind;
    final int port;
    final long pid;
    final Path pgData;
    final String unavailable;
    /** False for a server that stores nothing (TalkingStick's bare profile): acks are not read back. */
    final boolean durable;
    final Target target;

    Peer(Map<String, String> spec, Settings settings) {
      name = require(spec, "name");
      kind = require(spec, "kind");
      unavailable = spec.get("unavailable");
      durable = !"no".equals(spec.get("durable"));
      port = Integer.parseInt(spec.getOrDefault("port", "0"));
      pid = Long.parseLong(spec.getOrDefault("pid", "0"));
      pgData = spec.containsKey("pgdata") ? Path.of(spec.get("pgdata")) : null;
      String host = "127.0.0.1"; // only ever the loopback
      target = unavailable != null ? null : switch (kind) {
        case "ws" -> new WsTarget(name, host, port);
        case "socketio" -> new SocketIoTarget(name, host, port);
        case "talkingstick" -> new TalkingStickTarget(name, host, port,
            System.getenv("TS_ADMIN_USERNAME"), System.getenv("TS_ADMIN_PASSWORD"),
            settings.crisisEvery > 0 && durable); // the bare profile screens nothing: no alerts to wait for
        default -> throw new IllegalArgumentException("unknown peer kind " + kind + " (ws, socketio, talkingstick)");
      };
    }

    private static String require(Map<String, String> spec, String key) {
      String v = spec.get(key);
      if (v == null || v.isBlank()) throw new IllegalArgumentException("--peer needs " + key + "=…");
      return v;
    }

    List<Long> roots() {
      return ProcStats.roots(pid, pgData);
    }

    JsonObject describe() {
      JsonObject o = new JsonObject().put("name", name).put("kind", kind);
      if (unavailable != null) return o.put("available", false).put("reason", unavailable);
      return o.put("available", true).put("port", port).put("pid", pid).put("measuresPostgres", pgData != null);
    }
  }

  private final Settings settings;
  private final List<Peer> peers;
  private final Vertx vertx;
  private final List<Shard> shards = new ArrayList<>();

  private Bench(Settings settings, List<Peer> peers) {
    this.settings = settings;
    this.peers = peers;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.loops)
        .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS));
    for (int i = 0; i < settings.loops; i++) {
      Shard s = new Shard(i, vertx, vertx.getOrCreateContext());
      s.init().await();
      shards.add(s);
    }
  }

  public static void main(String[] args) throws Exception {
    List<Peer> peers = new ArrayList<>();
    Path out = null;
    Settings settings = new Settings(System.getenv());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--peer" -> peers.add(new Peer(spec(args[++i]), settings));
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (peers.isEmpty()) throw new IllegalArgumentException("give at least one --peer name=…,kind=…,port=…,pid=…");
    if (out == null) out = Path.of("results", "bench-" + System.currentTimeMillis());
    Bench bench = new Bench(settings, peers);
    int code = 0;
    try {
      JsonObject results = bench.measure();
      Files.createDirectories(out.toAbsolutePath().getParent());
      Path json = Path.of(out + ".json");
      Path md = Path.of(out + ".md");
      Files.writeString(json, results.encodePrettily() + "\n");
      String table = Report.markdown(results);
      Files.writeString(md, table);
      System.out.println();
      System.out.println(table);
      log("wrote %s and %s", json, md);
    } catch (Throwable t) {
      t.printStackTrace();
      code = 1;
    } finally {
      peers.forEach(p -> {
        if (p.target != null) p.target.close();
      });
      bench.vertx.close().await();
    }
    System.exit(code);
  }

  private static Map<String, String> spec(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String part : raw.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) throw new IllegalArgumentException("--peer takes key=value pairs separated by commas: " + raw);
      m.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return m;
  }

  // ------------------------------------------------------------------ the procedure

  private JsonObject measure() {
    JsonObject results = new JsonObject()
        .put("startedAt", java.time.Instant.now().toString())
        .put("machine", machine())
        .put("settings", settings.toJson())
        .put("peers", new JsonArray(peers.stream().map(Peer::describe).toList()));
    List<Peer> live = peers.stream().filter(p -> p.target != null).toList();
    for (Peer p : peers) if (p.unavailable != null) log("%s: not available: %s", p.name, p.unavailable);
    probeDisk(results.getJsonObject("machine"));

    JsonArray memory = new JsonArray();
    if (!settings.idleCounts.isEmpty()) {
      for (Peer p : live) memory.add(guard(p, "idle memory", () -> memoryProbe(p)));
    }
    results.put("idleMemory", memory);

    JsonArray runs = new JsonArray();
    for (int rep = 1; rep <= settings.repeat; rep++) {
      for (Peer p : live) {
        int r = rep;
        runs.add(guard(p, "run " + rep, () -> runOnce(p, "fixed", r, settings.rooms, settings.members, settings.rate,
            settings.warmupS, settings.durationS)));
      }
    }
    results.put("runs", runs);

    JsonArray searches = new JsonArray();
    if (settings.rateSearch) {
      for (int rep = 1; rep <= settings.searchRepeat; rep++) {
        for (Peer p : live) {
          int r = rep;
          searches.add(guard(p, "search " + rep, () -> search(p, r)));
        }
      }
    }
    results.put("rateSearch", searches);
    results.put("finishedAt", java.time.Instant.now().toString());
    results.put("summary", Report.summarize(results, settings));
    return results;
  }

  private interface Step {
    JsonObject run() throws Exception;
  }

  /** A failed phase is recorded as such and the bench goes on with the next one. */
  private JsonObject guard(Peer p, String what, Step step) {
    try {
      return step.run();
    } catch (Throwable t) {
      log("%s: %s FAILED: %s", p.name, what, t);
      try {
        for (Shard s : shards) s.call(s::onCloseAll).await(30, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // best effort
      }
      return new JsonObject().put("peer", p.name).put("phase", what).put("failed", String.valueOf(t));
    }
  }

  /** The flush latency of the disk under the first durable peer's database, before any load. */
  private void probeDisk(JsonObject machine) {
    Peer durable = peers.stream().filter(p -> p.durable && p.pgData != null).findFirst().orElse(null);
    if (durable == null || settings.diskProbeS == 0) return;
    try {
      log("probing the disk's flush latency for %d s (8 KiB write + fdatasync every 5 ms)...", settings.diskProbeS);
      JsonObject flush = DiskFlush.probe(durable.pgData.getParent(), settings.diskProbeS);
      machine.put("diskFlushMs", flush);
      log("disk flush: p50 %s p99 %s p99.9 %s max %s ms, %d of %d over 50 ms", flush.getValue("p50"), flush.getValue("p99"),
          flush.getValue("p999"), flush.getValue("max"), flush.getLong("over50ms"), flush.getLong("samples"));
    } catch (Exception e) {
      log("disk flush probe failed: %s", e);
    }
  }

  private JsonObject machine() {
    JsonObject m = new JsonObject()
        .put("availableProcessors", Runtime.getRuntime().availableProcessors())
        .put("java", System.getProperty("java.version"))
        .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
        .put("generatorPid", ProcessHandle.current().pid());
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) m.put("memTotalKb", Long.parseLong(line.replaceAll("[^0-9]", "")));
      }
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
          break;
        }
      }
    } catch (Exception ignored) {
      // not Linux
    }
    String env = System.getenv("BENCH_ENV");
    if (env != null) m.put("runner", env);
    return m;
  }

  // ------------------------------------------------------------------ one fixed-rate run

  private JsonObject runOnce(Peer p, String label, int rep, int rooms, int members, double rate, int warmupS, int durationS)
      throws Exception {
    if (members < 2) throw new IllegalArgumentException("MEMBERS must be at least 2");
    Target target = p.target;
    log("%s: %s #%d: %d rooms x %d members, %.2f msg/s per room (%.0f sends/s, %.0f deliveries/s), warm-up %d s, measure %d s",
        p.name, label, rep, rooms, members, rate, rooms * rate, rooms * rate * members, warmupS, durationS);
    target.prepare(vertx, rooms, members).await();
    settle(p);
    int n = shards.size();
    for (Shard s : shards) {
      s.call(() -> {
        s.rooms.clear();
        for (int r = s.index; r < rooms; r += n) s.rooms.add(new RoomState(r, members, target.acknowledges()));
        return Future.succeededFuture();
      }).await();
    }
    long t0 = System.nanoTime();
    int per = Math.max(1, settings.connectConcurrency / n);
    Future.all(shards.stream().map(s -> s.call(() -> s.onConnectRooms(target, per))).toList()).await(600, TimeUnit.SECONDS);
    double connectS = (System.nanoTime() - t0) / 1e9;
    Future.all(shards.stream().map(s -> s.call(() -> s.onBeforeLoad(target))).toList()).await(120, TimeUnit.SECONDS);
    Future.all(shards.stream().map(s -> s.call(() -> s.onStartPings(target))).toList()).await();
    log("%s: %d sockets connected and joined in %.1f s", p.name, rooms * members, connectS);
    Thread.sleep(1_000);
    System.gc();
    Thread.sleep(200);

    // The process trees are walked now, before the load: a walk reads every /proc entry, which took 15 to 75 ms of
    // the generator's one core, and at the window's edges it delayed the receipts of that second by as much.
    List<Long> roots = p.roots();
    List<Long> dbOnly = roots.size() > 1 ? roots.subList(1, roots.size()) : List.of();
    Map<Long, List<Long>> children = ProcStats.childrenByParent();
    Set<Long> serverPids = ProcStats.tree(roots, children);
    Set<Long> dbPids = ProcStats.tree(dbOnly, children);

    int crisisEvery = target.alertsOnCrisis() ? settings.crisisEvery : 0;
    long start = System.nanoTime() + 300_000_000L;
    long windowStart = start + TimeUnit.SECONDS.toNanos(warmupS);
    long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(durationS);
    Future.all(shards.stream().map(s -> s.call(() ->
        s.onStartLoad(EPOCH, start, windowStart, windowEnd, rate, settings.payloadBytes, rooms, crisisEvery))).toList()).await();

    sleepUntil(windowStart);
    log("%s: %s #%d: measured window from %s (by intended send time), to line up with server and GC logs",
        p.name, label, rep, java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    double cpu0 = ProcStats.cpuSecondsOf(serverPids);
    double db0 = ProcStats.cpuSecondsOf(dbPids);
    double machine0 = ProcStats.machineBusySeconds();
    double gen0 = ProcStats.selfCpuSeconds();
    long gc0 = gcMillis();
    long maxRss = 0;
    long maxTreeRss = 0;
    while (System.nanoTime() < windowEnd - 1_000_000_000L) {
      Thread.sleep(1_000);
      maxRss = Math.max(maxRss, ProcStats.rss(p.pid));
    }
    sleepUntil(windowEnd);
    double cpu1 = ProcStats.cpuSecondsOf(serverPids);
    double db1 = ProcStats.cpuSecondsOf(dbPids);
    double machine1 = ProcStats.machineBusySeconds();
    double gen1 = ProcStats.selfCpuSeconds();
    long gc1 = gcMillis();
    maxRss = Math.max(maxRss, ProcStats.rss(p.pid));
    maxTreeRss = ProcStats.treeRss(serverPids);

    // drain: wait until every message sent reached every member (and was answered), bounded
    long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.drainS);
    double drainedAfter = -1;
    while (System.nanoTime() < drainEnd) {
      long[] sum = new long[5];
      for (Shard s : shards) {
        long[] pr = s.call(s::onProgress).await();
        for (int i = 0; i < 5; i++) sum[i] += pr[i];
      }
      boolean delivered = sum[1] >= sum[0];
      boolean answered = !target.acknowledges() || sum[3] >= sum[2];
      boolean alerted = sum[4] == 0; // every crisis text answered ok has its alert, or its 10 s are up
      if (delivered && answered && alerted) {
        drainedAfter = (System.nanoTime() - windowEnd) / 1e9;
        break;
      }
      Thread.sleep(100);
    }
    Counters total = new Counters();
    for (Shard s : shards) total.add(s.call(s::onFinish).await());
    List<long[]> acked = new ArrayList<>();
    for (int r = 0; r < rooms; r++) acked.add(null);
    for (Shard s : shards) {
      List<long[]> mine = s.call(() -> Future.succeededFuture(s.ackedSeqsByRoom())).await();
      for (int i = 0; i < mine.size(); i++) acked.set(s.index + i * n, mine.get(i));
    }
    for (Shard s : shards) s.call(s::onCloseAll).await(60, TimeUnit.SECONDS);

    JsonObject durable = null;
    if (target.acknowledges() && p.durable) {
      durable = target.verifyDurable(vertx, members, acked).await(600, TimeUnit.SECONDS);
    }
    JsonObject result = Report.run(p.name, label, rep, rooms, members, rate, warmupS, durationS, total,
        cpu1 - cpu0, gen1 - gen0, gc1 - gc0, maxRss, maxTreeRss, connectS, drainedAfter, durable);
    if (crisisEvery > 0) result.put("crisisAlerts", Report.alerts(total, crisisEvery));
    if (!dbOnly.isEmpty()) result.put("serverCpuCoresPostgres", Math.round((db1 - db0) / durationS * 1000) / 1000.0);
    if (machine0 >= 0) {
      double others = ((machine1 - machine0) - (cpu1 - cpu0) - (gen1 - gen0)) / durationS;
      result.put("otherProcessesCpuCores", Math.round(others * 1000) / 1000.0);
      if (others > 0.25) {
        result.put("noisy", String.format(java.util.Locale.ROOT,
            "other processes used %.2f cores during the window: numbers are disturbed", others));
      }
    }
    log("%s: %s #%d: %s", p.name, label, rep, Report.oneLine(result));
    return result;
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(0, b.getCollectionTime());
    return sum;
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
  }

  /** Waits (at most 30 s) until the server's process tree is nearly idle, so a run does not inherit the last one's backlog. */
  private void settle(Peer p) throws InterruptedException {
    List<Long> roots = p.roots();
    for (int i = 0; i < 30; i++) {
      double a = ProcStats.cpuSeconds(roots);
      Thread.sleep(1_000);
      double used = ProcStats.cpuSeconds(roots) - a;
      if (used < 0.15) return;
    }
    log("%s: server still busy after 30 s of waiting; going on", p.name);
  }

  // ------------------------------------------------------------------ idle memory

  private JsonObject memoryProbe(Peer p) throws Exception {
    Target target = p.target;
    int rooms = settings.rooms;
    int members = settings.members;
    target.prepare(vertx, rooms, members).await();
    int capacity = (int) Math.min(Integer.MAX_VALUE, (long) rooms * members * Math.min(target.maxSocketsPerMember(), 1_000));
    boolean java = ProcStats.isJava(p.pid);
    log("%s: idle memory at %s connected clients%s", p.name, settings.idleCounts, java ? " (jcmd GC.run before each reading)" : "");
    settle(p);
    int n = shards.size();
    for (Shard s : shards) s.call(() -> {
      s.rooms.clear();
      return Future.succeededFuture();
    }).await();
    JsonArray points = new JsonArray();
    int connected = 0;
    String note = null;
    for (int want : settings.idleCounts) {
      if (want > capacity) {
        note = "stopped at " + connected + ": " + want + " sockets exceed what the prepared accounts may open (" + capacity + ")";
        break;
      }
      List<List<int[]>> byShard = new ArrayList<>();
      for (int i = 0; i < n; i++) byShard.add(new ArrayList<>());
      for (int i = connected; i < want; i++) {
        int room = i % rooms;
        int member = (i / rooms) % members;
        int slot = i / (rooms * members);
        byShard.get(room % n).add(new int[] {room, member, slot});
      }
      long t0 = System.nanoTime();
      int per = Math.max(1, settings.connectConcurrency / n);
      List<Future<Void>> opening = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Shard s = shards.get(i);
        List<int[]> mine = byShard.get(i);
        opening.add(s.call(() -> s.onConnectIdle(target, mine, per)));
      }
      Future.all(opening).await(600, TimeUnit.SECONDS);
      for (Shard s : shards) s.call(() -> s.onStartPings(target)).await();
      connected = want;
      Thread.sleep(TimeUnit.SECONDS.toMillis(settings.idleSettleS));
      long heap = -1;
      if (java) {
        ProcStats.jvmGc(p.pid);
        Thread.sleep(1_000);
        heap = ProcStats.jvmHeapUsed(p.pid);
      }
      long rss = 0;
      for (int i = 0; i < 3; i++) {
        rss += ProcStats.rss(p.pid);
        Thread.sleep(500);
      }
      rss /= 3;
      points.add(new JsonObject().put("clients", want).put("rssBytes", rss).put("heapUsedBytes", heap)
          .put("connectSeconds", (System.nanoTime() - t0) / 1e9 - settings.idleSettleS));
      log("%s: %d idle clients: RSS %.1f MB%s", p.name, want, rss / 1048576.0,
          heap >= 0 ? String.format(", heap after GC %.1f MB", heap / 1048576.0) : "");
    }
    long closes = 0;
    for (Shard s : shards) {
      closes += s.counters.unexpectedCloses;
      s.call(s::onCloseAll).await(120, TimeUnit.SECONDS);
    }
    JsonObject result = new JsonObject().put("peer", p.name).put("points", points)
        .put("rssSlopeBytesPerClient", slope(points, "rssBytes"))
        .put("heapSlopeBytesPerClient", java ? slope(points, "heapUsedBytes") : null)
        .put("unexpectedCloses", closes);
    if (note != null) result.put("note", note);
    return result;
  }

  /** Least-squares slope of {@code key} over {@code clients}; null with fewer than two distinct points. */
  static Double slope(JsonArray points, String key) {
    List<double[]> xy = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      JsonObject o = points.getJsonObject(i);
      Number y = o.getNumber(key);
      if (y != null && y.doubleValue() >= 0) xy.add(new double[] {o.getInteger("clients"), y.doubleValue()});
    }
    if (xy.size() < 2) return null;
    double mx = xy.stream().mapToDouble(a -> a[0]).average().orElse(0);
    double my = xy.stream().mapToDouble(a -> a[1]).average().orElse(0);
    double num = 0;
    double den = 0;
    for (double[] a : xy) {
      num += (a[0] - mx) * (a[1] - my);
      den += (a[0] - mx) * (a[0] - mx);
    }
    return den == 0 ? null : num / den;
  }

  // ------------------------------------------------------------------ rate search

  /**
   * The highest per-room rate whose run passes (valid generator rate, nothing lost, duplicated or
   * reordered, p99 within the bound): doubling from the start rate until a run fails, then
   * bisecting (geometrically) between the last pass and the first failure; bounded in steps.
   */
  private JsonObject search(Peer p, int rep) throws Exception {
    JsonArray steps = new JsonArray();
    double lo = 0;
    double hi = Double.NaN;
    double rate = Math.min(settings.searchStartRate, settings.searchMaxRate);
    String limitedBy = null;
    for (int step = 0; step < settings.searchMaxSteps; step++) {
      JsonObject r = runOnce(p, "search", rep, settings.rooms, settings.members, rate, settings.searchWarmupS,
          settings.searchDurationS);
      boolean pass = passes(r, settings.searchP99Ms);
      r.put("pass", pass);
      steps.add(r);
      if (pass) {
        lo = rate;
      } else {
        hi = rate;
        if (!r.getBoolean("valid", false)) limitedBy = "generator (" + r.getString("invalidReason") + ")";
      }
      double next;
      if (Double.isNaN(hi)) {
        if (rate >= settings.searchMaxRate) {
          limitedBy = "SEARCH_MAX_RATE";
          break;
        }
        next = Math.min(rate * 2, settings.searchMaxRate);
      } else if (lo == 0) {
        next = rate / 2;
        if (next < 0.05) break;
      } else {
        if (hi / lo < 1.1) break;
        next = Math.sqrt(lo * hi);
      }
      rate = next;
    }
    double best = 0;
    double best50 = 0;
    double bestRate = 0;
    for (int i = 0; i < steps.size(); i++) {
      JsonObject r = steps.getJsonObject(i);
      if (!r.getBoolean("pass")) continue;
      double d = r.getDouble("deliveriesPerSec");
      if (d > best) {
        best = d;
        bestRate = r.getDouble("ratePerRoom");
      }
      if (passes(r, 50) && d > best50) best50 = d;
    }
    JsonObject out = new JsonObject().put("peer", p.name).put("rep", rep)
        .put("p99BoundMs", settings.searchP99Ms)
        .put("maxDeliveriesPerSec", best).put("atRatePerRoom", bestRate)
        .put("maxDeliveriesPerSecP99Le50", best50)
        .put("steps", new JsonArray(steps.stream().map(o -> Report.stepView((JsonObject) o)).toList()));
    if (limitedBy != null) out.put("limitedBy", limitedBy);
    log("%s: search #%d: max %.0f deliveries/s with p99 <= %.0f ms (at %.2f msg/s per room)%s", p.name, rep, best,
        settings.searchP99Ms, bestRate, limitedBy == null ? "" : "; limited by " + limitedBy);
    return out;
  }

  static boolean passes(JsonObject r, double p99Ms) {
    return !r.containsKey("failed") && r.getBoolean("valid", false) && r.getLong("lost", 1L) == 0
        && r.getLong("duplicates", 1L) == 0 && r.getLong("reordered", 1L) == 0 && r.getLong("misrouted", 1L) == 0
        && r.getLong("nacked", 0L) == 0
        && r.getJsonObject("latencyMs").getDouble("p99") != null
        && r.getJsonObject("latencyMs").getDouble("p99") <= p99Ms;
  }

  static JsonObject histogram(Histogram h) {
    JsonObject o = new JsonObject().put("count", h.getTotalCount());
    if (h.getTotalCount() == 0) return o.put("p50", null).put("p90", null).put("p99", null).put("p999", null).put("max", null);
    return o.put("p50", ms(h.getValueAtPercentile(50)))
        .put("p90", ms(h.getValueAtPercentile(90)))
        .put("p99", ms(h.getValueAtPercentile(99)))
        .put("p999", ms(h.getValueAtPercentile(99.9)))
        .put("max", ms(h.getMaxValue()))
        .put("mean", Math.round(h.getMean()) / 1000.0);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
