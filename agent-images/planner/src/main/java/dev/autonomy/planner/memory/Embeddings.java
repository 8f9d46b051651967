package dev.autonomy.planner.memory;

import dev.autonomy.memory.EmbeddingModels;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
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
 * the same vectors) are streamed to a cache directory once and ONNX Runtime loads them from there.
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
      return new OnnxEmbeddingModel(extract(MODEL, dir), extract(TOKENIZER, dir), PoolingMode.MEAN);
    } catch (IOException | RuntimeException e) {
      // No writable directory: LangChain4j's own loader (more heap, same vectors).
      return EmbeddingModels.allMiniLmL6V2();
    }
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
