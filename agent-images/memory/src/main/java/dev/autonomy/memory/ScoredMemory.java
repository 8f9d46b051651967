package dev.autonomy.memory;

/**
 * A recalled memory with the parts of its score: {@code recency} = decay^hours since last access,
 * {@code importance} as written, {@code relevance} = cosine similarity to the query (-1..1), and
 * {@code score} combining them (see {@link RetrievalScorer}).
 */
public record ScoredMemory(MemoryRecord record, double score, double recency, double importance, double relevance) {}
