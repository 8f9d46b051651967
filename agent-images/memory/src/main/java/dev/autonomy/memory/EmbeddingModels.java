package dev.autonomy.memory;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.Locale;

/** Embedding models the library can build by name. */
public final class EmbeddingModels {
  public static final String ALL_MINILM_L6_V2 = "all-MiniLM-L6-v2";

  private static volatile EmbeddingModel allMiniLm;

  private EmbeddingModels() {}

  /**
   * all-MiniLM-L6-v2 (384 dimensions, normalised), loaded from the LangChain4j jar that carries it
   * (ONNX Runtime, offline). One instance per process: loading takes about a second.
   */
  public static EmbeddingModel allMiniLmL6V2() {
    EmbeddingModel model = allMiniLm;
    if (model == null) {
      synchronized (EmbeddingModels.class) {
        model = allMiniLm;
        if (model == null) {
          model = new AllMiniLmL6V2EmbeddingModel();
          allMiniLm = model;
        }
      }
    }
    return model;
  }

  /** The model a MemoryStore names ({@code spec.embedding.model}); only the bundled one is built here. */
  public static EmbeddingModel byName(String name) {
    String n = name == null ? ALL_MINILM_L6_V2 : name.strip();
    String simple = n.contains("/") ? n.substring(n.lastIndexOf('/') + 1) : n;
    if (simple.toLowerCase(Locale.ROOT).equals(ALL_MINILM_L6_V2.toLowerCase(Locale.ROOT))) {
      return allMiniLmL6V2();
    }
    throw new IllegalArgumentException("embedding model '" + name + "' is not bundled: only " + ALL_MINILM_L6_V2
        + " is; inject another LangChain4j EmbeddingModel with AgentMemory.open(config, model)");
  }
}
