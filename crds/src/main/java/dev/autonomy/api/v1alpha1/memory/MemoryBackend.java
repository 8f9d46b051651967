package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The vector database behind a MemoryStore. */
public enum MemoryBackend {
  /** PostgreSQL with the pgvector extension. */
  @JsonProperty("pgvector")
  PGVECTOR("pgvector"),

  /** Chroma. */
  @JsonProperty("chroma")
  CHROMA("chroma"),

  /** Qdrant. */
  @JsonProperty("qdrant")
  QDRANT("qdrant");

  private final String value;

  MemoryBackend(String value) {
    this.value = value;
  }

  /** The value as written in a manifest. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
