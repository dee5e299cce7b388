package app.talkingstick.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Group commit for one owner (a room or a channel): items submitted while a write is in flight
 * are written together in the next one, so a busy room pays one round trip per batch rather than
 * per message, and a quiet room pays no added latency. Batches are written one after another, so
 * results come back in submission order. Used only on its owner's event loop.
 *
 * <p>With {@link Pacing}, a write starts no sooner than a set gap after the previous one started:
 * under load each commit then carries more items (a commit's fixed cost, in the database and in
 * the client, is most of the cost of a small one), while an item reaching an idle writer after a
 * quiet spell is still written at once.
 *
 * <p>A batch that fails for something in one of its items ({@code isolate} says which failures) is
 * written again item by item, so one bad item fails alone and the others are stored.
 *
 * @param <T> what is written
 * @param <R> what each item's write yields (its committed sequence number, say)
 */
public final class BatchingWriter<T, R> {

  private record Pending<T, R>(T item, Promise<R> promise) {}

  /** Timers, for pacing: runs {@code action} on the owner's event loop after {@code delayMillis}. */
  @FunctionalInterface
  public interface Timer {
    void after(long delayMillis, Runnable action);
  }

  /**
   * The least time between the starts of two writes ({@code gapNanos}), the clock it is measured
   * with, and the timer that starts a write whose turn has not come yet.
   */
  public record Pacing(long gapNanos, LongSupplier nanoClock, Timer timer) {
    /** No pacing: each write starts as soon as the previous one has finished. */
    public static Pacing none() {
      return new Pacing(0, System::nanoTime, (delay, action) -> action.run());
    }
  }

  private final Function<List<T>, Future<List<R>>> sink;
  private final int maxBatch;
  private final Pacing pacing;
  private final Predicate<Throwable> isolate;
  private List<Pending<T, R>> queued = new ArrayList<>();
  private boolean writing;
  private boolean waitingForTurn;
  private boolean pacingStopped;
  private long lastStart;
  private boolean startedBefore;
  private Promise<Void> drained;

  /** {@code sink} writes a batch in one transaction and returns one result per item, in order. */
  public BatchingWriter(Function<List<T>, Future<List<R>>> sink, int maxBatch) {
    this(sink, maxBatch, Pacing.none(), failure -> false);
  }

  /** {@code isolate}: the failures after which a batch is written again one item at a time. */
  public BatchingWriter(Function<List<T>, Future<List<R>>> sink, int maxBatch, Pacing pacing, Predicate<Throwable> isolate) {
    this.sink = sink;
    this.maxBatch = maxBatch;
    this.pacing = pacing;
    this.isolate = isolate;
  }

  public Future<R> submit(T item) {
    Promise<R> promise = Promise.promise();
    queued.add(new Pending<>(item, promise));
    if (!writing && !waitingForTurn) writeNext();
    return promise.future();
  }

  /**
   * Turns pacing off for good (the owner is stopping): a batch waiting for its turn is written now,
   * and every later one as soon as the previous write ends, so nothing waits on a timer that the
   * owner's undeployment may cancel.
   */
  public void stopPacing() {
    pacingStopped = true;
    if (waitingForTurn) {
      waitingForTurn = false;
      writeNext();
    }
  }

  /** Completes once everything submitted so far has been written (or has failed). */
  public Future<Void> drain() {
    if (!writing && !waitingForTurn && queued.isEmpty()) return Future.succeededFuture();
    if (drained == null) drained = Promise.promise();
    return drained.future();
  }

  public int queued() {
    return queued.size();
  }

  private void writeNext() {
    if (queued.isEmpty()) {
      writing = false;
      if (drained != null) {
        drained.complete();
        drained = null;
      }
      return;
    }
    long wait = untilTurn();
    if (wait > 0) {
      writing = false;
      waitingForTurn = true;
      pacing.timer().after(Math.max(1, (wait + 999_999) / 1_000_000), () -> {
        if (!waitingForTurn) return; // already written by stopPacing
        waitingForTurn = false;
        writeNext();
      });
      return;
    }
    writing = true;
    lastStart = pacing.nanoClock().getAsLong();
    startedBefore = true;
    List<Pending<T, R>> batch = takeBatch();
    write(batch).onComplete(result -> {
      if (result.failed() && batch.size() > 1 && isolate.test(result.cause())) {
        oneByOne(batch, 0);
        return;
      }
      complete(batch, result);
      writeNext();
    });
  }

  private Future<List<R>> write(List<Pending<T, R>> batch) {
    try {
      return sink.apply(batch.stream().map(Pending::item).toList());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static <T, R> void complete(List<Pending<T, R>> batch, io.vertx.core.AsyncResult<List<R>> result) {
    for (int i = 0; i < batch.size(); i++) {
      if (result.succeeded()) batch.get(i).promise().complete(result.result().get(i));
      else batch.get(i).promise().fail(result.cause());
    }
  }

  /** The failed batch again, each item alone and in order, then the next batch. */
  private void oneByOne(List<Pending<T, R>> batch, int next) {
    if (next == batch.size()) {
      writeNext();
      return;
    }
    List<Pending<T, R>> one = List.of(batch.get(next));
    write(one).onComplete(result -> {
      complete(one, result);
      oneByOne(batch, next + 1);
    });
  }

  /** Nanoseconds until the next write may start (0 or less: now). */
  private long untilTurn() {
    if (!startedBefore || pacingStopped || pacing.gapNanos() <= 0) return 0;
    return lastStart + pacing.gapNanos() - pacing.nanoClock().getAsLong();
  }

  private List<Pending<T, R>> takeBatch() {
    if (queued.size() <= maxBatch) {
      List<Pending<T, R>> all = queued;
      queued = new ArrayList<>();
      return all;
    }
    List<Pending<T, R>> head = new ArrayList<>(queued.subList(0, maxBatch));
    queued = new ArrayList<>(queued.subList(maxBatch, queued.size()));
    return head;
  }
}
