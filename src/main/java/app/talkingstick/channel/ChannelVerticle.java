package app.talkingstick.channel;

import app.talkingstick.Services;
import app.talkingstick.bridge.Broadcast;
import app.talkingstick.auth.Role;
import app.talkingstick.safety.EscalationStore;
import app.talkingstick.safety.SafetyNet;
import app.talkingstick.bridge.SenderStamp;
import app.talkingstick.conduct.CrisisSignal;
import app.talkingstick.conduct.Screened;
import app.talkingstick.conversation.ConversationLog;
import app.talkingstick.conversation.CrisisReplies;
import app.talkingstick.conversation.InOrder;
import app.talkingstick.conversation.Reply;
import app.talkingstick.conversation.SayAction;
import app.talkingstick.conversation.Screening;
import app.talkingstick.live.LiveDirectoryVerticle;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
  /** The channel's texts are decided in the order they came, whatever order their screening finishes in. */
  private final InOrder inOrder = new InOrder();
  /** What the client was told of their recent crisis texts, so a retry of one gets the support card again. */
  private final CrisisReplies crisisReplies = new CrisisReplies();
  private final SafetyNet safety;
  private final Screening screening;

  private Channel channel;
  private ConversationLog<ChannelMessageStore.NewMessage> log;
  private UnreadNotices unread;
  private Instant lastActivity = Instant.now();
  private boolean stopping;

  public ChannelVerticle(UUID channelId, Services services) {
    this.channelId = channelId;
    this.services = services;
    this.safety = new SafetyNet(services);
    this.screening = services.screening();
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
      msg.reply(Reply.invalid("An action is a JSON object with a string field 'type'."));
      return;
    }
    SenderStamp.Sender sender = SenderStamp.read(msg.headers());
    Optional<Party> from = sender == null ? Optional.empty() : channel.party(sender.accountId());
    if (from.isEmpty()) {
      msg.reply(Reply.refused("FORBIDDEN", "Only the two people in this conversation can write in it."));
      return;
    }
    lastActivity = now;
    if ("say".equals(type)) say(msg, from.get(), body, now);
    else msg.reply(Reply.invalid("Unknown action type '" + type + "'."));
  }

  /**
   * Screened for crisis first: a client's crisis text is never refused here (not for its length, not
   * for the send rate), since the only other reader is their therapist, who is alerted at once. A text
   * whose crisis reading is still to come is delivered at once when it would be delivered anyway, and
   * the reading's alert or check-in follows it; one that would be refused waits for the reading.
   */
  private void say(Message<Object> msg, Party from, JsonObject body, Instant now) {
    Optional<SayAction> parsed = SayAction.parse(body, msg);
    if (parsed.isEmpty()) return;
    SayAction say = parsed.get();
    String key = from.accountId() + "/" + say.clientMsgId();
    if (SayAction.answeredAsRetry(log, key, msg, crisisReplies)) return;
    inOrder.then(screening.screen(say.text(), from.role() == Role.CLIENT), answer -> decide(msg, from, key, say, answer));
  }

  private Future<?> decide(Message<Object> msg, Party from, String key, SayAction say, Screening.Answer answer) {
    Future<Screened> reading = answer.crisisReading();
    if (reading.isComplete()) {
      decide(msg, from, key, say, reading.result());
      return Future.succeededFuture();
    }
    Instant now = Instant.now();
    if (say.tooLong() || rate(from, now).take(now) > 0) { // a refused take takes nothing
      return reading.onSuccess(screened -> decide(msg, from, key, say, screened));
    }
    store(msg, from, key, say, reading, now);
    return Future.succeededFuture();
  }

  private void decide(Message<Object> msg, Party from, String key, SayAction say, Screened screened) {
    Instant now = Instant.now();
    Optional<CrisisSignal> crisis = screened.urgent();
    if (crisis.isEmpty() && say.tooLong()) {
      msg.reply(SayAction.tooLongRefusal());
      return;
    }
    long waitSeconds = rate(from, now).take(now);
    if (crisis.isEmpty() && waitSeconds > 0) {
      JsonObject refusal = Reply.refused("RATE_LIMITED", "You are sending very fast. Please wait a moment.");
      refusal.getJsonObject("error").put("retryAfter", waitSeconds);
      msg.reply(refusal);
      return;
    }
    store(msg, from, key, say, Future.succeededFuture(screened), now);
  }

  private SendRate rate(Party from, Instant now) {
    return rates.computeIfAbsent(from.accountId(), id -> new SendRate(BURST, REFILL, now));
  }

  /** Stored and delivered; the author is answered once the crisis reading is in too, after any alert's commit. */
  private void store(Message<Object> msg, Party from, String key, SayAction say, Future<Screened> reading, Instant at) {
    Future<ConversationLog.Stored> written;
    try {
      written = log.append(key, seq -> new ChannelMessageStore.NewMessage(seq, from.accountId(), say.clientMsgId(),
          services.channelCipher().seal(say.text(), ChannelCipher.messageContext(channelId, seq, from.accountId())), at));
    } catch (RuntimeException e) {
      LOG.error("Channel {}: a message could not be sealed: {}", channelId, e.getClass().getSimpleName());
      written = Future.failedFuture(e);
    }
    written.onComplete(result -> {
      boolean duplicate = result.succeeded() && result.result().duplicate();
      if (result.failed()) LOG.warn("Channel {}: a message was not stored: {}", channelId, result.cause().getClass().getSimpleName());
      if (result.succeeded() && !duplicate) delivered(result.result().seq(), from, say.text(), at);
      reading.onSuccess(screened -> answer(msg, from, key, say, result, screened, at));
    });
  }

  private void answer(Message<Object> msg, Party from, String key, SayAction say, AsyncResult<ConversationLog.Stored> result,
                      Screened screened, Instant at) {
    if (result.succeeded() && result.result().duplicate()) {
      msg.reply(Reply.acknowledgement(result.result()));
      return;
    }
    Optional<CrisisSignal> crisis = screened.urgent();
    Long seq = result.succeeded() ? result.result().seq() : null;
    screened.checkIn().ifPresent(signal -> checkIn(signal, from, say.text(), seq, at));
    JsonObject reply = seq != null ? Reply.acknowledgement(result.result()) : Reply.unavailable();
    if (crisis.isEmpty()) {
      msg.reply(reply);
      return;
    }
    // the alert goes out even when the message could not be stored; the author hears after the escalation's commit
    alert(crisis.get(), from, say.text(), seq, at)
        .onComplete(alerted -> msg.reply(seq == null ? reply
            : crisisReplies.remember(key, reply.put("shared", true).put("support", safety.support(crisis.get())))));
  }

  /** Where a text was written, as the therapist's alerts and check-ins say it. */
  private JsonObject where(Party from, Long seq, Instant at) {
    return new JsonObject().put("channelId", channelId.toString()).put("seq", seq).put("from", from.asAuthor())
        .put("at", at.toString());
  }

  /** After the commit: the message to both parties' sockets and the new unread count to the other party. */
  private void delivered(long seq, Party from, String text, Instant at) {
    Broadcast.publish(vertx, ChannelAddresses.out(channelId), ChannelNotices.message(seq, from, text, at));
    unread.changed(channel.other(from).accountId());
  }

  private void checkIn(CrisisSignal signal, Party from, String text, Long seq, Instant at) {
    safety.checkIn(signal, null, null, text, List.of(channel.other(from).accountId()), where(from, seq, at));
  }

  private Future<JsonObject> alert(CrisisSignal signal, Party from, String text, Long seq, Instant at) {
    Party therapist = channel.other(from);
    JsonObject where = where(from, seq, at);
    return safety.raise(new SafetyNet.Crisis(signal, new EscalationStore.Origin(null, channelId, from.accountId(), null, seq),
        text, seq != null, List.of(therapist.accountId()), where));
  }
}
