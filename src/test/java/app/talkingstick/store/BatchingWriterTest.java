package app.talkingstick.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group commit: what arrives while a write is in flight goes out together in the next one. */
class BatchingWriterTest {

  private final List<List<Integer>> batches = new ArrayList<>();
  private final List<Promise<List<Integer>>> pending = new ArrayList<>();

  private Future<List<Integer>> sink(List<Integer> batch) {
    batches.add(batch);
    Promise<List<Integer>> promise = Promise.promise();
    pending.add(promise);
    return promise.future();
  }

  private void commit(int batchIndex) {
    pending.get(batchIndex).complete(batches.get(batchIndex).stream().map(i -> i * 10).toList());
  }

  @Test
  void aLoneItemIsWrittenAtOnceAndItemsArrivingMeanwhileShareTheNextWrite() {
    BatchingWriter<Integer, Integer> writer = new BatchingWriter<>(this::sink, 100);
    Future<Integer> first = writer.submit(1);
    Future<Integer> second = writer.submit(2);
    Future<Integer> third = writer.submit(3);
    assertEquals(List.of(List.of(1)), batches, "one write in flight, the rest wait");
    commit(0);
    assertEquals(10, first.result());
    assertEquals(List.of(List.of(1), List.of(2, 3)), batches, "the waiting items go out together");
    assertTrue(!second.isComplete());
    commit(1);
    assertEquals(20, second.result());
    assertEquals(30, third.result());
  }

