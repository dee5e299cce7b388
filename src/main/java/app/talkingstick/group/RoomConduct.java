package app.talkingstick.group;

import app.talkingstick.conduct.ChannelKind;
import app.talkingstick.conduct.ConductDecision;
import app.talkingstick.conduct.ConductPolicy;
import app.talkingstick.conduct.ConductSettings;
import app.talkingstick.conduct.Screened;
import app.talkingstick.conduct.MemberConduct;
import app.talkingstick.conduct.MemberNames;
import app.talkingstick.conduct.WordLists;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The conduct state of one room, owned by its facilitator: each member's strikes, flood bucket
 * and recent messages, and who is muted until when. Decisions come from the pure {@link ConductPolicy}.
 */
final class RoomConduct {

  private final ConductPolicy policy;
  private final Map<UUID, MemberConduct> members = new HashMap<>();
  private final Map<UUID, Instant> mutedUntil = new HashMap<>();

  RoomConduct(Map<String, List<String>> groupTerms, Map<UUID, Instant> activeMutes, int floodBurst,
              Duration floodRefill) {
    WordLists lists = WordLists.bundled().withExtra(WordLists.Kind.INSULTS, groupTerms.getOrDefault("abuse", List.of()));
    ConductSettings settings = ConductSettings.defaults();
    settings = settings.withFlood(settings.flood().withCapacity(floodBurst).withRefillEvery(floodRefill));
    this.policy = ConductPolicy.defaults().withLists(lists).withSettings(settings);
    this.mutedUntil.putAll(activeMutes);
  }

  /** The verdict on a message, given what screening found; the member's conduct state moves on with it. */
  ConductDecision screen(Membership member, String text, Instant now, Set<String> names, Screened screened) {
    ConductDecision decision = judge(member, text, now, names, screened);
    keep(member, decision);
    return decision;
  }

  /** The verdict on a message, given what screening found; the member's state stays as it was until {@link #keep}. */
  ConductDecision judge(Membership member, String text, Instant now, Set<String> names, Screened screened) {
    MemberConduct before = members.computeIfAbsent(member.memberId(), id -> policy.newMember(now));
    return policy.evaluate(ChannelKind.GROUP, text, before, now, names, screened);
  }

  /** The member's conduct state moves on with a verdict {@link #judge} gave. */
  void keep(Membership member, ConductDecision decision) {
    members.put(member.memberId(), decision.state());
  }

  Optional<Instant> mutedUntil(UUID memberId, Instant now) {
    Instant until = mutedUntil.get(memberId);
    if (until == null || !until.isAfter(now)) {
      mutedUntil.remove(memberId);
      return Optional.empty();
    }
    return Optional.of(until);
  }

  void mute(UUID memberId, Instant until) {
    mutedUntil.put(memberId, until);
  }

  void unmute(UUID memberId) {
    mutedUntil.remove(memberId);
    members.computeIfPresent(memberId, (id, state) -> state.liftMute().liftHoldAll());
  }

  /** A new session starts everyone with a clean slate: strikes count per member per session. */
  void newSession() {
    members.clear();
  }

  /** The members' pseudonyms of three letters or more, as the conduct check reads them. */
  static Set<String> namesOf(Iterable<Membership> members) {
    List<String> names = new ArrayList<>();
    members.forEach(m -> {
      if (m.pseudonym().length() >= 3) names.add(m.pseudonym());
    });
    return MemberNames.of(names);
  }
}
