package app.talkingstick.channel;

import app.talkingstick.config.Config;
import app.talkingstick.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 keys of {@link ChannelCipher}. A key file holds one base64-encoded 32-byte key; its
 * key id is the first 8 bytes of the key's SHA-256, in hex (so a file's name does not matter).
 *
 * <ul>
 *   <li>Every {@code DATA_DIR/keys/channel-*.key} file is loaded, to open what it sealed.</li>
 *   <li>{@code CHANNEL_KEY_FILE}, when set, is loaded too and seals everything new.</li>
 *   <li>Without it, the newest {@code channel-*.key} file (by modification time) seals; when there
 *       is none, a key is generated once as {@code DATA_DIR/keys/channel-<keyid>.key} (mode 600).</li>
 * </ul>
 * Rotation: make a new key, point {@code CHANNEL_KEY_FILE} at it and keep the old key as a
 * {@code channel-*.key} file under {@code DATA_DIR/keys}. Old rows keep their key id and still open.
 */
public final class ChannelKeys {
  private ChannelKeys() {}

  private static final Logger LOG = LoggerFactory.getLogger(ChannelKeys.class);
  public static final int KEY_BYTES = 32;
  public static final String FILE_GLOB = "channel-*.key";

  private record KeyFile(Path path, String id, SecretKey key, FileTime modified) {}

  public static ChannelCipher load(Config config) {
    Path dir = config.dataDir().resolve("keys");
    List<KeyFile> stored = stored(dir);
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    stored.forEach(k -> keys.put(k.id(), k.key()));
    KeyFile active;
    if (config.channelKeyFile().isPresent()) {
      active = read(config.channelKeyFile().get(), "CHANNEL_KEY_FILE " + config.channelKeyFile().get());
    } else if (stored.isEmpty()) {
      active = generate(dir);
    } else {
      active = stored.stream()
          .max(Comparator.comparing(KeyFile::modified).thenComparing(k -> k.path().getFileName().toString()))
          .orElseThrow();
    }
    keys.put(active.id(), active.key());
    LOG.info("Channel encryption: {} key(s) loaded, key {} seals new texts", keys.size(), active.id());
    return new ChannelCipher(keys, active.id());
  }

  /** The key id of a raw key: the first 8 bytes of its SHA-256, as 16 lower-case hex digits. */
  public static String keyId(byte[] rawKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<KeyFile> stored(Path dir) {
    List<KeyFile> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) return found;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, FILE_GLOB)) {
      for (Path file : files) found.add(read(file, "channel key file " + file));
    } catch (IOException e) {
      throw new ConfigException("cannot list the channel keys in " + dir + ": " + e.getMessage());
    }
    return found;
  }

  private static KeyFile read(Path file, String what) {
    byte[] raw;
    FileTime modified;
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      raw = Base64.getDecoder().decode(text);
      modified = Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new ConfigException(what + " cannot be read");
    } catch (IllegalArgumentException e) {
      raw = new byte[0];
      modified = null;
    }
    if (raw.length != KEY_BYTES) {
      throw new ConfigException(what + " must hold one base64-encoded " + KEY_BYTES + "-byte key");
    }
    return new KeyFile(file, keyId(raw), new SecretKeySpec(raw, "AES"), modified);
  }

  private static KeyFile generate(Path dir) {
    byte[] raw = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(raw);
    String id = keyId(raw);
    Path file = dir.resolve("channel-" + id + ".key");
    try {
      Files.createDirectories(dir);
      createOwnerOnly(file);
      Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
      LOG.info("Generated a new channel encryption key {} in {}", id, dir);
      return new KeyFile(file, id, new SecretKeySpec(raw, "AES"), Files.getLastModifiedTime(file));
    } catch (IOException e) {
      throw new ConfigException("cannot create a channel encryption key under " + dir + ": " + e.getMessage());
    }
  }

  /** Creates the empty file readable by its owner only, before any key byte is written to it. */
  private static void createOwnerOnly(Path file) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
  }
}
