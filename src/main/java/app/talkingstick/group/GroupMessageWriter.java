package app.talkingstick.group;

import app.talkingstick.group.GroupMessageStore.NewMessage;
import app.talkingstick.group.GroupMessageStore.RoomMessage;
import app.talkingstick.store.BatchingWriter;
import app.talkingstick.store.ConversationLog.Stored;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Group commit across rooms: every room's messages are written by this one owner, so while one
 * INSERT is committing, the messages of all rooms that arrive meanwhile wait and go together in
 * the next. Two hundred busy rooms then pay a handful of commits (and fsyncs) per second instead of
 * one each per message. Each room still writes its own batches one after another (its
 * {@code ConversationLog}), so a room's order is unchanged; the price is that a failed write fails
 * every room's messages in it, each of which answers {@code UNAVAILABLE} and may be retried.
 *
 * <p>Commits are paced (at least {@code GROUP_COMMIT_MS} apart, 5 ms by default): a commit's fixed
 * cost is most of the cost of a small one, so under load fewer, fuller commits leave more of the
 * core for the rooms; a message after a quiet spell is committed at once.
 */
public final class GroupMessageWriter extends VerticleBase {

  private static final int MAX_BATCH = 1_000;

  private final GroupMessageStore store;
  private final Duration commitGap;
  private BatchingWriter<RoomMessage, Stored> writer;
  private volatile Context owner;

  /** {@code commitGap}: the least time between the starts of two commits (0: none). */
  public GroupMessageWriter(GroupMessageStore store, Duration commitGap) {
    this.store = store;
    this.commitGap = commitGap;
  }

  @Override
  public Future<?> start() {
    BatchingWriter.Pacing pacing = new BatchingWriter.Pacing(commitGap.toNanos(), System::nanoTime,
        (delay, action) -> vertx.setTimer(delay, id -> action.run()));
    writer = new BatchingWriter<>(store::insertAll, MAX_BATCH, pacing);
    owner = context;
    return Future.succeededFuture();
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
    ContextInternal caller = (ContextInternal) Vertx.currentContext();
    if (owner == null || caller == null) return store.insert(groupId, batch); // not deployed: write directly
    PromiseInternal<List<Stored>> result = caller.promise();
    owner.runOnContext(v -> Future.all(batch.stream().map(m -> writer.submit(new RoomMessage(groupId, m))).toList())
        .onComplete(all -> {
          if (all.succeeded()) result.complete(all.result().list());
          else result.fail(all.cause());
        }));
    return result.future();
  }
}
