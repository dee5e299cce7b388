package app.talkingstick.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a username, password and display name must look like. Returns a reason when they don't. */
public final class AccountRules {
  private AccountRules() {}

  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 256;
  public static final int MAX_USERNAME = 32;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

  public static String normaliseUsername(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }

  public static Optional<String> usernameProblem(String normalised) {
    if (!USERNAME.matcher(normalised).matches()) {
      return Optional.of("username must be 3 to 32 characters: letters, digits, '.', '_' or '-',"
          + " starting with a letter or digit");
    }
    return Optional.empty();
  }

  /**
   * NIST SP 800-63B (5.1.1.2): at least {@value #MIN_PASSWORD} characters (code points, nothing
   * trimmed) and at most {@value #MAX_PASSWORD}, any printing characters and spaces, no composition
   * rules; refused when only spaces, one character repeated, containing the username, or on the
   * list of common passwords ({@link CommonPasswords}).
   */
  public static Optional<String> passwordProblem(String password, String normalisedUsername) {
    if (password == null || length(password) < MIN_PASSWORD) {
      return Optional.of("password must be at least " + MIN_PASSWORD + " characters");
    }
    if (length(password) > MAX_PASSWORD) {
      return Optional.of("password must be at most " + MAX_PASSWORD + " characters");
    }
    if (hasControl(password)) {
      return Optional.of("password must not contain control characters");
    }
    if (password.isBlank()) {
      return Optional.of("password must not be only spaces");
    }
    if (password.codePoints().distinct().count() == 1) {
      return Optional.of("password must not be one character repeated");
    }
    if (!normalisedUsername.isEmpty() && password.trim().toLowerCase(Locale.ROOT).contains(normalisedUsername)) {
      return Optional.of("password must not contain the username");
    }
    if (CommonPasswords.bundled().contains(password)) {
      return Optional.of("password is one of the most common passwords, which attackers try first;"
          + " choose another (a few unrelated words make a good one)");
    }
    return Optional.empty();
  }

  /**
   * What a sign-in must look like before anything is looked up or counted: both fields present,
   * no control characters (a NUL cannot even be stored), no longer than any account's could be.
   */
  public static Optional<String> loginProblem(String rawUsername, String password) {
    if (rawUsername == null || rawUsername.isBlank() || password == null || password.isEmpty()) {
      return Optional.of("username and password are required");
    }
    if (hasControl(rawUsername)) return Optional.of("username must not contain control characters");
    if (hasControl(password)) return Optional.of("password must not contain control characters");
    if (length(normaliseUsername(rawUsername)) > MAX_USERNAME) {
      return Optional.of("username must be at most " + MAX_USERNAME + " characters");
    }
    if (length(password) > MAX_PASSWORD) return Optional.of("password must be at most " + MAX_PASSWORD + " characters");
    return Optional.empty();
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  private static boolean hasControl(String text) {
    return text.codePoints().anyMatch(Character::isISOControl);
  }

  public static Optional<String> displayNameProblem(String displayName) {
    String name = normaliseDisplayName(displayName);
    if (name.isEmpty() || name.length() > 64) {
      return Optional.of("displayName must be 1 to 64 characters");
    }
    return NameSafety.characterProblem(name, "displayName");
  }

  /**
   * The display name as it should be stored: NFC, trimmed, runs of spaces made one (the form
   * {@link #displayNameProblem} judges).
   */
  public static String normaliseDisplayName(String displayName) {
    return NameSafety.normalise(displayName);
  }

  /**
   * {@link #displayNameProblem(String)}, and for a client also no word that names the staff
   * ("Therapist", "Admin", "Dr" alone...): a client could use it to pass for one. Therapists and
   * admins are created by an admin and may call themselves "Dr Ada".
   */
  public static Optional<String> displayNameProblem(String displayName, Role role) {
    Optional<String> problem = displayNameProblem(displayName);
    if (problem.isPresent() || role != Role.CLIENT) return problem;
    return reservedDisplayNameWord(normaliseDisplayName(displayName));
  }

  private static Optional<String> reservedDisplayNameWord(String name) {
    return NameSafety.reservedWord(name).map(word -> "displayName must not use \"" + word
        + "\" or another word for the staff, so nobody takes you for one of them; please choose another name");
  }

  private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** An address escalation reminders can go to: one {@code @}, a dotted domain, no spaces or controls, at most 254. */
  public static Optional<String> emailProblem(String email) {
    if (email.length() > 254 || !EMAIL.matcher(email).matches() || email.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("email must be an address like name@example.org");
    }
    return Optional.empty();
  }
}
