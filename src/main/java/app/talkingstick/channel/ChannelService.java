package app.talkingstick.channel;

import app.talkingstick.conversation.HistoryPage;
import app.talkingstick.conversation.PrivateLines;
import app.talkingstick.Services;
import app.talkingstick.audit.AuditLog;
import app.talkingstick.auth.AuthRoutes;
import app.talkingstick.auth.Principal;
import app.talkingstick.auth.Role;
import app.talkingstick.bridge.Inbox;
import app.talkingstick.channel.ChannelMessageStore.StoredMessage;
import app.talkingstick.http.ApiError;
import app.talkingstick.store.DatabaseErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private channels as stored: opening one, listing, history, read markers, and the notices that
 * go with them. Every method decides who may do it; routes only parse.
 *
 * <p>Who sees what: only the channel's two parties (the therapist and the client) see a channel,
 * its messages and counts. Anyone else, admins included, gets {@code 404 NOT_FOUND} for every
 * channel route (its existence is not revealed); an admin sees that channels exist, and between
 * whom, only through {@code GET /api/channels}.
 */
public final class ChannelService {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelService.class);

  /** The result of opening: the channel as its therapist sees it, and whether this call created it. */
  public record Opened(JsonObject channel, boolean created) {}

  private final Pool pool;
  private final Inbox inbox;
  private final ChannelCipher cipher;
  private final ChannelStore channels = new ChannelStore();
  private final ChannelMessageStore messages = new ChannelMessageStore();
  private final CareStore care = new CareStore();

  public ChannelService(Services services) {
    this(services.pool(), services.inbox(), services.channelCipher());
  }

  public ChannelService(Pool pool, Inbox inbox, ChannelCipher cipher) {
    this.pool = pool;
    this.inbox = inbox;
    this.cipher = cipher;
  }

  /** The pull-aside from a group room: the channel, opened if need be, and the client invited into it. */
  public PrivateLines privateLines() {
    return (therapistId, clientId) -> openOrGet(therapistId, clientId)
        .compose(channelId -> sendInvite(channelId, therapistId).map(channelId));
  }

  // ---- listing ----

  /** The caller's channels with their unread counts; for an admin, the existence of every channel. */
  public Future<JsonArray> listFor(Principal caller) {
    return caller.is(Role.ADMIN) ? channels.all(pool) : channels.seenBy(pool, caller.accountId());
  }

  /** Fills {@code channels} of {@code GET /api/me} with the same items as {@code GET /api/channels}. */
  public AuthRoutes.MeSection meSection() {
    return (me, principal) -> listFor(principal).onSuccess(list -> me.put("channels", list)).mapEmpty();
  }

  /** One channel as its party sees it. */
  public Future<JsonObject> view(Principal caller, UUID channelId) {
    return channels.seenBy(pool, caller.accountId(), channelId).compose(seen -> seen
        .map(s -> Future.succeededFuture(s.channel().partyView(s.unread(), s.lastSeq())))
        .orElseGet(() -> Future.failedFuture(noSuchChannel())));
  }

  // ---- opening ----

  /**
   * {@code POST /api/channels}: the calling therapist opens a channel with one of their clients,
   * or gets the one that exists. A new channel is announced to the client with {@code channel-invite}.
   */
  public Future<Opened> open(Principal caller, UUID clientId) {
    if (!caller.is(Role.THERAPIST)) {
      return Future.failedFuture(ApiError.forbidden("Only therapists open private channels."));
    }
    return requireCare(caller.accountId(), clientId)
        .compose(v -> openOrCreate(caller.accountId(), clientId))
        .compose(opened -> view(caller, opened.id()).map(json -> new Opened(json, opened.created()))
            .onSuccess(o -> {
              if (o.created()) sendInvite(opened.id(), caller.accountId());
            }));
  }

  /**
   * For the pull-aside from a group room (and anything else server-side): the id of the channel
   * between this therapist and this client, opened now if there is none. Fails with
   * {@code 404 NOT_FOUND} (an {@link ApiError}) when the two are not in a care relationship. Sends
   * no notice: follow it with {@link #sendInvite} to tell the client.
   */
  public Future<UUID> openOrGet(UUID therapistAccountId, UUID clientAccountId) {
    return requireCare(therapistAccountId, clientAccountId)
        .compose(v -> openOrCreate(therapistAccountId, clientAccountId))
        .map(Created::id);
  }

  /**
   * Tells the channel's client, on their inbox, that their therapist invites them into the channel:
   * {@code {type:"channel-invite", channelId, from:{accountId, role, displayName}}}. Fails with 404
   * unless {@code fromTherapistId} is the channel's therapist. Not stored (the channel itself is).
   */
  public Future<Void> sendInvite(UUID channelId, UUID fromTherapistId) {
    return channels.find(pool, channelId).compose(found -> {
      if (found.isEmpty() || !found.get().therapist().accountId().equals(fromTherapistId)) {
        return Future.failedFuture(noSuchChannel());
      }
      Channel channel = found.get();
      inbox.deliver(channel.client().accountId(), ChannelNotices.channelInvite(channelId, channel.therapist()));
      return Future.succeededFuture();
    });
  }

  private record Created(UUID id, boolean created) {}

  /** Inserts the pair's channel; when it exists (a unique violation, also from a concurrent open) returns that one. */
  private Future<Created> openOrCreate(UUID therapistId, UUID clientId) {
    return pool.withTransaction(tx -> channels.insert(tx, therapistId, clientId).compose(id ->
            AuditLog.record(tx, AuditLog.Entry.of(null, therapistId, "channel-opened")
                    .with("channelId", id.toString())
                    .with("therapistId", therapistId.toString())
                    .with("clientId", clientId.toString()))
                .map(new Created(id, true))))
        .onSuccess(c -> LOG.info("Channel {} opened by therapist {} with client {}", c.id(), therapistId, clientId))
        .recover(err -> DatabaseErrors.isUniqueViolation(err)
            ? channels.findPair(pool, therapistId, clientId).map(found -> new Created(found.orElseThrow().id(), false))
            : Future.failedFuture(err));
  }

  private Future<Void> requireCare(UUID therapistId, UUID clientId) {
    return care.isCare(pool, therapistId, clientId).compose(isCare -> isCare
        ? Future.succeededFuture()
        : Future.failedFuture(ApiError.notFound("No such client.")));
  }

  // ---- history and read markers ----

  /** A page of the channel's messages, opened for one of its two parties. */
  public Future<JsonObject> history(Principal caller, UUID channelId, HistoryPage page) {
    return party(caller, channelId).compose(channel -> messages.page(pool, channelId, page)
        .map(stored -> new JsonObject()
            .put("messages", open(channel, stored.messages()))
            .put("hasMore", stored.hasMore())));
  }

  private JsonArray open(Channel channel, java.util.List<StoredMessage> stored) {
    JsonArray list = new JsonArray();
    TreeSet<String> unreadableKeys = new TreeSet<>();
    for (StoredMessage m : stored) {
      Party from = channel.party(m.senderId()).orElseGet(() -> new Party(m.senderId(), Role.CLIENT, null));
      JsonObject message = new JsonObject().put("seq", m.seq()).put("from", from.asAuthor());
      try {
        message.put("text", cipher.open(m.sealed(), ChannelCipher.messageContext(channel.id(), m.seq(), m.senderId())));
      } catch (ChannelCipher.Unreadable e) {
        unreadableKeys.add(m.sealed().keyId());
        message.putNull("text").put("unreadable", true);
      }
      list.add(message.put("at", m.at().toString()));
    }
    if (!unreadableKeys.isEmpty()) {
      LOG.error("Channel {}: messages sealed with key(s) {} cannot be opened: a key is missing or rows were altered",
          channel.id(), unreadableKeys);
    }
    return list;
  }

  /**
   * Moves the caller's read marker forward to {@code seq} (never back, never past the last message),
   * then tells the caller's other sockets their new unread count.
   */
  public Future<Void> markRead(Principal caller, UUID channelId, long seq) {
    return party(caller, channelId)
        .compose(channel -> channels.markRead(pool, channelId, caller.accountId(), seq))
        .compose(v -> channels.unread(pool, channelId, caller.accountId()))
        .onSuccess(count -> inbox.deliver(caller.accountId(), ChannelNotices.unread(channelId, count)))
        .mapEmpty();
  }

  // ---- who may ----

  /** The channel, if the caller is one of its two parties; otherwise 404, as for an unknown channel. */
  private Future<Channel> party(Principal caller, UUID channelId) {
    return channels.find(pool, channelId).compose(found -> {
      Optional<Channel> mine = found.filter(c -> c.party(caller.accountId()).isPresent());
      return mine.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(noSuchChannel()));
    });
  }

  static ApiError noSuchChannel() {
    return ApiError.notFound("No such channel.");
  }
}
