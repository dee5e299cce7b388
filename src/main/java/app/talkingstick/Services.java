package app.talkingstick;

import app.talkingstick.auth.AccessTokens;
import app.talkingstick.auth.AuthService;
import app.talkingstick.auth.TicketStore;
import app.talkingstick.bridge.AddressRules;
import app.talkingstick.bridge.Inbox;
import app.talkingstick.channel.ChannelCipher;
import app.talkingstick.config.Config;
import app.talkingstick.conversation.PrivateLines;
import app.talkingstick.conversation.Screening;
import app.talkingstick.group.GroupMessageWriter;
import app.talkingstick.group.MembershipStore;
import app.talkingstick.group.RoomNotifier;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.sqlclient.Pool;

/** The long-lived, thread-safe collaborators shared by the verticles. None holds room state. */
public record Services(
    Config config,
    Pool pool,
    PrometheusMeterRegistry metrics,
    AccessTokens accessTokens,
    TicketStore tickets,
    AuthService auth,
    Inbox inbox,
    AddressRules addressRules,
    MembershipStore memberships,
    RoomNotifier rooms,
    ChannelCipher channelCipher,
    GroupMessageWriter groupMessages,
    Screening screening,
    PrivateLines privateLines) {}
