package app.talkingstick.channel;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A private channel between one therapist and one of their clients. */
public record Channel(UUID id, Party therapist, Party client, Instant createdAt) {

  /** The caller's side of the channel, or empty for anyone who is not one of its two parties. */
  public Optional<Party> party(UUID accountId) {
    if (therapist.accountId().equals(accountId)) return Optional.of(therapist);
    if (client.accountId().equals(accountId)) return Optional.of(client);
    return Optional.empty();
  }

  /** The party who is not {@code one}. */
  public Party other(Party one) {
    return one.accountId().equals(therapist.accountId()) ? client : therapist;
  }

  /** What a party sees in the channel list. */
  public JsonObject partyView(long unread, long lastSeq) {
    return existenceView()
        .put("therapist", therapist.asPerson())
        .put("client", client.asPerson())
        .put("unread", unread)
        .put("lastSeq", lastSeq);
  }

  /** What an admin sees: that the channel exists, between whom, since when. No counts, no content. */
  public JsonObject existenceView() {
    return new JsonObject()
        .put("id", id.toString())
        .put("therapistId", therapist.accountId().toString())
        .put("clientId", client.accountId().toString())
        .put("createdAt", createdAt.toString());
  }
}
