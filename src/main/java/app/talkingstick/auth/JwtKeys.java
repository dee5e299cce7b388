package app.talkingstick.auth;

import app.talkingstick.config.Config;
import app.talkingstick.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ES256 key pair that signs access tokens: from the configured PEM files, or generated once
 * and kept under {@code DATA_DIR/keys} so tokens survive a restart.
 */
public record JwtKeys(String privateKeyPem, String publicKeyPem, String keyId) {

  private static final Logger LOG = LoggerFactory.getLogger(JwtKeys.class);

  public static JwtKeys load(Config config) {
    Optional<Config.JwtKeyFiles> files = config.jwtKeyFiles();
    if (files.isPresent()) {
      return fromFiles(files.get().privateKeyPem(), files.get().publicKeyPem());
    }
    Path dir = config.dataDir().resolve("keys");
    Path privateFile = dir.resolve("jwt-es256-private.pem");
    Path publicFile = dir.resolve("jwt-es256-public.pem");
    if (!Files.exists(privateFile)) {
      generate(dir, privateFile, publicFile);
    }
    return fromFiles(privateFile, publicFile);
  }

  private static JwtKeys fromFiles(Path privateFile, Path publicFile) {
    String privatePem = read(privateFile, "JWT_PRIVATE_KEY_FILE");
    String publicPem = read(publicFile, "JWT_PUBLIC_KEY_FILE");
    if (!privatePem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new ConfigException(privateFile + " must hold a PKCS#8 EC P-256 private key (BEGIN PRIVATE KEY)");
    }
    return new JwtKeys(privatePem, publicPem, keyIdOf(publicPem, publicFile));
  }

  private static String read(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ConfigException(what + " " + file + " cannot be read");
    }
  }

  private static void generate(Path dir, Path privateFile, Path publicFile) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      Files.createDirectories(dir);
      Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      restrictToOwner(privateFile);
      Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      LOG.info("Generated a new ES256 signing key in {}", dir);
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new ConfigException("cannot create a signing key under " + dir + ": " + e.getMessage());
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system; nothing more we can do
    }
  }

  static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static String keyIdOf(String publicPem, Path file) {
    try {
      String base64 = publicPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      byte[] der = Base64.getDecoder().decode(base64);
      PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
    } catch (IllegalArgumentException | java.security.spec.InvalidKeySpecException e) {
      throw new ConfigException(file + " must hold an EC P-256 public key (BEGIN PUBLIC KEY)");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
