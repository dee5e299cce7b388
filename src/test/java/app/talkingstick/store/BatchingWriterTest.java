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
}
