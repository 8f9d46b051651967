package dev.autonomy.planner.memory;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.autonomy.memory.EmbeddingModels;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The embedding model, built to keep the planner's heap small. LangChain4j's
 * {@link AllMiniLmL6V2EmbeddingModel} reads its 90 MB ONNX file from the jar into byte arrays (a
 * transient ~270 MB of heap); here the same two files (same weights, tokenizer and mean pooling, so
 * the same vectors) are streamed to a cache directory once and ONNX Runtime loads them from there,
 * with its worker threads not spinning (they compete with everything else on a small node).
 * Any other model name goes to the memory library.
 */
public final class Embeddings {
  private static final String MODEL = "all-minilm-l6-v2.onnx";
  private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

  private Embeddings() {}

  public static EmbeddingModel forName(String name, Path cacheDir) {
    String n = name == null ? EmbeddingModels.ALL_MINILM_L6_V2 : name.strip();
    String simple = n.contains("/") ? n.substring(n.lastIndexOf('/') + 1) : n;
    if (!simple.toLowerCase(Locale.ROOT).equals(EmbeddingModels.ALL_MINILM_L6_V2.toLowerCase(Locale.ROOT))) {
      return EmbeddingModels.byName(name);
    }
    try {
      Path dir = Files.createDirectories(cacheDir.resolve("all-minilm-l6-v2"));
      Path model = extract(MODEL, dir);
      Path tokenizer = extract(TOKENIZER, dir);
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(threads());
      options.setInterOpNumThreads(1);
      // Spinning worker threads wait hot for work: on a busy 2-core node that made one embedding
      // ~35 ms (p50) instead of ~6 ms.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      OrtSession session = env.createSession(model.toString(), options);
      OnnxBertBiEncoder encoder;
      try (InputStream t = Files.newInputStream(tokenizer)) {
        encoder = new OnnxBertBiEncoder(env, session, t, PoolingMode.MEAN);
      }
      return new AbstractInProcessEmbeddingModel(null) {
        @Override
        protected OnnxBertBiEncoder model() {
          return encoder;
        }

        @Override
        protected Integer knownDimension() {
          return 384;
        }
      };
    } catch (IOException | OrtException | RuntimeException e) {
      // No writable directory: LangChain4j's own loader (more heap, same vectors).
      return EmbeddingModels.allMiniLmL6V2();
    }
  }

  /** ONNX Runtime's threads per embedding: {@code AUTONOMY_PLANNER_EMBEDDING_THREADS}, else the cores (at most 4). */
  static int threads() {
    String v = System.getenv("AUTONOMY_PLANNER_EMBEDDING_THREADS");
    if (v != null && !v.isBlank()) {
      return Math.max(1, Integer.parseInt(v.strip()));
    }
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  private static Path extract(String resource, Path dir) throws IOException {
    Path target = dir.resolve(resource);
    // The class literal does not initialise the class (whose static init would load the model).
    URL url = AllMiniLmL6V2EmbeddingModel.class.getResource("/" + resource);
    if (url == null) {
      throw new IOException(resource + " is not on the classpath");
    }
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false);
    long size = connection.getContentLengthLong();
    try (InputStream in = connection.getInputStream()) {
      if (size > 0 && Files.isRegularFile(target) && Files.size(target) == size) {
        return target;
      }
      Path tmp = Files.createTempFile(dir, resource, ".part");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    }
  }
}
