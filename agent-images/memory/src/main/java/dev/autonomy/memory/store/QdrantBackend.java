package dev.autonomy.memory.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.memory.DimensionMismatchException;
import dev.autonomy.memory.MemoryConfig;
import dev.autonomy.memory.MemoryFields;
import dev.autonomy.memory.MemoryFilter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Qdrant over its REST API ({@link QdrantRestClient}), one collection per kind (cosine distance,
 * keyword indexes on agent and goal, an integer index on created_at), the record's text in the
 * payload key {@code text_segment} as LangChain4j's Qdrant store keeps it. Tested against a real
 * server only when {@code AUTONOMY_TEST_QDRANT_URL} names one (none can be installed here).
 */
public final class QdrantBackend implements MemoryBackend {
  static final String TEXT = "text_segment";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final MemoryConfig config;
  private final QdrantRestClient client;

  public QdrantBackend(MemoryConfig config) {
    this.config = config;
    this.client = new QdrantRestClient(config.httpUrl(), config.apiKey(), config.timeout());
  }

  @Override
  public String name() {
    return "qdrant";
  }

  @Override
  public MemoryCollection collection(String name, int dimension) {
    var size = client.vectorSize(name);
    if (size.isPresent() && size.get() != dimension) {
      throw new DimensionMismatchException(describe(name, size.get()), size.get(), "the embedding model", dimension);
    }
    if (size.isEmpty()) {
      client.createCollection(name, dimension);
    }
    return new QdrantCollection(name);
  }

  private String describe(String name, Integer dimension) {
    return "Qdrant collection " + name + " at " + config.httpUrl() + (dimension == null ? ""
        : " (" + dimension + "-dimensional)");
  }

  @Override
  public void close() {}

  final class QdrantCollection implements MemoryCollection {
    private final String name;
    private final Store store;

    QdrantCollection(String name) {
      this.name = name;
      this.store = new Store(name);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String describe() {
      return QdrantBackend.this.describe(name, client.vectorSize(name).orElse(null));
    }

    @Override
    public EmbeddingStore<TextSegment> store() {
      return store;
    }

    @Override
    public List<EmbeddingMatch<TextSegment>> search(Embedding query, MemoryFilter filter, int maxResults) {
      return store.search(query, QdrantRestClient.filter(filter), maxResults);
    }

    @Override
    public OptionalInt storedDimension() {
      return client.vectorSize(name).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public List<String> ids(MemoryFilter filter, int limit) {
      return client.ids(name, QdrantRestClient.filter(filter), limit);
    }

    @Override
    public long count(MemoryFilter filter) {
      return client.count(name, QdrantRestClient.filter(filter));
    }

    @Override
    public void touch(Collection<String> ids, long epochMillis) {
      if (!ids.isEmpty()) {
        client.setPayload(name, ids, Map.of(MemoryFields.LAST_ACCESSED_AT, epochMillis));
      }
    }

    @Override
    public void drop() {
      client.deleteCollection(name);
    }
  }

  /** A LangChain4j store over one Qdrant collection; metadata filters are those of {@link MemoryFilter}. */
  final class Store implements EmbeddingStore<TextSegment> {
    private final String collection;

    Store(String collection) {
      this.collection = collection;
    }

    @Override
    public String add(Embedding embedding) {
      String id = UUID.randomUUID().toString();
      addAll(List.of(id), List.of(embedding), null);
      return id;
    }

    @Override
    public void add(String id, Embedding embedding) {
      addAll(List.of(id), List.of(embedding), null);
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
      String id = UUID.randomUUID().toString();
      addAll(List.of(id), List.of(embedding), List.of(segment));
      return id;
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
      List<String> ids = embeddings.stream().map(e -> UUID.randomUUID().toString()).toList();
      addAll(ids, embeddings, null);
      return ids;
    }

    @Override
    public void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
      List<float[]> vectors = embeddings.stream().map(Embedding::vector).toList();
      List<Map<String, Object>> payloads = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        Map<String, Object> payload = new HashMap<>();
        if (segments != null && segments.get(i) != null) {
          payload.putAll(segments.get(i).metadata().toMap());
          payload.put(TEXT, segments.get(i).text());
        }
        payloads.add(payload);
      }
      client.upsert(collection, ids, vectors, payloads);
    }

    List<EmbeddingMatch<TextSegment>> search(Embedding query, com.fasterxml.jackson.databind.node.ObjectNode filter,
        int limit) {
      List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>();
      for (JsonNode hit : client.search(collection, query.vector(), filter, limit)) {
        Map<String, Object> payload = QdrantRestClient.JSON.convertValue(hit.path("payload"), MAP);
        Object text = payload.remove(TEXT);
        payload.values().removeIf(v -> v == null);
        double cosine = hit.path("score").asDouble();
        matches.add(new EmbeddingMatch<>((cosine + 1) / 2, hit.path("id").asText(), null,
            text == null ? null : TextSegment.from(text.toString(), new Metadata(payload))));
      }
      return matches;
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
      if (request.filter() != null) {
        throw new UnsupportedOperationException("LangChain4j filters are not mapped for Qdrant here; the memory "
            + "library searches with MemoryFilter (MemoryCollection.search)");
      }
      return new EmbeddingSearchResult<>(search(request.queryEmbedding(), null, request.maxResults()).stream()
          .filter(m -> m.score() >= request.minScore()).toList());
    }

    @Override
    public void removeAll(Collection<String> ids) {
      if (!ids.isEmpty()) {
        client.delete(collection, ids);
      }
    }

    @Override
    public void removeAll(Filter filter) {
      throw new UnsupportedOperationException("LangChain4j filters are not mapped for Qdrant here; delete by ids");
    }

    @Override
    public void removeAll() {
      client.deleteWhere(collection, QdrantRestClient.JSON.createObjectNode().set("must",
          QdrantRestClient.JSON.createArrayNode()));
    }
  }
}
