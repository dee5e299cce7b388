package app.talkingstick.conduct;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The training lines' embeddings kept on disk between runs of {@link SemanticTraining} (embedding them
 * takes minutes): used only when written for the same training data and the same vector width.
 */
final class EmbeddingCache {
  private EmbeddingCache() {}

  static float[][] load(Path file, String digest, List<LabelledLine> lines, Function<List<LabelledLine>, float[][]> embed) {
    try {
      if (Files.exists(file)) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
          if (in.readUTF().equals(digest) && in.readInt() == lines.size() && in.readInt() == SentenceEncoder.DIMENSIONS) {
            float[][] x = new float[lines.size()][SentenceEncoder.DIMENSIONS];
            for (float[] row : x) for (int d = 0; d < row.length; d++) row[d] = in.readFloat();
            return x;
          }
        }
      }
      float[][] x = embed.apply(lines);
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
        out.writeUTF(digest);
        out.writeInt(lines.size());
        out.writeInt(SentenceEncoder.DIMENSIONS);
        for (float[] row : x) for (float v : row) out.writeFloat(v);
      }
      return x;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
