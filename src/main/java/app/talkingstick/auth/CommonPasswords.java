package app.talkingstick.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The blocklist of common passwords shipped as {@code auth/common-passwords.txt}: one a line,
 * {@code #} starts a comment, compared case-insensitively with the whole password.
 */
public final class CommonPasswords {

  public static final String RESOURCE = "auth/common-passwords.txt";

  private static final CommonPasswords BUNDLED = load(RESOURCE);

  private final Set<String> entries;
  private final String digest;

  private CommonPasswords(Set<String> entries, String digest) {
    this.entries = Set.copyOf(entries);
    this.digest = digest;
  }

  public static CommonPasswords bundled() {
    return BUNDLED;
  }

  /** True when the password, in any letter case and with or without spaces around it, is on the list. */
  public boolean contains(String password) {
    String lower = password.toLowerCase(Locale.ROOT);
    return entries.contains(lower) || entries.contains(lower.strip());
  }

  public int size() {
    return entries.size();
  }

  /** SHA-256 of the resource, hex: which list a server runs with. */
  public String digest() {
    return digest;
  }

  static CommonPasswords load(String resource) {
    try (InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      byte[] bytes = in.readAllBytes();
      Set<String> entries = new HashSet<>();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(
          new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String entry = line.strip();
          if (!entry.isEmpty() && !entry.startsWith("#")) entries.add(entry.toLowerCase(Locale.ROOT));
        }
      }
      return new CommonPasswords(entries, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
