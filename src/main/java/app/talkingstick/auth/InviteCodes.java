package app.talkingstick.auth;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Invite codes, for groups and for a therapist's clients alike: ten characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L), redeemed in any letter case.
 */
public final class InviteCodes {

  public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  public static final int CODE_LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private InviteCodes() {}

  /** How people type codes: any letter case, with spaces or dashes to group the characters. */
  public static String normalise(String code) {
    return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  public static String fresh() {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return code.toString();
  }
}