  @Test
  void batchesAreCappedAndWrittenInOrder() {
    BatchingWriter<Integer, Integer> writer = new BatchingWriter<>(this::sink, 2);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 1; i <= 5; i++) results.add(writer.submit(i));
    commit(0);
    commit(1);
    commit(2);
    assertEquals(List.of(List.of(1), List.of(2, 3), List.of(4, 5)), batches);
    assertEquals(List.of(10, 20, 30, 40, 50), results.stream().map(Future::result).toList());
  }

  @Test
  void aFailedWriteFailsItsItemsOnlyAndTheNextBatchStillGoes() {
    BatchingWriter<Integer, Integer> writer = new BatchingWriter<>(this::sink, 100);
    Future<Integer> first = writer.submit(1);
    Future<Integer> second = writer.submit(2);
    pending.get(0).fail("database gone");
    assertTrue(first.failed());
    commit(1);
    assertEquals(20, second.result());
  }

  /** A sink that refuses any batch holding a negative item, as PostgreSQL refuses a whole statement for one bad row. */
  private Future<List<Integer>> picky(List<Integer> batch) {
    batches.add(batch);
    if (batch.stream().anyMatch(i -> i < 0)) return Future.failedFuture(new IllegalArgumentException("bad item"));
    return Future.succeededFuture(batch.stream().map(i -> i * 10).toList());
  }

  @Test
  void aBatchRefusedForOneItemIsWrittenAgainItemByItemSoOnlyThatItemFails() {
    Promise<Void> hold = Promise.promise();
    List<Future<Integer>> results = new ArrayList<>();
    // the first write is in flight while the next three queue up, so they share one batch
    BatchingWriter<Integer, Integer> gated = new BatchingWriter<>(batch -> hold.future().compose(v -> picky(batch)), 100,
        BatchingWriter.Pacing.none(), failure -> failure instanceof IllegalArgumentException);
    results.add(gated.submit(1));
    results.add(gated.submit(2));
    results.add(gated.submit(-3));
    results.add(gated.submit(4));
    hold.complete();
    assertEquals(10, results.get(0).result());
    assertEquals(20, results.get(1).result());
    assertTrue(results.get(2).failed(), "the bad item fails");
    assertEquals(40, results.get(3).result(), "and only the bad item");
    assertEquals(List.of(List.of(1), List.of(2, -3, 4), List.of(2), List.of(-3), List.of(4)), batches);
    assertTrue(gated.drain().succeeded());
  }

  @Test
  void aBatchThatFailedForTheDatabaseItselfIsNotWrittenAgainItemByItem() {
    BatchingWriter<Integer, Integer> writer = new BatchingWriter<>(this::sink, 100, BatchingWriter.Pacing.none(),
        failure -> failure instanceof IllegalArgumentException);
    writer.submit(1);
    Future<Integer> second = writer.submit(2);
    Future<Integer> third = writer.submit(3);
    commit(0);
    pending.get(1).fail(new IllegalStateException("connection closed"));
    assertTrue(second.failed());
    assertTrue(third.failed());
    assertEquals(2, batches.size(), "no item-by-item retry of a write the database never read");
  }

  @Test
  void drainWaitsForEverythingSubmitted() {
    BatchingWriter<Integer, Integer> writer = new BatchingWriter<>(this::sink, 100);
    assertTrue(writer.drain().succeeded(), "nothing to wait for");
    writer.submit(1);
    writer.submit(2);
    Future<Void> drained = writer.drain();
    commit(0);
    assertTrue(!drained.isComplete());
    commit(1);
    assertTrue(drained.succeeded());
    assertEquals(0, writer.queued());
  }

  // ---------------------------------------------------------------- pacing

  private long nowNanos;
  private final List<Runnable> timers = new ArrayList<>();
  private final List<Long> timerDelays = new ArrayList<>();

  private BatchingWriter<Integer, Integer> pacedWriter(long gapMillis) {
    return new BatchingWriter<>(this::sink, 100, new BatchingWriter.Pacing(gapMillis * 1_000_000, () -> nowNanos,
        (delay, action) -> {
          timerDelays.add(delay);
          timers.add(action);
        }), failure -> false);
  }

  private void advanceMillis(long millis) {
    nowNanos += millis * 1_000_000;
  }

  @Test
  void pacedWritesStartAGapApartSoItemsArrivingMeanwhileShareOneCommit() {
    BatchingWriter<Integer, Integer> writer = pacedWriter(5);
    Future<Integer> first = writer.submit(1);
    assertEquals(List.of(List.of(1)), batches, "an idle writer writes at once");
    advanceMillis(1);
    writer.submit(2);
    commit(0);
    assertEquals(10, first.result());
    assertEquals(1, batches.size(), "the next write waits for its turn");
    assertEquals(List.of(4L), timerDelays, "5 ms after the first write started, 1 ms has passed");
    writer.submit(3);
    writer.submit(4);
    assertEquals(1, timers.size(), "one timer, however many items arrive");
    advanceMillis(4);
    timers.get(0).run();
    assertEquals(List.of(List.of(1), List.of(2, 3, 4)), batches);
  }

  @Test
  void afterAQuietSpellLongerThanTheGapAnItemIsWrittenAtOnce() {
    BatchingWriter<Integer, Integer> writer = pacedWriter(5);
    writer.submit(1);
    commit(0);
    advanceMillis(20);
    Future<Integer> later = writer.submit(2);
    assertEquals(List.of(List.of(1), List.of(2)), batches);
    assertTrue(timers.isEmpty());
    commit(1);
    assertEquals(20, later.result());
  }

  @Test
  void drainWaitsThroughAPacedWrite() {
    BatchingWriter<Integer, Integer> writer = pacedWriter(5);
    writer.submit(1);
    writer.submit(2);
    Future<Void> drained = writer.drain();
    commit(0);
    assertTrue(!drained.isComplete(), "item 2 waits for its turn");
    advanceMillis(5);
    timers.get(0).run();
    commit(1);
    assertTrue(drained.succeeded());
  }

  @Test
  void stoppingPacingWritesTheWaitingBatchAtOnceAndLaterOnesWithoutATimer() {
    BatchingWriter<Integer, Integer> writer = pacedWriter(5);
    writer.submit(1);
    writer.submit(2);
    commit(0);
    assertEquals(1, timers.size(), "item 2 waits for its turn");
    writer.stopPacing();
    assertEquals(List.of(List.of(1), List.of(2)), batches, "written at once, not when the timer fires");
    timers.get(0).run();
    assertEquals(2, batches.size(), "the late timer writes nothing twice");
    writer.submit(3);
    commit(1);
    assertEquals(List.of(List.of(1), List.of(2), List.of(3)), batches);
    assertEquals(1, timers.size(), "no timer once pacing is off");
  }
}
