package app.talkingstick.conversation;

import io.vertx.core.Future;
import java.util.UUID;

/**
 * The private line between a therapist and one of their clients, as a group room needs it to pull
 * someone aside. Implemented by the private channels; the room knows only this.
 */
@FunctionalInterface
public interface PrivateLines {

  /**
   * Opens (or finds) the channel between the two and invites the client into it. Fails with an
   * {@code ApiError} (404) when the two are not in a care relationship.
   */
  Future<UUID> openAndInvite(UUID therapistId, UUID clientId);
}
