package app.talkingstick.conduct;

import java.util.List;

/**
 * Sentence embeddings from two small transformer models, each quantised to 8 bits and shipped inside a
 * Maven package (langchain4j's), run by ONNX Runtime, nothing fetched at run time: bge-small-en-v1.5
 * (its {@code [CLS]} vector, as it was trained to be used, and its mean) and all-MiniLM-L6-v2 (its
 * mean, as it was trained to be used). Two models trained on different data, read together, let the
 * heads ({@link SemanticHeads}) tell apart more of the texts no writer of the training lines thought of
 * than either alone (docs/conduct.md has the comparison, held out by writer). A text's vector is the
 * three pieces, each of length 1, end to end. Thread-safe; load it once ({@link #bundled()}).
 */
public final class SentenceEncoder implements AutoCloseable {

  static final int MODEL_DIMENSIONS = 384;
  public static final int DIMENSIONS = 3 * MODEL_DIMENSIONS;
  /** Chat messages are short; a longer one is read on its first this many tokens. */
  static final int MAX_TOKENS = 128;
  /** What a vector is made of: embeddings kept for training are reused only while this stays the same. */
  public static final String RECIPE = "bge-small-en-v1.5-q cls+mean, all-minilm-l6-v2-q mean, " + MAX_TOKENS + " tokens";

  private final OnnxModel bge;
  private final OnnxModel miniLm;

  private SentenceEncoder() {
    bge = new OnnxModel("bge-small-en-v1.5", "/bge-small-en-v1.5-q.onnx", "/bge-small-en-v1.5-q-tokenizer.json",
        MODEL_DIMENSIONS, MAX_TOKENS);
    miniLm = new OnnxModel("all-MiniLM-L6-v2", "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json",
        MODEL_DIMENSIONS, MAX_TOKENS);
  }

  private static final class Holder {
    static final SentenceEncoder INSTANCE = new SentenceEncoder();
  }

  /** The one shared encoder, loaded on first use (about two seconds). */
  public static SentenceEncoder bundled() {
    return Holder.INSTANCE;
  }

  public float[] encode(String text) {
    return encodeAll(List.of(text))[0];
  }

  /** One vector per text, in order; the texts are run through each model together. */
  public float[][] encodeAll(List<String> texts) {
    OnnxModel.Pooled[] a = bge.pool(texts);
    OnnxModel.Pooled[] b = miniLm.pool(texts);
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) out[i] = joined(a[i].first(), a[i].mean(), b[i].mean());
    return out;
  }

  private static float[] joined(float[]... parts) {
    float[] out = new float[DIMENSIONS];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  @Override
  public void close() {
    bge.close();
    miniLm.close();
  }
}
