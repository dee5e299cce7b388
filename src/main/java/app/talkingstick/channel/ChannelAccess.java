package app.talkingstick.channel;

import app.talkingstick.bridge.AddressRules;
import app.talkingstick.bridge.SocketSession;
import app.talkingstick.live.LiveDirectoryVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * Who may use a channel's addresses from a socket: its two parties, and nobody else (admins
 * included), may send to {@code .in} and listen to {@code .out}. A socket's verified party is
 * remembered on its session; a channel's parties never change, so the fact never goes stale.
 */
public final class ChannelAccess {

  private final Vertx vertx;
  private final Pool pool;
  private final ChannelStore channels = new ChannelStore();

  public ChannelAccess(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  public void install(AddressRules rules) {
    rules.allowSend(ChannelAddresses.IN_RE, (socket, address) -> isParty(socket, address)
            .compose(party -> party ? running(channelOf(address)) : Future.succeededFuture(false)))
        .allowRegister(ChannelAddresses.OUT_RE, this::isParty)
        .filterReceive(ChannelAddresses.OUT_RE, (socket, address) -> socket.fact(key(channelOf(address))) instanceof Party);
  }

  private static String key(UUID channelId) {
    return "channel:" + channelId;
  }

  private static UUID channelOf(Matcher address) {
    return UUID.fromString(address.group(1));
  }

  /** Whether the socket's account is one of the channel's two parties; verified once, then remembered. */
  private Future<Boolean> isParty(SocketSession socket, Matcher address) {
    UUID channelId = channelOf(address);
    if (socket.fact(key(channelId)) instanceof Party) return Future.succeededFuture(true);
    return channels.find(pool, channelId).map(found -> {
      var party = found.flatMap(c -> c.party(socket.accountId()));
      party.ifPresent(p -> socket.remember(key(channelId), p));
      return party.isPresent();
    });
  }

  /** Makes sure the channel's verticle is running before the socket sends to it. */
  private Future<Boolean> running(UUID channelId) {
    return LiveDirectoryVerticle.ensure(vertx, ChannelVerticle.KIND, channelId).map(true);
  }
}
