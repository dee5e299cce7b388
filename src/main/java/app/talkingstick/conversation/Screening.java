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
 * <p>Texts wait in lanes, one per worker thread, each event loop always using the same lane. Each
 * text is glanced at first ({@link SemanticLayer#glance}: the rules and the word features, in
 * microseconds). Where that settles it, or settles everything but whether it shows a crisis, the
 * conversation is answered at once, and a text whose crisis reading is still to come goes on to the
 * lane's reading queue, read by the encoders on a second pool of worker threads while the conversation
 * shares it: a message the room would share is not held back for the check-in tier, nor for the reading
 * of a crisis the rules found (the alert follows the reading). A text the glance cannot decide on (abuse
 * the word features are unsure of) goes to the front of that queue and is answered once read, as does
 * the reading of a crisis the rules found, so its alert is not kept waiting behind the check-in tier.
 * A lane reads what waits in it together, up to {@link #MAX_BATCH} texts in one run of the encoders:
 * a quiet server reads each text as it comes, and a busy one (a burst, or the first seconds after a
 * start while the JIT is still compiling) more per run at less CPU per text, so a backlog drains
 * instead of growing.
 *
 * <p>Answers come in the order the screening finishes, not the order the texts were sent: a
 * conversation keeps its own order ({@link InOrder}), so a text that waits for the encoders holds back
 * only the texts after it in its own conversation.
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

  /** The bundled layers, one lane per CPU, each with a worker thread to glance and one to run the encoders. */
  public static Screening bundled(Vertx vertx) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new Screening(SemanticLayer.bundled(), CrisisDetector.defaults(),
        vertx.createSharedWorkerExecutor("talkingstick-screening", threads),
        vertx.createSharedWorkerExecutor("talkingstick-crisis-reading", threads), threads);
  }

  /**
   * What a client wrote, screened; completes on the caller's context, and so does the crisis reading.
   * Therapists' own messages are not screened. Never fails: should the learned layer fail, the rules
   * alone answer.
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

  /** A text for the encoders: {@code answer} is set when the conversation waits for it, else only its crisis reading is. */
  private record ToRead(Glance glance, Context caller, Promise<Answer> answer, Promise<Screened> reading) {}

  /** A lane: texts waiting for their glance, and texts waiting for the encoders. */
  private final class Lane {
    final Queue<Waiting> deciding;
    final Queue<ToRead> reading;

    Lane(WorkerExecutor deciders, WorkerExecutor readers) {
      deciding = new Queue<>(deciders, this::glance);
      reading = new Queue<>(readers, Screening.this::read);
    }

    /**
     * Answers each text the glance settles at once, and one it settles but for its crisis too, its reading
     * to follow; one it cannot decide on goes to the front of the reading queue and is answered once read.
     */
    private void glance(List<Waiting> batch) {
      List<Glance> glances = glanceAll(batch);
      for (int i = 0; i < batch.size(); i++) {
        Waiting w = batch.get(i);
        Glance g = glances.get(i);
        switch (g.stage()) {
          case SETTLED -> onContext(w.caller(), w.answer(), Answer.settled(g.known()));
          case CRISIS_TO_READ -> {
            Promise<Screened> crisis = Promise.promise();
            onContext(w.caller(), w.answer(), new Answer(g.known(), crisis.future()));
            reading.submit(new ToRead(g, w.caller(), null, crisis), g.byRules().isPresent());
          }
          case TO_READ -> reading.submit(new ToRead(g, w.caller(), w.answer(), null), true);
        }
      }
    }
  }

  private void read(List<ToRead> batch) {
    List<Screened> found = readAll(batch.stream().map(ToRead::glance).toList());
    for (int i = 0; i < batch.size(); i++) {
      ToRead t = batch.get(i);
      if (t.answer() != null) onContext(t.caller(), t.answer(), Answer.settled(found.get(i)));
      else onContext(t.caller(), t.reading(), found.get(i));
    }
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

  /**
   * Items waiting for a worker, first come first served (those put first ahead of the rest), at most one
   * worker at a time, up to {@link #MAX_BATCH} a run.
   */
  private static final class Queue<T> {
    private final ArrayDeque<T> first = new ArrayDeque<>();
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private final WorkerExecutor workers;
    private final Consumer<List<T>> run;
    private boolean running;

    Queue(WorkerExecutor workers, Consumer<List<T>> run) {
      this.workers = workers;
      this.run = run;
    }

    void submit(T item) {
      submit(item, false);
    }

    /** {@code ahead}: before every item submitted without it. */
    void submit(T item, boolean ahead) {
      boolean start;
      synchronized (this) {
        (ahead ? first : waiting).add(item);
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
      List<T> batch = new ArrayList<>(Math.min(MAX_BATCH, first.size() + waiting.size()));
      while (batch.size() < MAX_BATCH && !first.isEmpty()) batch.add(first.poll());
      while (batch.size() < MAX_BATCH && !waiting.isEmpty()) batch.add(waiting.poll());
      return batch;
    }

    /** Whether items still wait; when none does, the queue stops, and the next item submitted starts it again. */
    private synchronized boolean keepRunning() {
      running = !first.isEmpty() || !waiting.isEmpty();
      return running;
    }
  }
}
