package app.talkingstick.group;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a client's per-group pseudonym must look like. It shows the person to the room, so it must
 * not give away who they are: it may not be their username or display name.
 */
public final class Pseudonyms {
  private Pseudonyms() {}

  public static final int MIN_LENGTH = 2;
  public static final int MAX_LENGTH = 24;

  /** Letters of any script (with their combining marks), digits, space, '-', '_' and '.'. */
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd} ._-]+");
  private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile(".*[\\p{L}\\p{Nd}].*");

  /** The pseudonym as it will be stored: surrounding white space removed. */
  public static String normalise(String pseudonym) {
    return pseudonym == null ? "" : pseudonym.strip();
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
    if (sameIgnoringCase(pseudonym, username) || sameIgnoringCase(pseudonym, displayName)) {
      return Optional.of("pseudonym must not be your username or display name: it would reveal who you are");
    }
    return Optional.empty();
  }

  private static boolean sameIgnoringCase(String pseudonym, String identity) {
    return identity != null
        && pseudonym.toLowerCase(Locale.ROOT).equals(identity.strip().toLowerCase(Locale.ROOT));
  }
}
