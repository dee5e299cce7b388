package app.talkingstick.conversation;

import app.talkingstick.conduct.CrisisDetector;
import app.talkingstick.conduct.Glance;
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
import java.util.function.Consumer;
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
 *
 * <p>Each text is glanced at first ({@link SemanticLayer#glance}: the rules and the word features, in
 * microseconds). Where that settles it, or settles everything but whether it shows a crisis, the
 * conversation is answered at once, and a text whose crisis reading is still to come goes on to the
 * lane's second queue, read by the encoders on other worker threads while the conversation shares it:
 * a message the room would share is not held back for the check-in tier. A text the glance cannot
 * decide on (abuse the word features are unsure of, a crisis the rules found) is read before it is
 * answered, and the texts after it in its lane wait for it, so the order holds.
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

  /**
   * What screening found. {@code screened} decides what the conversation does with the text. While
   * {@code crisisReading} is not complete, {@code screened} says nothing of a crisis (its abuse is
   * settled): the conversation may share the text at once if it would share it as it is, and raise any
   * alert when the reading comes; anything else waits for the reading. Once complete, the reading is the
   * whole finding.
   */
  public record Answer(Screened screened, Future<Screened> crisisReading) {
    public static Answer settled(Screened screened) {
      return new Answer(screened, Future.succeededFuture(screened));
    }
  }

  private final Function<String, Glance> glance;
  private final Function<List<Glance>, List<Screened>> read;
  private final CrisisDetector rules;
  private final Lane[] lanes;
  private final Map<Thread, Lane> laneByThread = new ConcurrentHashMap<>();
  private final AtomicInteger lanesGiven = new AtomicInteger();

  public Screening(SemanticLayer layer, CrisisDetector rules, WorkerExecutor deciders, WorkerExecutor readers, int lanes) {
    this(layer::glance, layer::read, rules, deciders, readers, lanes);
  }

  Screening(Function<String, Glance> glance, Function<List<Glance>, List<Screened>> read, CrisisDetector rules,
            WorkerExecutor deciders, WorkerExecutor readers, int lanes) {
    this.glance = glance;
    this.read = read;
    this.rules = rules;
    this.lanes = new Lane[lanes];
    for (int i = 0; i < lanes; i++) this.lanes[i] = new Lane(deciders, readers);
  }

  /** The bundled layers, one lane per CPU, each with a worker thread to decide and one to read crises. */
  public static Screening bundled(Vertx vertx) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new Screening(SemanticLayer.bundled(), CrisisDetector.defaults(),
        vertx.createSharedWorkerExecutor("talkingstick-screening", threads),
        vertx.createSharedWorkerExecutor("talkingstick-crisis-reading", threads), threads);
  }

  /**
   * What a client wrote, screened; completes on the caller's context, in the order of the calls made
   * from it, and so does the crisis reading. Therapists' own messages are not screened. Never fails:
   * should the learned layer fail, the rules alone answer.
   */
  public Future<Answer> screen(String text, boolean fromClient) {
    if (!fromClient) return Future.succeededFuture(Answer.settled(Screened.NOTHING));
    String screened = text.length() > MAX_SCREENED ? text.substring(0, MAX_SCREENED) : text;
    Promise<Answer> result = Promise.promise();
    laneOfThisThread().deciding.submit(new Waiting(screened, Vertx.currentContext(), result));
    return result.future();
  }

  /** Lanes go to threads in turn as each first screens (not by context: each event-bus message has a context of its own). */
  private Lane laneOfThisThread() {
    return laneByThread.computeIfAbsent(Thread.currentThread(), t -> lanes[lanesGiven.getAndIncrement() % lanes.length]);
  }

  private static <T> void onContext(Context caller, Promise<T> promise, T value) {
    if (caller == null) promise.complete(value);
    else caller.runOnContext(v -> promise.complete(value));
  }

  private record Waiting(String text, Context caller, Promise<Answer> answer) {}

  private record ToRead(Glance glance, Context caller, Promise<Screened> reading) {}

  /** A lane: texts waiting to be decided on, and texts already decided on waiting for their crisis reading. */
  private final class Lane {
    final Queue<Waiting> deciding;
    final Queue<ToRead> reading;

    Lane(WorkerExecutor deciders, WorkerExecutor readers) {
      deciding = new Queue<>(deciders, this::decide);
      reading = new Queue<>(readers, Screening.this::readCrises);
    }

    /**
     * Answers each text in order: at once where the glance settles it or all but its crisis, until one the
     * glance cannot decide on; that one and those after it are read first.
     */
    private void decide(List<Waiting> batch) {
      List<Glance> glances = glanceAll(batch);
      int i = 0;
      for (; i < batch.size() && glances.get(i).stage() != Glance.Stage.TO_READ; i++) {
        Waiting w = batch.get(i);
        Glance g = glances.get(i);
        if (g.stage() == Glance.Stage.SETTLED) {
          onContext(w.caller(), w.answer(), Answer.settled(g.known()));
        } else {
          Promise<Screened> crisis = Promise.promise();
          onContext(w.caller(), w.answer(), new Answer(g.known(), crisis.future()));
          reading.submit(new ToRead(g, w.caller(), crisis));
        }
      }
      if (i == batch.size()) return;
      List<Glance> rest = glances.subList(i, batch.size());
      List<Screened> found = readAll(rest);
      for (int j = 0; j < rest.size(); j++) onContext(batch.get(i + j).caller(), batch.get(i + j).answer(), Answer.settled(found.get(j)));
    }
  }

  private void readCrises(List<ToRead> batch) {
    List<Screened> found = readAll(batch.stream().map(ToRead::glance).toList());
    for (int i = 0; i < batch.size(); i++) onContext(batch.get(i).caller(), batch.get(i).reading(), found.get(i));
  }

  private List<Glance> glanceAll(List<Waiting> batch) {
    try {
      return batch.stream().map(w -> glance.apply(w.text())).toList();
    } catch (RuntimeException | Error err) {
      LOG.error("The learned screening layer failed ({}); the rules alone screened {} message(s)",
          err.getClass().getSimpleName(), batch.size());
      return batch.stream().map(w -> Glance.settled(w.text(), Screened.byRules(rules.detect(w.text())))).toList();
    }
  }

  private List<Screened> readAll(List<Glance> glances) {
    try {
      return read.apply(glances);
    } catch (RuntimeException | Error err) {
      LOG.error("The learned screening layer failed ({}); the rules alone screened {} message(s)",
          err.getClass().getSimpleName(), glances.size());
      return glances.stream().map(g -> Screened.byRules(rules.detect(g.text()))).toList();
    }
  }

  /** Items waiting for a worker, first come first served, at most one worker at a time, up to {@link #MAX_BATCH} a run. */
  private static final class Queue<T> {
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private final WorkerExecutor workers;
    private final Consumer<List<T>> run;
    private boolean running;

    Queue(WorkerExecutor workers, Consumer<List<T>> run) {
      this.workers = workers;
      this.run = run;
    }

    void submit(T item) {
      boolean start;
      synchronized (this) {
        waiting.add(item);
        start = !running;
        running = true;
      }
      if (start) runNext();
    }

    /** One batch per worker task (a task that looped while items kept coming would hold its thread for ever). */
    private void runNext() {
      workers.executeBlocking(() -> {
        try {
          run.accept(next());
        } finally {
          if (keepRunning()) runNext();
        }
        return null;
      }, false);
    }

    private synchronized List<T> next() {
      List<T> batch = new ArrayList<>(Math.min(MAX_BATCH, waiting.size()));
      while (batch.size() < MAX_BATCH && !waiting.isEmpty()) batch.add(waiting.poll());
      return batch;
    }

    /** Whether items still wait; when none does, the queue stops, and the next item submitted starts it again. */
    private synchronized boolean keepRunning() {
      running = !waiting.isEmpty();
      return running;
    }
  }
}
