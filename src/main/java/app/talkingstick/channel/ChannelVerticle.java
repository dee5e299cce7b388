package app.talkingstick.channel;

import app.talkingstick.Services;
import app.talkingstick.bridge.Broadcast;
import app.talkingstick.auth.Role;
import app.talkingstick.safety.EscalationStore;
import app.talkingstick.safety.SafetyNet;
import app.talkingstick.bridge.SenderStamp;
import app.talkingstick.group.RoomReply;
import app.talkingstick.group.SayAction;
import app.talkingstick.live.LiveDirectoryVerticle;
import app.talkingstick.store.ConversationLog;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner of one live private channel: the only one that numbers its messages, touched only on
 * this verticle's context. It consumes {@code channel.{id}.in}, seals each accepted message and
 * writes it through the shared {@link ConversationLog} (batched group commit, idempotent by
 * {@code clientMsgId}); only after the commit does it acknowledge the sender, publish the message
 * to {@code channel.{id}.out} and tell the other party their unread count on their inbox.
 * Started by the {@link LiveDirectoryVerticle} on first use; stops itself when idle.
 */
public final class ChannelVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelVerticle.class);

  /** The kind of conversation this verticle owns, for the live directory. */
  public static final String KIND = "channel";
  public static final int MAX_TEXT = SayAction.MAX_TEXT;
  /** At most this many messages at once from one party, then one per {@link #REFILL}. */
  public static final int BURST = 30;
  public static final Duration REFILL = Duration.ofMillis(500);

  private final UUID channelId;
  private final Services services;
  private final Duration idleAfter;
  private final ChannelStore channels = new ChannelStore();
  private final ChannelMessageStore messages = new ChannelMessageStore();
  private final Map<UUID, SendRate> rates = new HashMap<>();
  private final SafetyNet safety;

  private Channel channel;
  private ConversationLog<ChannelMessageStore.NewMessage> log;
  private UnreadNotices unread;
  private Instant lastActivity = Instant.now();
  private boolean stopping;

  public ChannelVerticle(UUID channelId, Services services) {
    this.channelId = channelId;
    this.services = services;
    this.safety = new SafetyNet(services);
    this.idleAfter = services.config().roomIdle();
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public Future<?> start() {
    return channels.find(services.pool(), channelId)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new IllegalArgumentException("no such channel " + channelId))))
        .compose(found -> {
          channel = found;
          unread = new UnreadNotices(channelId, services.pool(), services.inbox());
          return messages.lastSeq(services.pool(), channelId);
        })
        .compose(last -> {
          log = new ConversationLog<>(last, batch -> messages.insert(services.pool(), channelId, batch));
          vertx.setPeriodic(Math.max(1_000, idleAfter.toMillis() / 4), id -> checkIdle());
          return vertx.eventBus().<Object>consumer(ChannelAddresses.in(channelId), this::onAction).completion();
        })
        .onSuccess(v -> LOG.info("Channel {} is live (last seq {})", channelId, log.lastSeq()));
  }

  @Override
  public Future<?> stop() {
    return log == null ? Future.succeededFuture() : log.drain().onComplete(v -> LOG.info("Channel {} stopped", channelId));
  }

  private void checkIdle() {
    boolean quiet = log.idle() && unread.idle();
    if (!stopping && quiet && Duration.between(lastActivity, Instant.now()).compareTo(idleAfter) >= 0) {
      stopping = true;
      LiveDirectoryVerticle.reportIdle(vertx, KIND, channelId, deploymentID());
    }
  }

  // ---------------------------------------------------------------- actions from the two parties

  private void onAction(Message<Object> msg) {
    Instant now = Instant.now();
    if (!(msg.body() instanceof JsonObject body) || !(body.getValue("type") instanceof String type)) {
      msg.reply(RoomReply.invalid("An action is a JSON object with a string field 'type'."));
      return;
    }
    SenderStamp.Sender sender = SenderStamp.read(msg.headers());
    Optional<Party> from = sender == null ? Optional.empty() : channel.party(sender.accountId());
    if (from.isEmpty()) {
      msg.reply(RoomReply.refused("FORBIDDEN", "Only the two people in this conversation can write in it."));
      return;
    }
    lastActivity = now;
    if ("say".equals(type)) say(msg, from.get(), body, now);
    else msg.reply(RoomReply.invalid("Unknown action type '" + type + "'."));
  }

  private void say(Message<Object> msg, Party from, JsonObject body, Instant now) {
    Optional<SayAction> parsed = SayAction.parse(body, msg);
    if (parsed.isEmpty()) return;
    String text = parsed.get().text();
    String clientMsgId = parsed.get().clientMsgId();
    String key = from.accountId() + "/" + clientMsgId;
    if (SayAction.answeredAsRetry(log, key, msg)) return;
    long waitSeconds = rates.computeIfAbsent(from.accountId(), id -> new SendRate(BURST, REFILL, now)).take(now);
    if (waitSeconds > 0) {
      JsonObject refusal = RoomReply.refused("RATE_LIMITED", "You are sending very fast. Please wait a moment.");
      refusal.getJsonObject("error").put("retryAfter", waitSeconds);
      msg.reply(refusal);
      return;
    }
    store(msg, from, key, clientMsgId, text, now);
  }

  private void store(Message<Object> msg, Party from, String key, String clientMsgId, String text, Instant at) {
    Future<ConversationLog.Stored> written;
    try {
      written = log.append(key, seq -> new ChannelMessageStore.NewMessage(seq, from.accountId(), clientMsgId,
          services.channelCipher().seal(text, ChannelCipher.messageContext(channelId, seq, from.accountId())), at));
    } catch (RuntimeException e) {
      LOG.error("Channel {}: a message could not be sealed: {}", channelId, e.getClass().getSimpleName());
      msg.reply(RoomReply.unavailable());
      return;
    }
    written.onComplete(result -> {
      if (result.failed()) {
        LOG.warn("Channel {}: a message was not stored: {}", channelId, result.cause().getClass().getSimpleName());
        msg.reply(RoomReply.unavailable());
        return;
      }
      ConversationLog.Stored stored = result.result();
      msg.reply(SayAction.acknowledgement(stored));
      if (!stored.duplicate()) delivered(stored.seq(), from, text, at);
    });
  }

  /**
   * After the commit: the message to both parties' sockets, the new unread count to the other
   * party, and, when a client's words show signs of a crisis, an alert to their therapist. There
   * is no conduct filtering in a therapy channel (the therapist decides); the send rate is its
   * flood limit.
   */
  private void delivered(long seq, Party from, String text, Instant at) {
    Broadcast.publish(vertx, ChannelAddresses.out(channelId), ChannelNotices.message(seq, from, text, at));
    Party therapist = channel.other(from);
    unread.changed(therapist.accountId());
    if (from.role() == Role.CLIENT) {
      safety.detect(text).ifPresent(signal -> safety.raise(signal,
          new EscalationStore.Origin(null, channelId, from.accountId(), null, seq),
          new JsonObject().put("channelId", channelId.toString()).put("seq", seq)
              .put("from", from.asAuthor()).put("text", text),
          alert -> services.inbox().deliver(therapist.accountId(), alert)));
    }
  }
}
