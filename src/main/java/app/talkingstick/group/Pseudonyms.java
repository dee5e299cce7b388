package app.talkingstick.group;

import app.talkingstick.auth.NameSafety;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a client's per-group pseudonym must look like. It shows the person to the room, so it must
 * not give away who they are: it may not be their username or display name (nor look like them).
 * It must not pass for the staff ("Therapist", "Admin", ...: {@link NameSafety#reservedWord}), hide
 * invisible or direction-changing characters, or look like the name of someone else in the group
 * (Unicode TS #39 skeletons: {@link NameSafety#looksAlike}).
 */
public final class Pseudonyms {
  private Pseudonyms() {}

  public static final int MIN_LENGTH = 2;
  public static final int MAX_LENGTH = 24;

  public static final String LOOKS_ALIKE =
      "That name looks too much like someone else's here; please choose another.";
  public static final String TAKEN =
      "Someone in this group already uses that pseudonym. Please choose another.";

  /** Letters of any script (with their combining marks), digits, space, '-', '_' and '.'. */
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd} ._-]+");
  private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile(".*[\\p{L}\\p{Nd}].*");

  /** The pseudonym as it will be stored: NFC, surrounding white space removed, runs of spaces made one. */
  public static String normalise(String pseudonym) {
    return NameSafety.normalise(pseudonym);
  }

  /** Why the (normalised) pseudonym is not acceptable for this person, if it is not. */
  public static Optional<String> problem(String pseudonym, String username, String displayName) {
    int length = pseudonym.codePointCount(0, pseudonym.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return Optional.of("pseudonym must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    if (!ALLOWED.matcher(pseudonym).matches() || !HAS_LETTER_OR_DIGIT.matcher(pseudonym).matches()) {
      return Optional.of("pseudonym may contain only letters, digits, spaces, '-', '_' and '.'");
    }
    Optional<String> characters = NameSafety.characterProblem(pseudonym, "pseudonym");
    if (characters.isPresent()) return characters;
    if (reveals(pseudonym, username) || reveals(pseudonym, displayName)) {
      return Optional.of("pseudonym must not be your username or display name: it would reveal who you are");
    }
    return NameSafety.reservedWord(pseudonym).map(word -> "pseudonym must not use \"" + word
        + "\" or another word for the staff, so nobody takes you for one of them; please choose another");
  }

  /** How a pseudonym stands to the names already in a group. */
  public enum Clash { NONE, TAKEN, LOOKS_ALIKE }

  /**
   * Whether the pseudonym clashes with a name in use in the group: the current members' pseudonyms
   * and the display names of its therapists. {@code TAKEN}: the same in any letter case (what the
   * database's own index also refuses); {@code LOOKS_ALIKE}: the same TS #39 skeleton.
   */
  public static Clash clash(String pseudonym, List<String> namesInUse) {
    Clash found = Clash.NONE;
    for (String name : namesInUse) {
      if (name == null) continue;
      if (lower(pseudonym).equals(lower(NameSafety.normalise(name)))) return Clash.TAKEN;
      if (NameSafety.looksAlike(pseudonym, NameSafety.normalise(name))) found = Clash.LOOKS_ALIKE;
    }
    return found;
  }

  /** A current member's pseudonym and the skeleton stored with it (null: not computed yet). */
  public record StoredName(UUID memberId, String pseudonym, String skeleton) {}

  /**
   * The skeleton each current member's row should hold, where it differs from what it holds
   * (null: leave it empty). Rows are taken in joining order; one whose skeleton an earlier row
   * already claims (look-alikes admitted before the check existed) keeps none, so the unique index
   * can be built up without failing. The application computes skeletons (PostgreSQL has no TS #39
   * data), so a join fills in its group's missing ones, and refreshes any an ICU upgrade changed,
   * before it admits anyone.
   */
  public static Map<UUID, String> skeletonChanges(List<StoredName> current) {
    Set<String> claimed = new HashSet<>();
    Map<UUID, String> changes = new LinkedHashMap<>();
    for (StoredName row : current) {
      String skeleton = NameSafety.skeleton(row.pseudonym());
      String wanted = claimed.add(skeleton) ? skeleton : null;
      if (wanted == null ? row.skeleton() != null : !wanted.equals(row.skeleton())) {
        changes.put(row.memberId(), wanted);
      }
    }
    return changes;
  }

  private static boolean reveals(String pseudonym, String identity) {
    if (identity == null) return false;
    String other = NameSafety.normalise(identity);
    return lower(pseudonym).equals(lower(other)) || NameSafety.looksAlike(pseudonym, other);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
