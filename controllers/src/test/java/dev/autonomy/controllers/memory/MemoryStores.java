package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.controllers.config.OperatorConfig;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures: the example MemoryStore (examples/memorystore.yaml), in a namespace, per backend. */
final class MemoryStores {
  static final Path EXAMPLE = Path.of("..", "examples", "memorystore.yaml");

  private MemoryStores() {}

  static MemoryStore example() {
    try {
      MemoryStore store = Serialization.unmarshal(Files.readString(EXAMPLE), MemoryStore.class);
      store.getMetadata().setNamespace("team");
      store.getMetadata().setUid("uid-1");
      store.getMetadata().setGeneration(1L);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MemoryStore of(MemoryBackend backend) {
    MemoryStore store = example();
    store.getSpec().setBackend(backend);
    store.getSpec().setVersion(null);
    return store;
  }

  static OperatorConfig.Images images() {
    return new OperatorConfig.Images() {
      @Override public String planner() { return "planner:1"; }
      @Override public String trainer() { return "trainer:1"; }
      @Override public String pgvector() { return "pgvector/pgvector:0.8.2-pg18"; }
      @Override public String chroma() { return "chromadb/chroma:1.5.9"; }
      @Override public String qdrant() { return "qdrant/qdrant:v1.15.4"; }
      @Override public String backupTools() { return "curlimages/curl:8.15.0"; }
    };
  }
}
