package app.talkingstick.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts the private texts of the channel package at rest: channel messages, and a therapist's
 * goals and notes. AES-256-GCM with a fresh random 96-bit nonce per text and a 128-bit tag. The
 * additional authenticated data names the row a text belongs to (its kind, ids and, for a message,
 * its seq and sender), so a ciphertext copied to another row, channel, position or author fails
 * to open. Each sealed text records the id of the key that sealed it: every known key opens, only
 * the active one seals (see {@link ChannelKeys} for where keys come from and how they rotate).
 * Thread-safe; never logs or prints a key or a text.
 */
public final class ChannelCipher {

  public static final String TRANSFORMATION = "AES/GCM/NoPadding";
  public static final int NONCE_BYTES = 12;
  public static final int TAG_BITS = 128;
  private static final String AAD_PREFIX = "talkingstick/v1/";

  /** A text as stored: ciphertext with its tag, the nonce, and which key sealed it. */
  public record Sealed(byte[] ciphertext, byte[] nonce, String keyId) {}

  /** A stored text that cannot be opened: its key is not loaded, or it was altered or moved. */
  public static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  private final Map<String, SecretKey> keys;
  private final String activeKeyId;
  private final SecureRandom random = new SecureRandom();

  /** {@code keys} by key id; {@code activeKeyId} must be one of them. */
  public ChannelCipher(Map<String, SecretKey> keys, String activeKeyId) {
    if (!keys.containsKey(activeKeyId)) throw new IllegalArgumentException("the active key is not among the keys");
    this.keys = Map.copyOf(keys);
    this.activeKeyId = activeKeyId;
  }

  public String activeKeyId() {
    return activeKeyId;
  }

  public Set<String> keyIds() {
    return keys.keySet();
  }

  public Sealed seal(String text, byte[] aad) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      return new Sealed(cipher.doFinal(text.getBytes(StandardCharsets.UTF_8)), nonce, activeKeyId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName());
    }
  }

  /** The text, or {@link Unreadable} when its key is unknown or it does not verify against {@code aad}. */
  public String open(Sealed sealed, byte[] aad) {
    SecretKey key = keys.get(sealed.keyId());
    if (key == null) throw new Unreadable("no key with id " + sealed.keyId() + " is loaded");
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      cipher.updateAAD(aad);
      return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException | java.security.InvalidAlgorithmParameterException e) {
      throw new Unreadable("a stored text sealed with key " + sealed.keyId() + " does not verify");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName());
    }
  }

  // ---- what each sealed text is bound to (the additional authenticated data) ----

  public static byte[] messageContext(UUID channelId, long seq, UUID senderId) {
    return context("channel-message", channelId.toString(), Long.toString(seq), senderId.toString());
  }

  public static byte[] goalContext(UUID goalId, UUID therapistId, UUID clientId) {
    return context("client-goal", goalId.toString(), therapistId.toString(), clientId.toString());
  }

  public static byte[] noteContext(UUID noteId, UUID therapistId, UUID clientId) {
    return context("client-note", noteId.toString(), therapistId.toString(), clientId.toString());
  }

  /** A group message: its room, its seq and its author (the member id), as {@link #messageContext} for a channel. */
  public static byte[] groupMessageContext(UUID groupId, long seq, UUID memberId) {
    return context("group-message", groupId.toString(), Long.toString(seq), memberId.toString());
  }

  /** The therapist's note that resolved an escalation. */
  public static byte[] escalationNoteContext(UUID escalationId) {
    return context("escalation-note", escalationId.toString());
  }

  /** Why a member is muted (member_mutes holds one row per member). */
  public static byte[] muteReasonContext(UUID memberId) {
    return context("mute-reason", memberId.toString());
  }

  /**
   * The reason of an audit entry. Its id is given by the database on insert, so the entry is bound
   * by what it says instead: its group, actor, action and the member it concerned ("-" for none).
   */
  public static byte[] auditReasonContext(UUID groupId, UUID actorId, String action, UUID memberId) {
    return context("audit-reason", orDash(groupId), orDash(actorId), action, orDash(memberId));
  }

  private static String orDash(UUID id) {
    return id == null ? "-" : id.toString();
  }

  private static byte[] context(String kind, String... parts) {
    return (AAD_PREFIX + kind + "/" + String.join("/", parts)).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ChannelCipher[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
  }
}
