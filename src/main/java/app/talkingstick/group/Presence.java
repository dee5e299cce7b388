package app.talkingstick.group;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Which members have at least one socket listening to the room. Owned by the room's facilitator. */
final class Presence {

  private final Map<UUID, Set<String>> socketsByMember = new HashMap<>();

  /** Returns true when this socket made the member come online. */
  boolean connect(UUID memberId, String socketId) {
    Set<String> sockets = socketsByMember.computeIfAbsent(memberId, k -> new HashSet<>());
    return sockets.add(socketId) && sockets.size() == 1;
  }

  /** Returns true when this was the member's last socket. */
  boolean disconnect(UUID memberId, String socketId) {
    Set<String> sockets = socketsByMember.get(memberId);
    if (sockets == null || !sockets.remove(socketId)) return false;
    if (sockets.isEmpty()) socketsByMember.remove(memberId);
    return sockets.isEmpty();
  }

  void drop(UUID memberId) {
    socketsByMember.remove(memberId);
  }

  boolean isOnline(UUID memberId) {
    return socketsByMember.containsKey(memberId);
  }

  Set<UUID> online() {
    return Set.copyOf(socketsByMember.keySet());
  }

  boolean isEmpty() {
    return socketsByMember.isEmpty();
  }
}
