package app.talkingstick.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.talkingstick.channel.ChannelCipher.Sealed;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing: round trips, binds to its context, refuses tampering and unknown keys. */
class ChannelCipherTest {

  private static byte[] raw() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return raw;
  }

  private static SecretKey key(byte[] raw) {
    return new SecretKeySpec(raw, "AES");
  }

  private final byte[] oldRaw = raw();
  private final byte[] newRaw = raw();
  private final String oldId = ChannelKeys.keyId(oldRaw);
  private final String newId = ChannelKeys.keyId(newRaw);
  private final UUID channel = UUID.randomUUID();
  private final UUID sender = UUID.randomUUID();

  @Test
  void sealedTextOpensOnlyInItsOwnContext() {
    ChannelCipher cipher = new ChannelCipher(Map.of(oldId, key(oldRaw)), oldId);
    Sealed sealed = cipher.seal("héllo, ünïcode ✓", ChannelCipher.messageContext(channel, 7, sender));
    assertEquals(oldId, sealed.keyId());
    assertEquals(12, sealed.nonce().length);
    assertEquals("héllo, ünïcode ✓", cipher.open(sealed, ChannelCipher.messageContext(channel, 7, sender)));
    assertThrows(ChannelCipher.Unreadable.class, () -> cipher.open(sealed, ChannelCipher.messageContext(channel, 8, sender)));
    assertThrows(ChannelCipher.Unreadable.class,
        () -> cipher.open(sealed, ChannelCipher.messageContext(channel, 7, UUID.randomUUID())));
    assertThrows(ChannelCipher.Unreadable.class,
        () -> cipher.open(sealed, ChannelCipher.messageContext(UUID.randomUUID(), 7, sender)));
    assertThrows(ChannelCipher.Unreadable.class, () -> cipher.open(sealed, ChannelCipher.noteContext(channel, sender, sender)));
  }

  @Test
  void tamperedOrUnknownCiphertextIsUnreadable() {
    ChannelCipher cipher = new ChannelCipher(Map.of(oldId, key(oldRaw)), oldId);
    byte[] context = ChannelCipher.goalContext(channel, sender, sender);
    Sealed sealed = cipher.seal("a goal", context);
    byte[] flipped = sealed.ciphertext().clone();
    flipped[0] ^= 1;
    assertThrows(ChannelCipher.Unreadable.class, () -> cipher.open(new Sealed(flipped, sealed.nonce(), oldId), context));
    assertThrows(ChannelCipher.Unreadable.class, () -> cipher.open(new Sealed(sealed.ciphertext(), sealed.nonce(), "0000000000000000"), context));
    ChannelCipher other = new ChannelCipher(Map.of(oldId, key(newRaw)), oldId);
    assertThrows(ChannelCipher.Unreadable.class, () -> other.open(sealed, context), "same id, different key");
  }

  @Test
  void everySealingUsesAFreshNonceAndOnlyTheActiveKeySeals() {
    ChannelCipher rotated = new ChannelCipher(Map.of(oldId, key(oldRaw), newId, key(newRaw)), newId);
    ChannelCipher before = new ChannelCipher(Map.of(oldId, key(oldRaw)), oldId);
    byte[] context = ChannelCipher.noteContext(channel, sender, sender);
    Sealed old = before.seal("same text", context);
    Sealed a = rotated.seal("same text", context);
    Sealed b = rotated.seal("same text", context);
    assertEquals(newId, a.keyId());
    assertFalse(Arrays.equals(a.nonce(), b.nonce()));
    assertFalse(Arrays.equals(a.ciphertext(), b.ciphertext()));
    assertEquals("same text", rotated.open(old, context), "older keys still open");
    assertThrows(ChannelCipher.Unreadable.class, () -> before.open(a, context), "a server without the new key cannot read it");
    assertFalse(rotated.toString().contains(java.util.Base64.getEncoder().encodeToString(newRaw)));
  }

  @Test
  void aKeyIdIsTheFirstEightBytesOfTheKeysSha256() throws Exception {
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(oldRaw);
    assertEquals(java.util.HexFormat.of().formatHex(digest).substring(0, 16), oldId);
    assertNotEquals(oldId, newId);
  }
}
