package app.talkingstick.conversation;

import app.talkingstick.conduct.CrisisDetector;
import app.talkingstick.conduct.Screened;
import app.talkingstick.conduct.SemanticLayer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one screening step that every text a client sends passes through, in a group room and in a
 * private channel alike, before anything may refuse it (not their turn, no session, paused, muted,
 * slow mode, flood, agreement, length, conduct). Both layers run ({@link SemanticLayer}: the rules and
 * the learned sentence encoder), off the event loop on a small pool of worker threads, in the order
 * each conversation sent them. What the conversation does with the result is decided after: shared
 * with the room and alerted, or, where the room would refuse the text, sent privately to the
 * therapists instead of the refusal.
 *
 * <p>Texts wait in lanes, one per worker thread; each event loop always uses the same lane, and a
 * conversation always runs on the same event loop, so its texts are screened and answered in the order
 * it sent them. A lane screens what is waiting in it together, up to {@link #MAX_BATCH} texts in one
 * run of the encoder: a quiet server screens each text as it comes, and a busy one (a burst, or the
 * first seconds after a start while the JIT is still compiling) screens more per run at less CPU per
 * text, so a backlog drains instead of growing.
 */
public final class Screening {

  private static final Logger LOG = LoggerFactory.getLogger(Screening.class);
  /** Longer texts (a refused one can be up to a socket frame) are screened on their first this many characters. */
  static final int MAX_SCREENED = 4 * SayAction.MAX_TEXT;
  /**
   * The most texts one run of the encoder takes: a run pads every text to the longest, so a larger batch
   * saves less per text (docs/benchmarks.md, "Screening CPU": 4.95 ms a text one at a time, 3.18 in eights).
   */
  public static final int MAX_BATCH = 8;

  private final Function<List<String>, List<Screened>> screenAll;
  private final CrisisDetector rules;
  private final WorkerExecutor workers;
  private final Lane[] lanes;
  private final Map<Thread, Lane> laneByThread = new ConcurrentHashMap<>();
  private final AtomicInteger lanesGiven = new AtomicInteger();

  public Screening(SemanticLayer layer, CrisisDetector rules, WorkerExecutor workers, int lanes) {
    this(layer::screenAll, rules, workers, lanes);
  }

  Screening(Function<List<String>, List<Screened>> screenAll, CrisisDetector rules, WorkerExecutor workers, int lanes) {
    this.screenAll = screenAll;
    this.rules = rules;
    this.workers = workers;
    this.lanes = new Lane[lanes];
    for (int i = 0; i < lanes; i++) this.lanes[i] = new Lane();
  }

  /** The bundled layers, one lane and one worker thread per CPU. */
  public static Screening bundled(Vertx vertx) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new Screening(SemanticLayer.bundled(), CrisisDetector.defaults(),
        vertx.createSharedWorkerExecutor("talkingstick-screening", threads), threads);
  }

  /**
   * What a client wrote, screened; completes on the caller's context, in the order of the calls made
   * from it. Therapists' own messages are not screened. Never fails: should the learned layer fail,
   * the rules alone answer.
   */
  public Future<Screened> screen(String text, boolean fromClient) {
    if (!fromClient) return Future.succeededFuture(Screened.NOTHING);
    String screened = text.length() > MAX_SCREENED ? text.substring(0, MAX_SCREENED) : text;
    Context caller = Vertx.currentContext();
    Promise<Screened> result = Promise.promise();
    laneOfThisThread().submit(new Waiting(screened, caller, result));
    return result.future();
  }

  /** Lanes go to threads in turn as each first screens (not by context: each event-bus message has a context of its own). */
  private Lane laneOfThisThread() {
    return laneByThread.computeIfAbsent(Thread.currentThread(), t -> lanes[lanesGiven.getAndIncrement() % lanes.length]);
  }

  private record Waiting(String text, Context caller, Promise<Screened> result) {
    void answer(Screened screened) {
      if (caller == null) result.complete(screened);
      else caller.runOnContext(v -> result.complete(screened));
    }
  }

  /** Texts waiting to be screened, first come first screened, by at most one worker at a time. */
  private final class Lane {
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private boolean screening;

    void submit(Waiting text) {
      boolean start;
      synchronized (this) {
        waiting.add(text);
        start = !screening;
        screening = true;
      }
      if (start) screenNext();
    }

    /** One batch per worker task (a task that looped while texts kept coming would hold its thread for ever). */
    private void screenNext() {
      workers.executeBlocking(() -> {
        try {
          screenBatch(next());
        } finally {
          if (keepScreening()) screenNext();
        }
        return null;
      }, false);
    }

    private synchronized List<Waiting> next() {
      List<Waiting> batch = new ArrayList<>(Math.min(MAX_BATCH, waiting.size()));
      while (batch.size() < MAX_BATCH && !waiting.isEmpty()) batch.add(waiting.poll());
      return batch;
    }

    /** Whether texts still wait; when none does, the lane stops, and the next text submitted starts it again. */
    private synchronized boolean keepScreening() {
      screening = !waiting.isEmpty();
      return screening;
    }
  }

  private void screenBatch(List<Waiting> batch) {
    List<Screened> results;
    try {
      results = screenAll.apply(batch.stream().map(Waiting::text).toList());
    } catch (RuntimeException | Error err) {
      LOG.error("The learned screening layer failed ({}); the rules alone screened {} message(s)",
          err.getClass().getSimpleName(), batch.size());
      results = batch.stream().map(w -> Screened.byRules(rules.detect(w.text()))).toList();
    }
    for (int i = 0; i < batch.size(); i++) batch.get(i).answer(results.get(i));
  }
}
