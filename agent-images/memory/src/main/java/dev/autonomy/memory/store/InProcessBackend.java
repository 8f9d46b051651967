package dev.autonomy.memory.store;

import dev.autonomy.memory.DimensionMismatchException;
import dev.autonomy.memory.MemoryFields;
import dev.autonomy.memory.MemoryFilter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LangChain4j's {@link InMemoryEmbeddingStore}, for an Agent bound to no MemoryStore: memories last
 * as long as the process. Each collection also keeps its entries by id, which LangChain4j's store
 * cannot list, for TTL compaction, counts and access-time updates.
 */
public final class InProcessBackend implements MemoryBackend {
  private final Map<String, InProcessCollection> collections = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "in-process";
  }

  @Override
  public MemoryCollection collection(String name, int dimension) {
    InProcessCollection existing = collections.get(name);
    if (existing != null) {
      OptionalInt stored = existing.storedDimension();
      if (stored.isPresent() && stored.getAsInt() != dimension) {
        throw new DimensionMismatchException(existing.describe(), stored.getAsInt(), "the embedding model", dimension);
      }
      return existing;
    }
    return collections.computeIfAbsent(name, InProcessCollection::new);
  }

  @Override
  public void close() {}

  static final class InProcessCollection implements MemoryCollection {
    private final String name;
    private final Store store = new Store();

    InProcessCollection(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String describe() {
      return "in-process collection " + name;
    }

    @Override
    public EmbeddingStore<TextSegment> store() {
      return store;
    }

    @Override
    public OptionalInt storedDimension() {
      return store.entries.values().stream().mapToInt(e -> e.embedding().dimension()).findFirst();
    }

    @Override
    public List<String> ids(MemoryFilter filter, int limit) {
      Filter f = filter.toFilter();
      List<String> ids = new ArrayList<>();
      for (Map.Entry<String, Entry> e : store.entries.entrySet()) {
        if (ids.size() >= limit) {
          break;
        }
        if (f == null || f.test(e.getValue().segment().metadata())) {
          ids.add(e.getKey());
        }
      }
      return ids;
    }

    @Override
    public long count(MemoryFilter filter) {
      return ids(filter, Integer.MAX_VALUE).size();
    }

    @Override
    public void touch(Collection<String> ids, long epochMillis) {
      for (String id : ids) {
        Entry e = store.entries.get(id);
        if (e != null) {
          Metadata m = e.segment().metadata().copy().put(MemoryFields.LAST_ACCESSED_AT, epochMillis);
          store.addAll(List.of(id), List.of(e.embedding()), List.of(TextSegment.from(e.segment().text(), m)));
        }
      }
    }

    @Override
    public void drop() {
      store.removeAll();
    }
  }

  record Entry(Embedding embedding, TextSegment segment) {}

  /** LangChain4j's in-memory store with an index of its entries. */
  static final class Store implements EmbeddingStore<TextSegment> {
    private final InMemoryEmbeddingStore<TextSegment> delegate = new InMemoryEmbeddingStore<>();
    final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public String add(Embedding embedding) {
      String id = java.util.UUID.randomUUID().toString();
      add(id, embedding);
      return id;
    }

    @Override
    public void add(String id, Embedding embedding) {
      addAll(List.of(id), List.of(embedding), null);
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
      String id = java.util.UUID.randomUUID().toString();
      addAll(List.of(id), List.of(embedding), List.of(segment));
      return id;
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
      List<String> ids = embeddings.stream().map(e -> java.util.UUID.randomUUID().toString()).toList();
      addAll(ids, embeddings, null);
      return ids;
    }

    @Override
    public synchronized void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
      List<String> present = ids.stream().filter(entries::containsKey).toList();
      if (!present.isEmpty()) {
        delegate.removeAll(present);
      }
      delegate.addAll(ids, embeddings, segments);
      for (int i = 0; i < ids.size(); i++) {
        TextSegment segment = segments == null ? TextSegment.from(" ") : segments.get(i);
        entries.put(ids.get(i), new Entry(embeddings.get(i), segment));
      }
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
      return delegate.search(request);
    }

    @Override
    public synchronized void removeAll(Collection<String> ids) {
      delegate.removeAll(ids);
      ids.forEach(entries::remove);
    }

    @Override
    public synchronized void removeAll(Filter filter) {
      delegate.removeAll(filter);
      entries.entrySet().removeIf(e -> filter.test(e.getValue().segment().metadata()));
    }

    @Override
    public synchronized void removeAll() {
      delegate.removeAll();
      entries.clear();
    }
  }
}
