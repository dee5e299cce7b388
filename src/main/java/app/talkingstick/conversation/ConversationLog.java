package app.talkingstick.conversation;

import app.talkingstick.store.BatchingWriter;
import app.talkingstick.store.DatabaseErrors;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The ordered, durable message log of one conversation (a group room or a private channel),
 * kept by its single owner: it assigns {@code seq}, writes in batches (group commit) and answers
 * a retried {@code clientMsgId} with the seq it already has. Used only on the owner's event loop.
 *
 * @param <M> the row written for one message
 */
public final class ConversationLog<M> {

  /** What became of one message: its own seq, or the seq an earlier copy was stored under. */
  public record Stored(long seq, boolean duplicate) {}

  private static final int REMEMBERED = 2_000;
  private static final int MAX_BATCH = 500;

  private long lastSeq;
  private final BatchingWriter<M, Stored> writer;
  private final Map<String, Future<Stored>> inFlight = new HashMap<>();
  private final Map<String, Long> committed = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > REMEMBERED;
    }
  };

  /**
   * @param lastSeq the highest seq already stored
   * @param insert writes a batch in one statement and returns one result per message, in order;
   *     a message whose (sender, clientMsgId) is already stored yields that earlier seq as a duplicate
   */
  public ConversationLog(long lastSeq, Function<List<M>, Future<List<Stored>>> insert) {
    this.lastSeq = lastSeq;
    this.writer = new BatchingWriter<>(insert, MAX_BATCH, BatchingWriter.Pacing.none(), DatabaseErrors::isRejectedData);
  }

  /** The benchmark's BARE profile: every message "stored" at once, nothing written. Never for people. */
  public static <M> Function<List<M>, Future<List<Stored>>> notStored(ToLongFunction<M> seqOf) {
    return batch -> Future.succeededFuture(batch.stream().map(m -> new Stored(seqOf.applyAsLong(m), false)).toList());
  }

  public long lastSeq() {
    return lastSeq;
  }

  /** The result for a message already sent under this key (committed, or still being written). */
  public Optional<Future<Stored>> earlier(String senderAndClientMsgId) {
    Long seq = committed.get(senderAndClientMsgId);
    if (seq != null) return Optional.of(Future.succeededFuture(new Stored(seq, true)));
    Future<Stored> pending = inFlight.get(senderAndClientMsgId);
    return pending == null ? Optional.empty() : Optional.of(pending.map(s -> new Stored(s.seq(), true)));
  }

  /** Numbers the message and writes it; completes after the commit, in seq order. */
  public Future<Stored> append(String senderAndClientMsgId, LongFunction<M> messageWithSeq) {
    Future<Stored> written = writer.submit(messageWithSeq.apply(++lastSeq));
    inFlight.put(senderAndClientMsgId, written);
    return written.andThen(result -> {
      inFlight.remove(senderAndClientMsgId);
      if (result.succeeded()) committed.put(senderAndClientMsgId, result.result().seq());
    });
  }

  /** True when nothing is waiting to be written. */
  public boolean idle() {
    return inFlight.isEmpty() && writer.queued() == 0;
  }

  public Future<Void> drain() {
    return writer.drain();
  }
}
