package app.talkingstick.group;

import app.talkingstick.group.GroupMessageStore.NewMessage;
import app.talkingstick.group.GroupMessageStore.RoomMessage;
import app.talkingstick.store.BatchingWriter;
import app.talkingstick.store.DatabaseErrors;
import app.talkingstick.conversation.ConversationLog.Stored;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit across rooms: every room's messages are written by this one owner, so while one
 * INSERT is committing, the messages of all rooms that arrive meanwhile wait and go together in
 * the next. Two hundred busy rooms then pay a handful of commits (and fsyncs) per second instead of
 * one each per message. Each room still writes its own batches one after another (its
 * {@code ConversationLog}), so a room's order is unchanged. A batch the database refuses for one
 * message in it (a value it cannot store) is written again message by message, so that message fails
 * alone; a database that is not there fails every message in the write, each of which answers
 * {@code UNAVAILABLE} and may be retried.
 *
 * <p>Commits are paced (at least {@code GROUP_COMMIT_MS} apart, 5 ms by default): a commit's fixed
 * cost is most of the cost of a small one, so under load fewer, fuller commits leave more of the
 * core for the rooms; a message after a quiet spell is committed at once.
 */
public final class GroupMessageWriter extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GroupMessageWriter.class);
  private static final int MAX_BATCH = 1_000;
  /** A commit slower than the delivery budget holds every room's messages back by as much. */
  private static final long SLOW_COMMIT_MS = 50;
  private static final long SLOW_COMMIT_REPORT_GAP_NANOS = 1_000_000_000L;

  private final GroupMessageStore store;
  private final Duration commitGap;
  private BatchingWriter<RoomMessage, Stored> writer;
  private volatile Context owner;
  private long slowCommitsUnreported;
  private long lastSlowCommitReport = System.nanoTime() - SLOW_COMMIT_REPORT_GAP_NANOS;

  /** {@code commitGap}: the least time between the starts of two commits (0: none). */
  public GroupMessageWriter(GroupMessageStore store, Duration commitGap) {
    this.store = store;
    this.commitGap = commitGap;
  }

  @Override
  public Future<?> start() {
    BatchingWriter.Pacing pacing = new BatchingWriter.Pacing(commitGap.toNanos(), System::nanoTime,
        (delay, action) -> vertx.setTimer(delay, id -> action.run()));
    writer = new BatchingWriter<>(this::timedInsert, MAX_BATCH, pacing, DatabaseErrors::isRejectedData);
    owner = context;
    return Future.succeededFuture();
  }

  private Future<List<Stored>> timedInsert(List<RoomMessage> batch) {
    long start = System.nanoTime();
    return store.insertAll(batch).onComplete(r -> noteIfSlow(batch.size(), start));
  }

  /** Logs a slow commit, at most one line a second (counting the ones in between), so overload cannot flood the log. */
  private void noteIfSlow(int messages, long start) {
    long now = System.nanoTime();
    long ms = (now - start) / 1_000_000;
    if (ms < SLOW_COMMIT_MS) return;
    if (now - lastSlowCommitReport < SLOW_COMMIT_REPORT_GAP_NANOS) {
      slowCommitsUnreported++;
      return;
    }
    LOG.warn("Slow group commit: {} messages took {} ms to store; {} other commits over {} ms since the last report "
        + "(a slow disk or a busy database delays every room)", messages, ms, slowCommitsUnreported, SLOW_COMMIT_MS);
    slowCommitsUnreported = 0;
    lastSlowCommitReport = now;
  }

  /** Writes what is waiting at once and stops pacing, so the rooms stopping with it can drain. */
  @Override
  public Future<?> stop() {
    writer.stopPacing();
    return writer.drain();
  }

  /** Writes one room's batch with whatever other rooms are writing; completes on the caller's context. */
  public Future<List<Stored>> insert(UUID groupId, List<NewMessage> batch) {
    Context owner = this.owner;
    Context caller = Vertx.currentContext();
    if (owner == null || caller == null) return store.insert(groupId, batch); // not deployed: write directly
    Promise<List<Stored>> result = Promise.promise();
    owner.runOnContext(v -> Future.all(batch.stream().map(m -> writer.submit(new RoomMessage(groupId, m))).toList())
        .onComplete(all -> caller.runOnContext(back -> {
          if (all.succeeded()) result.complete(all.result().list());
          else result.fail(all.cause());
        })));
    return result.future();
  }
}
