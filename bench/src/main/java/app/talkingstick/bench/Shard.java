package app.talkingstick.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One event loop of the generator and everything it owns: its websocket client, its rooms (each
 * room's clients, schedule and ledger live on one loop, so nothing is shared or locked) and its
 * counters. Every method named {@code on*} or called from a client callback runs on {@link #ctx}.
 */
public final class Shard {

  final int index;
  final Vertx vertx;
  final Context ctx;
  WebSocketClient ws;
  final List<RoomState> rooms = new ArrayList<>();
  final List<Target.Client> idle = new ArrayList<>();
  Counters counters = new Counters();
  private final Payload.Parsed parsed = new Payload.Parsed();

  private long tickTimer = -1;
  private long pingTimer = -1;
  private static final int PING_SLICES = 100;
  private boolean closing;
  // the run's clock, nanoTime: window [windowStart, windowEnd), nothing is scheduled at or after windowEnd
  private long epoch;
  private long windowStart;
  private long windowEnd;
  private int payloadBytes;
  private boolean acks;
  /** Every how many messages of a client one is a crisis text (0: none); only for peers that alert. */
  private int crisisEvery;

  Shard(int index, Vertx vertx, Context ctx) {
    this.index = index;
    this.vertx = vertx;
    this.ctx = ctx;
  }

  /** Runs {@code body} on this shard's event loop. */
  <T> Future<T> call(Supplier<Future<T>> body) {
    Promise<T> p = Promise.promise();
    ctx.runOnContext(v -> {
      try {
        body.get().onComplete(p);
      } catch (Throwable t) {
        p.fail(t);
      }
    });
    return p.future();
  }

  Future<Void> init() {
    return call(() -> {
      ws = vertx.createWebSocketClient(new WebSocketClientOptions()
          .setMaxConnections(200_000)
          .setConnectTimeout(15_000)
          .setMaxFrameSize(1 << 20)
          .setMaxMessageSize(1 << 20)
          .setTcpNoDelay(true));
      return Future.succeededFuture();
    });
  }

  // ------------------------------------------------------------------ connecting

  /** Runs {@code count} tasks with at most {@code concurrency} in flight; fails once all started ones ended if any failed. */
  static <T> Future<List<T>> limited(int count, int concurrency, IntFunction<Future<T>> task) {
    Promise<List<T>> done = Promise.promise();
    List<T> results = new ArrayList<>(count);
    for (int i = 0; i < count; i++) results.add(null);
    if (count == 0) {
      done.complete(results);
      return done.future();
    }
    int[] state = new int[3]; // next, inFlight, finished
    Throwable[] failure = new Throwable[1];
    Runnable[] launch = new Runnable[1];
    launch[0] = () -> {
      while (state[1] < concurrency && state[0] < count && failure[0] == null) {
        int i = state[0]++;
        state[1]++;
        Future<T> f;
        try {
          f = task.apply(i);
        } catch (Throwable t) {
          f = Future.failedFuture(t);
        }
        f.onComplete(r -> {
          state[1]--;
          state[2]++;
          if (r.succeeded()) results.set(i, r.result());
          else if (failure[0] == null) failure[0] = r.cause();
          if (failure[0] != null) {
            if (state[1] == 0) done.tryFail(failure[0]);
          } else if (state[2] == count) {
            done.tryComplete(results);
          } else {
            launch[0].run();
          }
        });
      }
    };
    launch[0].run();
    return done.future();
  }

  /** Connects every member of this shard's rooms: hosts first, then the others. */
  Future<Void> onConnectRooms(Target target, int concurrency) {
    closing = false;
    acks = target.acknowledges();
    counters = new Counters();
    List<int[]> hosts = new ArrayList<>();
    List<int[]> others = new ArrayList<>();
    for (int r = 0; r < rooms.size(); r++) {
      for (int m = 0; m < rooms.get(r).members; m++) (m == 0 ? hosts : others).add(new int[] {r, m});
    }
    return connectAll(target, hosts, concurrency).compose(v -> connectAll(target, others, concurrency)).mapEmpty();
  }

  private Future<List<Target.Client>> connectAll(Target target, List<int[]> who, int concurrency) {
    return limited(who.size(), concurrency, i -> {
      RoomState room = rooms.get(who.get(i)[0]);
      int member = who.get(i)[1];
      return target.connect(this, room.room, member, 0, true, sink(room, member))
          .timeout(60, java.util.concurrent.TimeUnit.SECONDS)
          .onSuccess(c -> room.clients[member] = c);
    });
  }

  Future<Void> onBeforeLoad(Target target) {
    return limited(rooms.size(), 16, i -> target.beforeLoad(rooms.get(i).room, rooms.get(i).clients[0])).mapEmpty();
  }

  /** Opens idle sockets {@code from..to-1} of the idle probe (all indexes are global; this shard takes its share). */
  Future<Void> onConnectIdle(Target target, List<int[]> who, int concurrency) {
    closing = false;
    return limited(who.size(), concurrency, i -> {
      int[] w = who.get(i);
      return target.connect(this, w[0], w[1], w[2], false, idleSink())
          .timeout(60, java.util.concurrent.TimeUnit.SECONDS)
          .onSuccess(idle::add);
    }).mapEmpty();
  }

  /**
   * Every socket pings once per interval, each in its own slot of it, as browsers that connected at
   * different moments do: pinging all of them at the same instant would be a burst no real room
   * sends, and the server's time for it would show as a stall of every room.
   */
  Future<Void> onStartPings(Target target) {
    long every = target.pingIntervalMillis();
    if (every > 0 && pingTimer == -1) {
      long sliceMs = Math.max(1, every / PING_SLICES);
      long[] tick = {0};
      pingTimer = vertx.setPeriodic(sliceMs, id -> {
        int slice = (int) (tick[0]++ % PING_SLICES);
        int i = 0;
        for (RoomState r : rooms) {
          for (Target.Client c : r.clients) {
            if (c != null && i % PING_SLICES == slice) c.ping();
            i++;
          }
        }
        for (Target.Client c : idle) {
          if (i % PING_SLICES == slice) c.ping();
          i++;
        }
      });
    }
    return Future.succeededFuture();
  }

  /** Closes every socket of this shard (load and idle) and stops its timers. */
  Future<Void> onCloseAll() {
    closing = true;
    stopTimers();
    List<Future<Void>> closes = new ArrayList<>();
    for (RoomState r : rooms) {
      for (int i = 0; i < r.clients.length; i++) {
        if (r.clients[i] != null) closes.add(r.clients[i].close().otherwiseEmpty());
        r.clients[i] = null;
      }
    }
    for (Target.Client c : idle) closes.add(c.close().otherwiseEmpty());
    idle.clear();
    return Future.join(closes).otherwiseEmpty().mapEmpty();
  }

  private void stopTimers() {
    if (tickTimer != -1) vertx.cancelTimer(tickTimer);
    if (pingTimer != -1) vertx.cancelTimer(pingTimer);
    tickTimer = -1;
    pingTimer = -1;
  }

  // ------------------------------------------------------------------ the schedule

  /**
   * Starts the fixed-rate schedule: room i of n first sends at {@code start + i/n * period}, and
   * every room's next intended time advances by exactly one period per message, whether or not
   * the previous one was written on time; late messages keep their intended time.
   */
  Future<Void> onStartLoad(long epoch, long start, long windowStart, long windowEnd, double ratePerRoom,
                           int payloadBytes, int roomsTotal, int crisisEvery) {
    this.epoch = epoch;
    this.crisisEvery = crisisEvery;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.payloadBytes = payloadBytes;
    long period = Math.max(1, Math.round(1e9 / ratePerRoom));
    for (RoomState r : rooms) {
      r.period = period;
      r.next = start + (long) ((double) r.room / roomsTotal * period);
    }
    scheduleTick(start);
    return Future.succeededFuture();
  }

  /** One timer at a time, set for the earliest room's next send (millisecond timer resolution). */
  private void scheduleTick(long due) {
    long delayMs = Math.max(1, (due - System.nanoTime() + 999_999) / 1_000_000);
    tickTimer = vertx.setTimer(delayMs, id -> tick());
  }

  private void tick() {
    tickTimer = -1;
    long now = System.nanoTime();
    long due = Long.MAX_VALUE;
    for (RoomState r : rooms) {
      while (r.next <= now && r.next < windowEnd) {
        send(r, r.next, now);
        r.next += r.period;
      }
      if (r.next < windowEnd) due = Math.min(due, r.next);
    }
    if (due != Long.MAX_VALUE && !closing) scheduleTick(due);
  }

  private void send(RoomState r, long intended, long now) {
    int sender = r.nextSender();
    long seq = ++r.lastSeq[sender];
    Target.Client c = r.clients[sender];
    Counters k = counters;
    k.sent++;
    if (intended >= windowStart) {
      if (r.windowFirst[sender] == 0) r.windowFirst[sender] = seq;
      r.windowLast[sender] = seq;
      k.sentWindowIntended++;
      Counters.record(k.scheduleLag, (now - intended) / 1000);
    }
    if (now >= windowStart && now < windowEnd) k.sentWindowActual++;
    if (acks) r.intendedBySeq[sender].set((int) seq, intended - epoch);
    if (c == null) {
      k.sendFailures++;
      return;
    }
    try {
      String text = Payload.encode(r.room, sender, seq, intended - epoch, payloadBytes);
      if (CrisisLines.isCrisis(crisisEvery, r.room, r.members, sender, seq)) {
        r.alerts.sent(sender, seq, intended);
        c.send(seq, text, CrisisLines.line(r.room + r.crisisLines++));
      } else {
        c.send(seq, text);
      }
    } catch (RuntimeException e) {
      k.sendFailures++;
      if (k.firstError == null) k.firstError = "send: " + e;
    }
  }

  /**
   * Whether every message sent so far reached every member (and, for acknowledging peers, was answered):
   * {expected deliveries, unique deliveries, sent, answered, crisis alerts still awaited}. A crisis text the
   * room kept for the therapists ({@code shared: false}) is expected nowhere.
   */
  Future<long[]> onProgress() {
    long expected = 0;
    long awaiting = 0;
    long now = System.nanoTime();
    for (RoomState r : rooms) {
      long sent = 0;
      for (long s : r.lastSeq) sent += s;
      expected += (sent - r.alerts.keptPrivately()) * r.members;
      if (r.alerts.count() > 0) awaiting += r.alerts.awaiting(now);
    }
    Counters k = counters;
    return Future.succeededFuture(new long[] {expected, k.uniqueDeliveries, k.sent, k.acked + k.nacked, awaiting});
  }

  /** Stops the schedule and computes loss from the ledgers. */
  Future<Counters> onFinish() {
    if (tickTimer != -1) vertx.cancelTimer(tickTimer);
    tickTimer = -1;
    Counters k = counters;
    k.expected = 0;
    k.windowExpected = 0;
    long got = 0;
    for (RoomState r : rooms) {
      for (int s = 0; s < r.members; s++) {
        long last = r.lastSeq[s];
        if (last == 0) continue;
        k.expected += last * r.members;
        if (r.windowFirst[s] > 0) k.windowExpected += (r.windowLast[s] - r.windowFirst[s] + 1) * r.members;
        for (int m = 0; m < r.members; m++) got += r.ledger.received(m, s, 1, last);
      }
      // crisis texts kept for the therapists reach no member: not expected, and any receipt of one is a leak
      for (long[] kept : r.alerts.keptPrivate()) {
        int s = (int) kept[0];
        long seq = kept[1];
        k.expected -= r.members;
        if (r.windowFirst[s] > 0 && seq >= r.windowFirst[s] && seq <= r.windowLast[s]) k.windowExpected -= r.members;
        for (int m = 0; m < r.members; m++) {
          long leaked = r.ledger.received(m, s, seq, seq);
          got -= leaked;
          k.keptButDelivered += leaked;
        }
      }
      if (r.alerts.count() > 0) {
        AlertLedger.Tally window = r.alerts.tally(windowStart, windowEnd, k.alertLatency);
        AlertLedger.Tally all = r.alerts.tally(Long.MIN_VALUE, Long.MAX_VALUE, null);
        k.crisisSentTotal += all.sent;
        k.alertsMissingTotal += all.missing;
        k.crisisSent += window.sent;
        k.crisisShared += window.shared;
        k.crisisKept += window.kept;
        k.crisisRefused += window.refused;
        k.crisisUnanswered += window.unanswered;
        k.alertsReceived += window.received;
        k.alertsLate += window.late;
        k.alertsMissing += window.missing;
        k.alertsUnmatched += r.alerts.unmatchedAlerts();
        k.alertsDuplicate += r.alerts.duplicateAlerts();
      }
    }
    k.lost = k.expected - got;
    return Future.succeededFuture(k);
  }

  List<long[]> ackedSeqsByRoom() {
    List<long[]> out = new ArrayList<>();
    for (RoomState r : rooms) out.add(r.ackedServerSeqs.toArray());
    return out;
  }

  // ------------------------------------------------------------------ receiving

  private Target.Sink sink(RoomState room, int member) {
    return new Target.Sink() {
      @Override
      public void payload(Buffer frame, int markerAt, long now) {
        received(room, member, frame, markerAt, now);
      }

      @Override
      public void crisisAck(long seq, boolean ok, long serverSeq, String code, boolean shared, long now) {
        room.alerts.answered(member, seq, ok, serverSeq, shared);
        ack(seq, ok, serverSeq, code, now);
      }

      @Override
      public void inbox(String type, long serverSeq, long now) {
        if ("crisis".equals(type)) room.alerts.alert(serverSeq, now);
        else counters.checkIns++;
      }

      @Override
      public void ack(long seq, boolean ok, long serverSeq, String code, long now) {
        Counters k = counters;
        if (ok) {
          k.acked++;
          room.ackedServerSeqs.add(serverSeq);
        } else {
          k.nacked++;
          if (k.firstError == null) k.firstError = "refused: " + code;
        }
        if (acks && seq > 0 && seq <= room.lastSeq[member]) {
          long intended = room.intendedBySeq[member].get((int) seq) + epoch;
          if (intended >= windowStart && intended < windowEnd) Counters.record(k.ackLatency, (now - intended) / 1000);
        }
      }

      @Override
      public void error(String what) {
        Counters k = counters;
        k.errors++;
        if (k.firstError == null) k.firstError = what;
      }

      @Override
      public void closed(String why) {
        if (closing) return;
        Counters k = counters;
        k.unexpectedCloses++;
        if (k.firstError == null) k.firstError = "closed: " + why;
        room.clients[member] = null;
      }
    };
  }

  private Target.Sink idleSink() {
    return new Target.Sink() {
      @Override
      public void payload(Buffer frame, int markerAt, long nowNanos) {}

      @Override
      public void ack(long seq, boolean ok, long serverSeq, String code, long nowNanos) {}

      @Override
      public void error(String what) {}

      @Override
      public void closed(String why) {
        if (!closing) {
          counters.unexpectedCloses++;
          if (counters.firstError == null) counters.firstError = "idle socket closed: " + why;
        }
      }
    };
  }

  void received(RoomState room, int receiver, Buffer frame, int markerAt, long now) {
    Counters k = counters;
    Payload.Parsed p = parsed;
    if (!Payload.parse(frame, markerAt, p) || p.sender >= room.members || p.seq < 1 || p.seq > Integer.MAX_VALUE) {
      k.badPayloads++;
      return;
    }
    if (p.room != room.room) {
      k.misrouted++;
      return;
    }
    DeliveryLedger.Outcome outcome = room.ledger.record(receiver, p.sender, p.seq);
    if (outcome == DeliveryLedger.Outcome.DUPLICATE) {
      k.duplicates++;
      return;
    }
    if (outcome == DeliveryLedger.Outcome.REORDERED) k.reordered++;
    k.uniqueDeliveries++;
    long intended = p.intended + epoch;
    if (intended >= windowStart && intended < windowEnd) {
      k.windowDeliveries++;
      k.recordDelivery((intended - windowStart) / 1_000_000_000L, (now - intended) / 1000);
    }
  }
}
