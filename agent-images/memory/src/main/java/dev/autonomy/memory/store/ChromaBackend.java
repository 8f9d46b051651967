package dev.autonomy.memory.store;

import dev.autonomy.memory.DimensionMismatchException;
import dev.autonomy.memory.MemoryConfig;
import dev.autonomy.memory.MemoryFields;
import dev.autonomy.memory.MemoryFilter;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.chroma.ChromaApiVersion;
import dev.langchain4j.store.embedding.chroma.ChromaEmbeddingStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Chroma through LangChain4j's {@link ChromaEmbeddingStore} on API v2 (Chroma 1.x serves only v2;
 * LangChain4j's store speaks it since 1.0 with {@link ChromaApiVersion#V2}), one collection per
 * kind, cosine distance; {@link ChromaV2Client} for what the store lacks.
 */
public final class ChromaBackend implements MemoryBackend {
  private final MemoryConfig config;
  private final ChromaV2Client client;

  public ChromaBackend(MemoryConfig config) {
    this.config = config;
    this.client = new ChromaV2Client(config.httpUrl(), config.chromaTenant(), config.chromaDatabase(),
        config.timeout());
  }

  public ChromaV2Client client() {
    return client;
  }

  @Override
  public String name() {
    return "chroma";
  }

  @Override
  public MemoryCollection collection(String name, int dimension) {
    client.collection(name).ifPresent(existing -> {
      if (existing.dimension() != null && existing.dimension() != dimension) {
        throw new DimensionMismatchException(describe(name, existing.dimension()), existing.dimension(),
            "the embedding model", dimension);
      }
    });
    ChromaEmbeddingStore store = ChromaEmbeddingStore.builder()
        .apiVersion(ChromaApiVersion.V2)
        .baseUrl(config.httpUrl())
        .tenantName(config.chromaTenant())
        .databaseName(config.chromaDatabase())
        .collectionName(name)
        .timeout(config.timeout())
        .build();
    String id = client.collection(name).orElseThrow(() -> new IllegalStateException(
        "Chroma collection " + name + " was not created at " + config.httpUrl())).id();
    return new ChromaCollection(name, id, store);
  }

  private String describe(String name, Integer dimension) {
    return "Chroma collection " + name + " at " + config.httpUrl() + " (" + config.chromaTenant() + "/"
        + config.chromaDatabase() + (dimension == null ? "" : ", " + dimension + "-dimensional") + ")";
  }

  @Override
  public void close() {}

  /** Chroma's {@code where} for a filter, null when nothing is filtered. */
  static Map<String, Object> where(MemoryFilter filter) {
    List<Map<String, Object>> parts = new ArrayList<>();
    if (filter.agent() != null) {
      parts.add(Map.of(MemoryFields.AGENT, Map.of("$eq", filter.agent())));
    }
    if (filter.goal() != null) {
      parts.add(Map.of(MemoryFields.GOAL, Map.of("$eq", filter.goal())));
    }
    if (filter.createdFrom() != null) {
      parts.add(Map.of(MemoryFields.CREATED_AT, Map.of("$gte", filter.createdFrom().toEpochMilli())));
    }
    if (filter.createdBefore() != null) {
      parts.add(Map.of(MemoryFields.CREATED_AT, Map.of("$lt", filter.createdBefore().toEpochMilli())));
    }
    return switch (parts.size()) {
      case 0 -> null;
      case 1 -> parts.get(0);
      default -> Map.of("$and", parts);
    };
  }

  final class ChromaCollection implements MemoryCollection {
    private final String name;
    private final String id;
    private final ChromaEmbeddingStore store;

    ChromaCollection(String name, String id, ChromaEmbeddingStore store) {
      this.name = name;
      this.id = id;
      this.store = store;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String describe() {
      OptionalInt d = storedDimension();
      return ChromaBackend.this.describe(name, d.isPresent() ? d.getAsInt() : null);
    }

    @Override
    public EmbeddingStore<TextSegment> store() {
      return store;
    }

    @Override
    public OptionalInt storedDimension() {
      return client.collection(name).map(c -> c.dimension() == null ? OptionalInt.empty()
          : OptionalInt.of(c.dimension())).orElse(OptionalInt.empty());
    }

    @Override
    public List<String> ids(MemoryFilter filter, int limit) {
      return client.ids(id, where(filter), limit);
    }

    @Override
    public long count(MemoryFilter filter) {
      Map<String, Object> where = where(filter);
      return where == null ? client.count(id) : client.ids(id, where, Integer.MAX_VALUE).size();
    }

    @Override
    public void touch(Collection<String> ids, long epochMillis) {
      if (!ids.isEmpty()) {
        client.updateMetadata(id, ids, MemoryFields.LAST_ACCESSED_AT, epochMillis);
      }
    }

    @Override
    public void drop() {
      client.deleteCollection(name);
    }
  }
}
