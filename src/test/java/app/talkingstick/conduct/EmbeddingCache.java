package app.talkingstick.conduct;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The training lines' embeddings kept on disk between runs of {@link SemanticTraining} (embedding all of
 * them takes minutes), by the SHA-256 of each text: a run embeds only the lines it has not seen, and the
 * whole file is dropped when the encoder's recipe changes.
 */
final class EmbeddingCache {
  private EmbeddingCache() {}

  static float[][] load(Path file, String recipe, List<LabelledLine> lines, Function<List<LabelledLine>, float[][]> embed) {
    Map<String, float[]> kept = read(file, recipe);
    List<String> keys = lines.stream().map(EmbeddingCache::key).toList();
    List<LabelledLine> missing = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) if (!kept.containsKey(keys.get(i))) missing.add(lines.get(i));
    if (!missing.isEmpty()) {
      float[][] fresh = embed.apply(missing);
      for (int i = 0; i < fresh.length; i++) kept.put(key(missing.get(i)), fresh[i]);
    }
    Map<String, float[]> used = new HashMap<>();
    for (String key : keys) used.put(key, kept.get(key));
    if (!missing.isEmpty() || used.size() != kept.size()) write(file, recipe, used);
    return keys.stream().map(used::get).toArray(float[][]::new);
  }

  private static Map<String, float[]> read(Path file, String recipe) {
    Map<String, float[]> kept = new HashMap<>();
    if (!Files.exists(file)) return kept;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (!in.readUTF().equals(recipe) || in.readInt() != SentenceEncoder.DIMENSIONS) return kept;
      int n = in.readInt();
      byte[] digest = new byte[32];
      for (int i = 0; i < n; i++) {
        in.readFully(digest);
        float[] v = new float[SentenceEncoder.DIMENSIONS];
        for (int d = 0; d < v.length; d++) v[d] = in.readFloat();
        kept.put(HexFormat.of().formatHex(digest), v);
      }
      return kept;
    } catch (IOException e) {
      return new HashMap<>(); // an unreadable cache is embedded again
    }
  }

  private static void write(Path file, String recipe, Map<String, float[]> vectors) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
        out.writeUTF(recipe);
        out.writeInt(SentenceEncoder.DIMENSIONS);
        out.writeInt(vectors.size());
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
          out.write(HexFormat.of().parseHex(e.getKey()));
          for (float v : e.getValue()) out.writeFloat(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(LabelledLine line) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line.text().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
