package app.talkingstick.conduct;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised to 8 bits, 384 dimensions): the model and its
 * tokenizer come inside a Maven package (langchain4j's), are run by ONNX Runtime on one thread per
 * call, and nothing is fetched at run time. Each text becomes the mean of its token vectors, scaled
 * to length 1, as the model was trained to be used, followed by their maximum in each dimension (a
 * single telling word, "rope", "tonight", weighs more there than in the mean). Thread-safe; load it
 * once ({@link #bundled()}).
 */
public final class SentenceEncoder implements AutoCloseable {

  /** The model's own width; a text's vector is twice that (mean, then maximum). */
  public static final int MODEL_DIMENSIONS = 384;
  public static final int DIMENSIONS = 2 * MODEL_DIMENSIONS;
  /** Chat messages are short; a longer one is read on its first this many tokens. */
  static final int MAX_TOKENS = 128;
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;

  private SentenceEncoder() throws OrtException, IOException {
    env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    session = env.createSession(read(MODEL), options);
    try (InputStream json = resource(TOKENIZER)) {
      tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "true",
          "maxLength", String.valueOf(MAX_TOKENS)));
    }
  }

  private static final class Holder {
    static final SentenceEncoder INSTANCE = load();

    private static SentenceEncoder load() {
      try {
        return new SentenceEncoder();
      } catch (OrtException e) {
        throw new IllegalStateException("the sentence encoder could not be loaded", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The one shared encoder, loaded on first use (about a second). */
  public static SentenceEncoder bundled() {
    return Holder.INSTANCE;
  }

  public float[] encode(String text) {
    return encodeAll(List.of(text))[0];
  }

  /** One vector per text, in order; the texts are run through the model together. */
  public float[][] encodeAll(List<String> texts) {
    int n = texts.size();
    Encoding[] encodings = new Encoding[n];
    int longest = 1;
    for (int i = 0; i < n; i++) {
      encodings[i] = tokenizer.encode(texts.get(i));
      longest = Math.max(longest, encodings[i].getIds().length);
    }
    long[][] ids = new long[n][longest];
    long[][] mask = new long[n][longest];
    for (int i = 0; i < n; i++) {
      long[] own = encodings[i].getIds();
      System.arraycopy(own, 0, ids[i], 0, own.length);
      for (int j = 0; j < own.length; j++) mask[i][j] = 1;
    }
    return run(ids, mask);
  }

  private float[][] run(long[][] ids, long[][] mask) {
    try (OnnxTensor inputIds = OnnxTensor.createTensor(env, ids);
         OnnxTensor attention = OnnxTensor.createTensor(env, mask);
         OnnxTensor types = OnnxTensor.createTensor(env, new long[ids.length][ids[0].length]);
         OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
             "token_type_ids", types))) {
      float[][][] hidden = (float[][][]) result.get(0).getValue();
      float[][] vectors = new float[ids.length][];
      for (int i = 0; i < ids.length; i++) vectors[i] = pooled(hidden[i], mask[i]);
      return vectors;
    } catch (OrtException e) {
      throw new IllegalStateException("the sentence encoder failed", e);
    }
  }

  private static float[] pooled(float[][] tokens, long[] mask) {
    float[] out = new float[DIMENSIONS];
    java.util.Arrays.fill(out, MODEL_DIMENSIONS, DIMENSIONS, Float.NEGATIVE_INFINITY);
    int count = 0;
    for (int t = 0; t < tokens.length; t++) {
      if (mask[t] == 0) continue;
      count++;
      for (int d = 0; d < MODEL_DIMENSIONS; d++) {
        out[d] += tokens[t][d];
        out[MODEL_DIMENSIONS + d] = Math.max(out[MODEL_DIMENSIONS + d], tokens[t][d]);
      }
    }
    double norm = 0;
    for (int d = 0; d < MODEL_DIMENSIONS; d++) {
      out[d] /= Math.max(1, count);
      norm += out[d] * out[d];
    }
    float scale = (float) (1 / Math.max(1e-9, Math.sqrt(norm)));
    for (int d = 0; d < MODEL_DIMENSIONS; d++) out[d] *= scale;
    for (int d = MODEL_DIMENSIONS; d < DIMENSIONS; d++) out[d] = count == 0 ? 0 : out[d] / 4;
    return out;
  }

  private static byte[] read(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = SentenceEncoder.class.getResourceAsStream(name);
    if (in == null) throw new IOException("missing resource " + name + " (the all-MiniLM-L6-v2 package)");
    return in;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
    tokenizer.close();
  }
}
