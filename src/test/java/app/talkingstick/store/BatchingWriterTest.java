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
        }));
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
