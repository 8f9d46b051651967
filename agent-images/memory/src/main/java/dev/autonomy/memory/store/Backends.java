package dev.autonomy.memory.store;

import dev.autonomy.memory.MemoryConfig;

/** The backend a configuration names. */
public final class Backends {
  private Backends() {}

  public static MemoryBackend open(MemoryConfig config) {
    return switch (config.backend()) {
      case IN_PROCESS -> new InProcessBackend();
      case PGVECTOR -> new PgVectorBackend(config);
      case CHROMA -> new ChromaBackend(config);
      case QDRANT -> new QdrantBackend(config);
    };
  }
}
