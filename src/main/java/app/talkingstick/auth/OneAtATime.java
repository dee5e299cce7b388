package app.talkingstick.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the tasks of one key one after another: a task starts when the one before it for the same
 * key has completed; keys do not wait for each other. Used for rate subjects: PostgreSQL serialises
 * the reservations of one subject on its row lock anyway, so letting only one of them at a time out
 * of this server costs nothing, and the others wait here instead of holding pooled connections
 * (each pipelined behind a lock) that everyone else's queries need. Draining is a loop, not a chain
 * of callbacks, so thousands of waiting tasks that complete at once (refused from memory) use no
 * stack. Thread-safe; an entry exists only while its key has a task running or waiting.
 */
public final class OneAtATime<K> {

  private static final class Lane {
    final ArrayDeque<Supplier<Future<?>>> waiting = new ArrayDeque<>();
  }

  private final Map<K, Lane> lanes = new HashMap<>();

  public <T> Future<T> run(K key, Supplier<Future<T>> task) {
    Promise<T> result = Promise.promise();
    Supplier<Future<?>> start = () -> {
      Future<T> f;
      try {
        f = task.get();
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(result);
      return result.future();
    };
    boolean first;
    synchronized (lanes) {
      Lane lane = lanes.get(key);
      first = lane == null;
      if (first) lanes.put(key, new Lane());
      else lane.waiting.add(start);
    }
    if (first) start.get().onComplete(r -> next(key));
    return result.future();
  }

  /** Starts the waiting tasks of {@code key} until one is still running, or none is left. */
  private void next(K key) {
    while (true) {
      Supplier<Future<?>> start;
      synchronized (lanes) {
        Lane lane = lanes.get(key);
        start = lane.waiting.poll();
        if (start == null) {
          lanes.remove(key);
          return;
        }
      }
      Future<?> running = start.get();
      if (!running.isComplete()) {
        running.onComplete(r -> next(key));
        return;
      }
    }
  }

  /** Keys with a task running or waiting (for tests and metrics). */
  public int activeKeys() {
    synchronized (lanes) {
      return lanes.size();
    }
  }
}
