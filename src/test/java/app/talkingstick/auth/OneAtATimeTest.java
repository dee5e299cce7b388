package app.talkingstick.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneAtATimeTest {

  private final OneAtATime<String> lanes = new OneAtATime<>();

  @Test
  void tasksOfOneKeyRunOneAfterAnotherAndOtherKeysDoNotWait() {
    List<Promise<Integer>> started = new ArrayList<>();
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      results.add(lanes.run("user:robin", () -> {
        Promise<Integer> p = Promise.promise();
        started.add(p);
        return p.future();
      }));
    }
    Future<Integer> other = lanes.run("user:kim", () -> Future.succeededFuture(7));
    assertEquals(7, other.result(), "another key ran at once");
    assertEquals(1, started.size(), "the second waits for the first");
    started.get(0).complete(0);
    assertEquals(0, results.get(0).result());
    assertEquals(2, started.size());
    started.get(1).fail("database down");
    assertTrue(results.get(1).failed(), "a failure is that task's own");
    assertEquals(3, started.size(), "and the next one still runs");
    started.get(2).complete(2);
    assertEquals(2, results.get(2).result());
    assertEquals(0, lanes.activeKeys(), "nothing kept once idle");
  }

  @Test
  void thousandsOfWaitingTasksThatFinishAtOnceUseNoStack() {
    Promise<Integer> first = Promise.promise();
    Future<Integer> head = lanes.run("addr:127.0.0.1", () -> first.future());
    List<Future<Integer>> rest = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      int n = i;
      rest.add(lanes.run("addr:127.0.0.1", () -> Future.succeededFuture(n)));
    }
    assertFalse(rest.get(0).isComplete());
    first.complete(-1);
    assertEquals(-1, head.result());
    assertEquals(99_999, rest.get(99_999).result());
    assertEquals(0, lanes.activeKeys());
  }

  @Test
  void aTaskThatThrowsFailsAloneAndTheLaneMovesOn() {
    Future<Integer> broken = lanes.run("k", () -> {
      throw new IllegalStateException("boom");
    });
    assertTrue(broken.failed());
    assertEquals(5, lanes.run("k", () -> Future.succeededFuture(5)).result());
    assertEquals(0, lanes.activeKeys());
  }
}
