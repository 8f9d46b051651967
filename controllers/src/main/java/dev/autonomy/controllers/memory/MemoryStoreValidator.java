package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.memory.MemoryStoreSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks of a MemoryStore spec that CEL cannot express. Pure. */
public final class MemoryStoreValidator {
  /** Output dimensions of well-known embedding models. */
  static final Map<String, Integer> MODEL_DIMENSIONS = Map.of(
      "all-minilm-l6-v2", 384, "all-minilm-l12-v2", 384, "bge-small-en-v1.5", 384, "bge-base-en-v1.5", 768,
      "nomic-embed-text", 768, "text-embedding-3-small", 1536, "text-embedding-3-large", 3072,
      "text-embedding-ada-002", 1536);

  /**
   * Longest store name whose children's names stay valid: the CronJob {@code <name>-backup} may
   * have 52 characters, as may a StatefulSet whose pods carry {@code controller-revision-hash}.
   */
  static final int MAX_NAME_LENGTH = 45;

  private MemoryStoreValidator() {}

  /** Problems of the store's name and spec. */
  public static List<String> problems(String name, MemoryStoreSpec spec) {
    List<String> problems = new ArrayList<>();
    if (name != null && name.length() > MAX_NAME_LENGTH) {
      problems.add("metadata.name must have at most " + MAX_NAME_LENGTH + " characters (it has " + name.length()
          + "): the store's StatefulSet, Services and backup CronJob are named after it");
    }
    problems.addAll(problems(spec));
    return problems;
  }

  public static List<String> problems(MemoryStoreSpec spec) {
    List<String> problems = new ArrayList<>();
    if (spec.getEmbedding() != null && spec.getEmbedding().getModel() != null && spec.getEmbedding().getDimension() != null) {
      Integer known = MODEL_DIMENSIONS.get(spec.getEmbedding().getModel().toLowerCase(Locale.ROOT));
      if (known != null && !known.equals(spec.getEmbedding().getDimension())) {
        problems.add("spec.embedding.dimension (" + spec.getEmbedding().getDimension() + ") does not match "
            + "spec.embedding.model " + spec.getEmbedding().getModel() + ", which produces " + known + " dimensions");
      }
    }
    return problems;
  }
}
