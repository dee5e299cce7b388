package app.talkingstick.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit for one owner (a room or a channel): items submitted while a write is in flight
 * are written together in the next one, so a busy room pays one round trip per batch rather than
 * per message, and a quiet room pays no added latency. Batches are written one after another, so
 * results come back in submission order. Used only on its owner's event loop.
 *
 * @param <T> what is written
 * @param <R> what each item's write yields (its committed sequence number, say)
 */
public final class BatchingWriter<T, R> {

  private record Pending<T, R>(T item, Promise<R> promise) {}

  private final Function<List<T>, Future<List<R>>> sink;
  private final int maxBatch;
  private List<Pending<T, R>> queued = new ArrayList<>();
  private boolean writing;
  private Promise<Void> drained;

  /** {@code sink} writes a batch in one transaction and returns one result per item, in order. */
  public BatchingWriter(Function<List<T>, Future<List<R>>> sink, int maxBatch) {
    this.sink = sink;
    this.maxBatch = maxBatch;
  }

  public Future<R> submit(T item) {
    Promise<R> promise = Promise.promise();
    queued.add(new Pending<>(item, promise));
    if (!writing) writeNext();
    return promise.future();
  }

  /** Completes once everything submitted so far has been written (or has failed). */
  public Future<Void> drain() {
    if (!writing && queued.isEmpty()) return Future.succeededFuture();
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
    writing = true;
    List<Pending<T, R>> batch = takeBatch();
    List<T> items = batch.stream().map(Pending::item).toList();
    Future<List<R>> written;
    try {
      written = sink.apply(items);
    } catch (RuntimeException e) {
      written = Future.failedFuture(e);
    }
    written.onComplete(result -> {
      for (int i = 0; i < batch.size(); i++) {
        if (result.succeeded()) batch.get(i).promise().complete(result.result().get(i));
        else batch.get(i).promise().fail(result.cause());
      }
      writeNext();
    });
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
