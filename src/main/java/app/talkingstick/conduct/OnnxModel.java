package app.talkingstick.conduct;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One transformer sentence model shipped inside a Maven package (its {@code .onnx} file and its
 * tokenizer's JSON), run by ONNX Runtime on one thread per call. It turns each text into three
 * poolings of its token vectors, for {@link SentenceEncoder} to choose from: the first token's
 * ({@code [CLS]}, scaled to length 1), the mean (scaled to length 1), and the maximum in each
 * dimension (a single telling word, "rope", "tonight", weighs more there than in the mean).
 * Thread-safe.
 */
final class OnnxModel implements AutoCloseable {

  static {
    // DJL, which loads the tokenizer, reports each start to Amazon (an EC2 metadata call, then telemetry)
    // unless it is told it is offline; nothing here may reach the internet.
    if (System.getProperty("offline") == null) System.setProperty("offline", "true");
  }

  /** The poolings of one text's token vectors. */
  record Pooled(float[] first, float[] mean, float[] max) {}

  private final String name;
  private final int width;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;

  /** {@code model} and {@code tokenizer}: classpath resources; {@code width}: the model's hidden size. */
  OnnxModel(String name, String model, String tokenizerJson, int width, int maxTokens) {
    this.name = name;
    this.width = width;
    try {
      env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = env.createSession(read(model), options);
      try (InputStream json = resource(tokenizerJson)) {
        tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "true",
            "maxLength", String.valueOf(maxTokens)));
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the sentence model " + name + " could not be loaded", e);
    } catch (IOException e) {
      throw new IllegalStateException("the sentence model " + name + " could not be read", e);
    }
  }

  int width() {
    return width;
  }

  /** The poolings of each text, in order; the texts are run through the model together. */
  Pooled[] pool(List<String> texts) {
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
      Arrays.fill(mask[i], 0, own.length, 1);
    }
    return run(ids, mask);
  }

  private Pooled[] run(long[][] ids, long[][] mask) {
    try (OnnxTensor inputIds = OnnxTensor.createTensor(env, ids);
         OnnxTensor attention = OnnxTensor.createTensor(env, mask);
         OnnxTensor types = OnnxTensor.createTensor(env, new long[ids.length][ids[0].length]);
         OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
             "token_type_ids", types))) {
      float[][][] hidden = (float[][][]) result.get(0).getValue();
      Pooled[] out = new Pooled[ids.length];
      for (int i = 0; i < ids.length; i++) out[i] = pooled(hidden[i], mask[i]);
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException("the sentence model " + name + " failed", e);
    }
  }

  private Pooled pooled(float[][] tokens, long[] mask) {
    float[] mean = new float[width];
    float[] max = new float[width];
    Arrays.fill(max, Float.NEGATIVE_INFINITY);
    int count = 0;
    for (int t = 0; t < tokens.length; t++) {
      if (mask[t] == 0) continue;
      count++;
      for (int d = 0; d < width; d++) {
        mean[d] += tokens[t][d];
        max[d] = Math.max(max[d], tokens[t][d]);
      }
    }
    if (count == 0) Arrays.fill(max, 0);
    return new Pooled(unit(tokens[0].clone()), unit(mean), max);
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    float scale = (float) (1 / Math.max(1e-9, Math.sqrt(norm)));
    for (int d = 0; d < v.length; d++) v[d] *= scale;
    return v;
  }

  private static byte[] read(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = OnnxModel.class.getResourceAsStream(name);
    if (in == null) throw new IOException("missing resource " + name + " (its Maven package is not on the classpath)");
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
