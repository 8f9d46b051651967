package dev.autonomy.memory;

import java.util.List;

/**
 * Metadata keys of every record. In pgvector each is a typed column (LangChain4j's
 * column-per-key storage), so filters compare typed values and use b-tree indexes; in Chroma and
 * in-process they are metadata entries of the same names. Times are epoch milliseconds (UTC).
 */
public final class MemoryFields {
  public static final String AGENT = "agent";
  public static final String GOAL = "goal";
  public static final String KIND = "kind";
  public static final String IMPORTANCE = "importance";
  public static final String CREATED_AT = "created_at";
  public static final String LAST_ACCESSED_AT = "last_accessed_at";
  /** Free-form string attributes, stored as one JSON object string. */
  public static final String ATTRIBUTES = "attributes";

  /** pgvector column definitions, in insert order. */
  public static final List<String> PG_COLUMNS = List.of(
      AGENT + " text NULL",
      GOAL + " text NULL",
      KIND + " text NULL",
      IMPORTANCE + " float8 NULL",
      CREATED_AT + " bigint NULL",
      LAST_ACCESSED_AT + " bigint NULL",
      ATTRIBUTES + " text NULL");

  /** b-tree indexes for the filters the library issues (agent; time range and TTL). */
  public static final List<String> PG_INDEXES = List.of(AGENT, CREATED_AT);

  private MemoryFields() {}
}
