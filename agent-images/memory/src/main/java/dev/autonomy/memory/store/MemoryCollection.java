package dev.autonomy.memory.store;

import dev.autonomy.memory.MemoryFilter;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * One collection (table, Chroma collection): a LangChain4j {@link EmbeddingStore} for writes,
 * searches and deletes, plus what LangChain4j's interface lacks (listing ids by filter, counting,
 * updating the access time, reading the stored dimension).
 */
public interface MemoryCollection {

  /** The table or collection name. */
  String name();

  /** Where it is, for messages: e.g. {@code pgvector table autonomy_memory_episodes (column embedding vector(384))}. */
  String describe();

  EmbeddingStore<TextSegment> store();

  /**
   * The {@code maxResults} nearest neighbours of {@code query} among the records matching
   * {@code filter}; a match's score is LangChain4j's ({@code (1 + cosine) / 2}). By default the
   * LangChain4j store's search; a backend may answer faster on its own.
   */
  default List<EmbeddingMatch<TextSegment>> search(Embedding query, MemoryFilter filter, int maxResults) {
    return store().search(EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(maxResults).minScore(0.0)
        .filter(filter.toFilter()).build()).matches();
  }

  /** The dimension the store holds now, empty when it does not fix one yet (an empty Chroma collection). */
  OptionalInt storedDimension();

  /** Ids of records matching the filter, at most {@code limit}. */
  List<String> ids(MemoryFilter filter, int limit);

  long count(MemoryFilter filter);

  /** Sets {@code last_accessed_at} of these records. */
  void touch(Collection<String> ids, long epochMillis);

  /** Deletes the collection and everything in it. */
  void drop();
}
