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
      case QDRANT -> throw new UnsupportedOperationException("the qdrant backend is not in this library yet: "
          + "LangChain4j's Qdrant store needs gRPC, and no Qdrant server can be run here to test a client against; "
          + "bind the Agent to a pgvector or chroma MemoryStore, or to none (in-process)");
    };
  }
}
