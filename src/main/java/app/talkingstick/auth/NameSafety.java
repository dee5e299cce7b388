package app.talkingstick.auth;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every name shown to other people follows (a group pseudonym, an account's display name):
 * which characters it may hold, when two names look alike, and which words only the staff may use.
 *
 * <p>Look-alikes follow Unicode TS #39: two names look alike when their confusable skeletons
 * (ICU4J's {@link SpoofChecker}) are equal, compared without letter case. The comparison key is
 * {@code fold(skeleton(fold(nfc(name))))}: case folding before the skeleton (as TS #39 asks for
 * case-insensitive identifiers) and again after it, because the confusables map some characters to
 * capitals ({@code 0} to {@code O}). So "R0bin" looks like "Robin" (TS #39 lists DIGIT ZERO as
 * confusable with LATIN CAPITAL LETTER O, and names here are compared in any case). A second key,
 * {@code fold(skeleton(nfc(name)))}, catches capitals of other scripts that folding first would
 * hide (Greek "Τherapist" folds to a small tau, whose skeleton is not a Latin t); names look alike
 * when either key matches.
 */
public final class NameSafety {
  private NameSafety() {}

  /** The most combining marks one letter may carry (Vietnamese needs two; "Zalgo" text piles up dozens). */
  public static final int MAX_MARKS_PER_LETTER = 3;

  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build(); // immutable, thread safe
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final Pattern SPACES = Pattern.compile(" {2,}");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
  private static final Pattern DIGITS = Pattern.compile("\\p{N}+");
  private static final int BRAILLE_BLANK = 0x2800;

  private static final String RESERVED_RESOURCE = "names/reserved-words.txt";
  /** Comparison key of a reserved word (or its plural) to the word, for names that contain it as a word. */
  private static final Map<String, String> RESERVED_WORDS = new HashMap<>();
  /** The same for the whole name, letters joined: includes the words refused only alone. */
  private static final Map<String, String> RESERVED_NAMES = new HashMap<>();

  static {
    for (String line : lines(RESERVED_RESOURCE)) {
      String[] parts = line.split("\\s+");
      String word = parts[0];
      boolean aloneOnly = parts.length > 1 && parts[1].equals("alone");
      for (String form : List.of(word, word + "s")) {
        for (String key : keys(form)) {
          RESERVED_NAMES.putIfAbsent(key, word);
          if (!aloneOnly) RESERVED_WORDS.putIfAbsent(key, word);
        }
      }
    }
  }

  /** The name as it is stored and compared: NFC, surrounding white space removed, runs of spaces made one. */
  public static String normalise(String name) {
    if (name == null) return "";
    return SPACES.matcher(NFC.normalize(name).strip()).replaceAll(" ");
  }

  /**
   * Why the (normalised) name holds characters a shown name must not: text-direction controls,
   * invisible characters (zero-width spaces and joiners, soft hyphens, variation selectors, fillers),
   * control characters, unassigned or private-use code points, spaces other than U+0020, too many
   * accents on one letter, or no letter or digit at all. {@code field} starts the message.
   */
  public static Optional<String> characterProblem(String name, String field) {
    boolean letterOrDigit = false;
    int marks = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (UCharacter.hasBinaryProperty(cp, UProperty.BIDI_CONTROL)) {
        return Optional.of(field + " must not contain text-direction controls");
      }
      if (type == Character.CONTROL) {
        return Optional.of(field + " must not contain control characters");
      }
      if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT) || cp == BRAILLE_BLANK
          || type == Character.FORMAT) {
        return Optional.of(field + " must not contain invisible characters (zero-width spaces or joiners,"
            + " soft hyphens, variation selectors)");
      }
      if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
        return Optional.of(field + " must not contain unassigned or private-use characters");
      }
      if (cp != ' ' && (Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
        return Optional.of(field + " may contain only ordinary spaces");
      }
      if (UCharacter.isLetterOrDigit(cp)) letterOrDigit = true;
    }
    // accents counted decomposed (NFD), as they are stacked: "ễ" is e with two
    String decomposed = NFD.normalize(name);
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK;
      marks = mark ? marks + 1 : 0;
      if (marks > MAX_MARKS_PER_LETTER) {
        return Optional.of(field + " must not stack more than " + MAX_MARKS_PER_LETTER + " accents on one letter");
      }
    }
    if (!letterOrDigit) {
      return Optional.of(field + " must contain a letter or digit, not only symbols or spaces");
    }
    return Optional.empty();
  }

  /** The look-alike key stored with a pseudonym: {@code fold(skeleton(fold(nfc(name))))}. */
  public static String skeleton(String name) {
    String nfc = NFC.normalize(name);
    return fold(SPOOF.getSkeleton(fold(nfc)));
  }

  /** Both comparison keys of a name (see the class comment). */
  public static Set<String> keys(String name) {
    String nfc = NFC.normalize(name);
    Set<String> keys = new LinkedHashSet<>(2);
    keys.add(fold(SPOOF.getSkeleton(fold(nfc))));
    keys.add(fold(SPOOF.getSkeleton(nfc)));
    return keys;
  }

  /** Whether a reader could take one name for the other (TS #39 skeletons, any letter case). */
  public static boolean looksAlike(String a, String b) {
    if (a == null || b == null) return false;
    Set<String> ofA = keys(a);
    for (String key : keys(b)) {
      if (ofA.contains(key)) return true;
    }
    return false;
  }

  /**
   * The staff word the name uses, if it uses one: as one of its words (look-alike letters, letter
   * case, a plural and added digits do not hide it), or as the whole name with its letters joined.
   */
  public static Optional<String> reservedWord(String name) {
    for (String key : keys(name)) {
      List<String> words = new ArrayList<>();
      for (String w : NOT_LETTER_OR_DIGIT.split(key)) {
        if (!w.isEmpty()) words.add(w);
      }
      String joined = String.join("", words);
      for (String whole : List.of(joined, DIGITS.matcher(joined).replaceAll(""))) {
        String word = RESERVED_NAMES.get(whole);
        if (word != null) return Optional.of(word);
      }
      for (String w : words) {
        for (String form : List.of(w, DIGITS.matcher(w).replaceAll(""))) {
          String word = RESERVED_WORDS.get(form);
          if (word != null) return Optional.of(word);
        }
      }
    }
    return Optional.empty();
  }

  private static String fold(String s) {
    return UCharacter.foldCase(s, true);
  }

  private static List<String> lines(String resource) {
    try (InputStream in = NameSafety.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      List<String> lines = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) lines.add(trimmed);
      }
      if (lines.isEmpty()) throw new IllegalStateException("no words in " + resource);
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
