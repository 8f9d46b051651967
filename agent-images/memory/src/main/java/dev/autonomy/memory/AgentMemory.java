package dev.autonomy.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.memory.store.Backends;
import dev.autonomy.memory.store.MemoryBackend;
import dev.autonomy.memory.store.MemoryCollection;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An Agent's long-term memory: episodes, lessons and plans in a LangChain4j embedding store
 * (pgvector, Chroma, or in-process), recalled Generative-Agents style.
 *
 * <pre>{@code
 * try (AgentMemory memory = AgentMemory.open(MemoryConfig.fromEnvironment())) {
 *   memory.remember(NewMemory.lesson("sre-assistant", goal, "Check the PDB before draining a node.", 0.8));
 *   List<ScoredMemory> context = memory.recall(MemoryQuery.of(goal, 5).agent("sre-assistant"));
 *   Optional<ScoredMemory> plan = memory.similarPlan("sre-assistant", goal, 0.9);
 * }
 * }</pre>
 *
 * <p>Opening checks the model's dimension against the configuration and every collection the store
 * already has; a mismatch is a {@link DimensionMismatchException} and nothing is written. Thread-safe
 * as far as the backend is (all three are).
 */
public final class AgentMemory implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int COMPACTION_BATCH = 1000;

  private final MemoryConfig config;
  private final EmbeddingModel model;
  private final String modelName;
  private final MemoryBackend backend;
  private final boolean ownsBackend;
  private final int dimension;
  private final Map<MemoryKind, MemoryCollection> collections = new EnumMap<>(MemoryKind.class);
  private final RetrievalScorer scorer;
  private final Clock clock;

  private AgentMemory(MemoryConfig config, EmbeddingModel model, MemoryBackend backend, boolean ownsBackend,
      Clock clock) {
    this.config = config;
    this.model = model;
    this.modelName = modelName(model);
    this.backend = backend;
    this.ownsBackend = ownsBackend;
    this.clock = clock;
    this.scorer = config.scorer();
    this.dimension = model.dimension();
    config.dimension().filter(d -> d != dimension).ifPresent(d -> {
      throw new DimensionMismatchException("the MemoryStore (declared embedding dimension, AUTONOMY_MEMORY_DIMENSION)",
          d, modelName, dimension);
    });
    for (MemoryKind kind : MemoryKind.values()) {
      collections.put(kind, backend.collection(config.collection(kind), dimension));
    }
  }

  /** The configured store, embeddings from the configured model (all-MiniLM-L6-v2 by default). */
  public static AgentMemory open(MemoryConfig config) {
    return open(config, EmbeddingModels.byName(config.embeddingModel()));
  }

  public static AgentMemory open(MemoryConfig config, EmbeddingModel model) {
    MemoryBackend backend = Backends.open(config);
    try {
      return new AgentMemory(config, model, backend, true, Clock.systemUTC());
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  /** Over a backend the caller owns (shared between instances, or built by hand), with a clock (tests). */
  public static AgentMemory open(MemoryConfig config, EmbeddingModel model, MemoryBackend backend, Clock clock) {
    return new AgentMemory(config, model, backend, false, clock);
  }

  /** Writes one memory and returns its id. */
  public String remember(NewMemory memory) {
    return rememberAll(List.of(memory)).get(0);
  }

  /**
   * Embeds and writes memories, in one batch per kind. Every embedding is checked first: one of the
   * wrong dimension fails the call with nothing written.
   */
  public List<String> rememberAll(List<NewMemory> memories) {
    if (memories.isEmpty()) {
      return List.of();
    }
    List<TextSegment> texts = memories.stream().map(m -> TextSegment.from(m.text())).toList();
    List<Embedding> embeddings = model.embedAll(texts).content();
    return write(memories, embeddings);
  }

  /** Writes memories whose embeddings the caller computed (same model!). */
  public List<String> write(List<NewMemory> memories, List<Embedding> embeddings) {
    if (memories.size() != embeddings.size()) {
      throw new IllegalArgumentException(memories.size() + " memories but " + embeddings.size() + " embeddings");
    }
    for (Embedding e : embeddings) {
      if (e.dimension() != dimension) {
        throw new DimensionMismatchException(collections.get(MemoryKind.EPISODE).describe(), dimension, modelName,
            e.dimension());
      }
    }
    Instant now = clock.instant();
    List<String> ids = new ArrayList<>(memories.size());
    Map<MemoryKind, List<Integer>> byKind = new EnumMap<>(MemoryKind.class);
    for (int i = 0; i < memories.size(); i++) {
      ids.add(UUID.randomUUID().toString());
      byKind.computeIfAbsent(memories.get(i).kind(), k -> new ArrayList<>()).add(i);
    }
    byKind.forEach((kind, indexes) -> {
      List<String> kindIds = new ArrayList<>();
      List<Embedding> kindEmbeddings = new ArrayList<>();
      List<TextSegment> segments = new ArrayList<>();
      for (int i : indexes) {
        NewMemory m = memories.get(i);
        kindIds.add(ids.get(i));
        kindEmbeddings.add(embeddings.get(i));
        segments.add(TextSegment.from(m.text(), metadata(m, now)));
      }
      collections.get(kind).store().addAll(kindIds, kindEmbeddings, segments);
    });
    return ids;
  }

  static Metadata metadata(NewMemory m, Instant now) {
    Instant created = m.createdAt() != null ? m.createdAt() : now;
    Metadata metadata = new Metadata()
        .put(MemoryFields.KIND, m.kind().value())
        .put(MemoryFields.IMPORTANCE, m.importance())
        .put(MemoryFields.CREATED_AT, created.toEpochMilli())
        .put(MemoryFields.LAST_ACCESSED_AT, created.toEpochMilli());
    if (m.agent() != null) {
      metadata.put(MemoryFields.AGENT, m.agent());
    }
    if (m.goal() != null) {
      metadata.put(MemoryFields.GOAL, m.goal());
    }
    if (!m.attributes().isEmpty()) {
      try {
        metadata.put(MemoryFields.ATTRIBUTES, JSON.writeValueAsString(m.attributes()));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("attributes", e);
      }
    }
    return metadata;
  }

  /** Embeds the query text and recalls. */
  public List<ScoredMemory> recall(MemoryQuery query) {
    return recall(query, model.embed(query.text()).content());
  }

  /**
   * The {@code candidates} nearest neighbours of the query in each of its kinds (filtered), scored
   * by recency, importance and relevance; the best {@code k}, best first. Recalled memories count as
   * accessed (their recency resets) unless TOUCH_ON_RECALL is off.
   */
  public List<ScoredMemory> recall(MemoryQuery query, Embedding queryEmbedding) {
    int candidates = query.candidates() != null ? query.candidates() : Math.max(query.k(), config.candidates());
    Instant now = clock.instant();
    List<RetrievalScorer.Candidate> found = new ArrayList<>();
    for (MemoryKind kind : query.kinds()) {
      for (EmbeddingMatch<TextSegment> match : collections.get(kind).search(queryEmbedding, query.filter(),
          candidates)) {
        MemoryRecord record = record(kind, match);
        double relevance = record.embedding() != null
            ? RetrievalScorer.cosine(queryEmbedding.vector(), record.embedding())
            : 2 * match.score() - 1;
        found.add(new RetrievalScorer.Candidate(record, relevance));
      }
    }
    List<ScoredMemory> best = scorer.rank(found, now, query.k());
    if (config.touchOnRecall() && !best.isEmpty()) {
      Map<MemoryKind, List<String>> ids = new EnumMap<>(MemoryKind.class);
      best.forEach(s -> ids.computeIfAbsent(s.record().kind(), k -> new ArrayList<>()).add(s.record().id()));
      ids.forEach((kind, kindIds) -> collections.get(kind).touch(kindIds, now.toEpochMilli()));
    }
    return best;
  }

  /**
   * Plan memory: the stored plan whose goal is most similar to {@code goal} (cosine ≥
   * {@code minRelevance}), for reuse without a model call. Ranked by relevance alone.
   */
  public Optional<ScoredMemory> similarPlan(String agent, String goal, double minRelevance) {
    MemoryQuery query = new MemoryQuery(goal, java.util.EnumSet.of(MemoryKind.PLAN), MemoryFilter.agent(agent), 1,
        Math.max(10, config.candidates() / 5));
    Embedding embedding = model.embed(goal).content();
    ScoredMemory best = null;
    for (EmbeddingMatch<TextSegment> match : collections.get(MemoryKind.PLAN).search(embedding, query.filter(),
        query.candidates())) {
      MemoryRecord record = record(MemoryKind.PLAN, match);
      double relevance = record.embedding() != null ? RetrievalScorer.cosine(embedding.vector(), record.embedding())
          : 2 * match.score() - 1;
      if (relevance >= minRelevance && (best == null || relevance > best.relevance())) {
        Instant accessed = record.lastAccessedAt() != null ? record.lastAccessedAt() : clock.instant();
        best = new ScoredMemory(record, relevance, scorer.recency(accessed, clock.instant()), record.importance(),
            relevance);
      }
    }
    if (best != null && config.touchOnRecall()) {
      collections.get(MemoryKind.PLAN).touch(List.of(best.record().id()), clock.instant().toEpochMilli());
    }
    return Optional.ofNullable(best);
  }

  static MemoryRecord record(MemoryKind kind, EmbeddingMatch<TextSegment> match) {
    TextSegment segment = match.embedded();
    Map<String, Object> m = segment == null ? Map.of() : segment.metadata().toMap();
    Map<String, String> attributes = Map.of();
    Object rawAttributes = m.get(MemoryFields.ATTRIBUTES);
    if (rawAttributes != null) {
      try {
        attributes = JSON.readValue(rawAttributes.toString(), new TypeReference<LinkedHashMap<String, String>>() {});
      } catch (JsonProcessingException e) {
        attributes = Map.of("attributes", rawAttributes.toString());
      }
    }
    return new MemoryRecord(match.embeddingId(), kind, string(m.get(MemoryFields.AGENT)),
        string(m.get(MemoryFields.GOAL)), segment == null ? null : segment.text(),
        number(m.get(MemoryFields.IMPORTANCE), 0), instant(m.get(MemoryFields.CREATED_AT)),
        instant(m.get(MemoryFields.LAST_ACCESSED_AT)), attributes,
        match.embedding() == null ? null : match.embedding().vector());
  }

  private static String string(Object o) {
    return o == null ? null : o.toString();
  }

  private static double number(Object o, double fallback) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    return o == null ? fallback : Double.parseDouble(o.toString());
  }

  private static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    long millis = o instanceof Number n ? n.longValue() : Long.parseLong(o.toString());
    return Instant.ofEpochMilli(millis);
  }

  /** TTL compaction with the configured TTL; 0 when none is set. */
  public int compact() {
    return config.ttl().map(ttl -> compact(ttl, clock.instant()).total()).orElse(0);
  }

  /** What a compaction removed, per kind, and the cutoff: records created before it went. */
  public record Compaction(Instant cutoff, Map<MemoryKind, Integer> removed) {
    public int total() {
      return removed.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** The creation time before which a record is expired. */
  public static Instant cutoff(Instant now, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    return now.minus(ttl);
  }

  /** Deletes every record created before {@code now - ttl}, in batches; returns what was deleted. */
  public Compaction compact(Duration ttl, Instant now) {
    Instant cutoff = cutoff(now, ttl);
    MemoryFilter expired = MemoryFilter.ALL.createdBefore(cutoff);
    Map<MemoryKind, Integer> removed = new EnumMap<>(MemoryKind.class);
    for (MemoryKind kind : MemoryKind.values()) {
      MemoryCollection collection = collections.get(kind);
      int n = 0;
      while (true) {
        List<String> ids = collection.ids(expired, COMPACTION_BATCH);
        if (ids.isEmpty()) {
          break;
        }
        collection.store().removeAll(ids);
        n += ids.size();
      }
      removed.put(kind, n);
    }
    return new Compaction(cutoff, removed);
  }

  public long count(MemoryKind kind, MemoryFilter filter) {
    return collections.get(kind).count(filter);
  }

  public long count(MemoryKind kind) {
    return count(kind, MemoryFilter.ALL);
  }

  public void forget(MemoryKind kind, Collection<String> ids) {
    if (!ids.isEmpty()) {
      collections.get(kind).store().removeAll(ids);
    }
  }

  /** Deletes the three collections and everything in them. */
  public void drop() {
    collections.values().forEach(MemoryCollection::drop);
  }

  public int dimension() {
    return dimension;
  }

  public MemoryConfig config() {
    return config;
  }

  public MemoryBackend backend() {
    return backend;
  }

  public MemoryCollection collection(MemoryKind kind) {
    return collections.get(kind);
  }

  public EmbeddingModel model() {
    return model;
  }

  @Override
  public void close() {
    if (ownsBackend) {
      backend.close();
    }
  }

  static String modelName(EmbeddingModel model) {
    try {
      String name = model.modelName();
      if (name != null && !name.isBlank() && !"unknown".equalsIgnoreCase(name)) {
        return "the embedding model " + name;
      }
    } catch (RuntimeException ignored) {
      // not every model names itself
    }
    return "the embedding model " + model.getClass().getSimpleName();
  }
}
