package app.talkingstick.http;

/**
 * Makes what a client sent safe to put in a log line. A value a client controls (a path, a frame
 * type, a user agent, a name) is written on one line: control characters, line and paragraph
 * separators and invisible format characters (zero-width, bidirectional overrides) become
 * {@code \n}, {@code \r}, {@code \t} or {@code \\uXXXX} escapes, a backslash is doubled so that an
 * escape cannot be faked, and a long value is cut. Pure: no logging here, no state.
 *
 * <p>Prefer logging ids and counts over client strings at all; use this where a client string
 * really helps an operator.
 */
public final class LogSafe {
  private LogSafe() {}

  /** The default cut for one value. */
  public static final int MAX_VALUE_CHARS = 120;
  /** The cut for a whole formatted log line ({@link OneLineMessage}). */
  public static final int MAX_LINE_CHARS = 2_000;

  /** {@code value} escaped and cut to {@link #MAX_VALUE_CHARS}; {@code "null"} for null. */
  public static String of(Object value) {
    return of(value, MAX_VALUE_CHARS);
  }

  /** {@code value} escaped (backslashes doubled) and cut to {@code maxChars} characters of the original. */
  public static String of(Object value, int maxChars) {
    return value == null ? "null" : escape(String.valueOf(value), maxChars, true);
  }

  /**
   * A whole formatted line made one line: control and invisible characters escaped, backslashes kept
   * as they are (values put in with {@link #of} are escaped already), cut to {@link #MAX_LINE_CHARS}.
   */
  public static String line(String message) {
    return message == null ? "null" : escape(message, MAX_LINE_CHARS, false);
  }

  private static String escape(String s, int maxChars, boolean escapeBackslash) {
    int limit = Math.max(0, maxChars);
    if (s.length() <= limit && isClean(s, escapeBackslash)) return s;
    StringBuilder out = new StringBuilder(Math.min(s.length(), limit) + 16);
    int end = Math.min(s.length(), limit);
    if (end < s.length() && end > 0 && Character.isHighSurrogate(s.charAt(end - 1))
        && Character.isLowSurrogate(s.charAt(end))) {
      end--; // never split a surrogate pair
    }
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c == '\\' && escapeBackslash) {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
            : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        if (paired) out.append(c); else unicode(out, c);
      } else if (needsEscape(c)) {
        unicode(out, c);
      } else {
        out.append(c);
      }
    }
    if (end < s.length()) out.append("...[").append(s.length()).append(" chars]");
    return out.toString();
  }

  private static boolean isClean(String s, boolean escapeBackslash) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a pair: an ordinary character outside the BMP
        continue;
      }
      if ((c == '\\' && escapeBackslash) || needsEscape(c) || Character.isSurrogate(c)) return false;
    }
    return true;
  }

  private static boolean needsEscape(char c) {
    if (c < 0x20 || c == 0x7f) return true;
    if (c < 0x80) return false;
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }

  private static void unicode(StringBuilder out, char c) {
    out.append("\\u");
    String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
    for (int pad = hex.length(); pad < 4; pad++) out.append('0');
    out.append(hex);
  }
}
