package dev.autonomy.memory;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import dev.langchain4j.store.embedding.filter.Filter;
import java.time.Instant;

/**
 * Which memories: by agent, goal and creation time ({@code createdFrom} inclusive,
 * {@code createdBefore} exclusive). Null parts do not filter.
 */
public record MemoryFilter(String agent, String goal, Instant createdFrom, Instant createdBefore) {
  public static final MemoryFilter ALL = new MemoryFilter(null, null, null, null);

  public static MemoryFilter agent(String agent) {
    return new MemoryFilter(agent, null, null, null);
  }

  public MemoryFilter withGoal(String goal) {
    return new MemoryFilter(agent, goal, createdFrom, createdBefore);
  }

  public MemoryFilter createdBetween(Instant from, Instant before) {
    return new MemoryFilter(agent, goal, from, before);
  }

  public MemoryFilter createdBefore(Instant before) {
    return new MemoryFilter(agent, goal, createdFrom, before);
  }

  /** The LangChain4j metadata filter, or null when nothing is filtered. */
  public Filter toFilter() {
    Filter filter = null;
    if (agent != null) {
      filter = and(filter, metadataKey(MemoryFields.AGENT).isEqualTo(agent));
    }
    if (goal != null) {
      filter = and(filter, metadataKey(MemoryFields.GOAL).isEqualTo(goal));
    }
    if (createdFrom != null) {
      filter = and(filter, metadataKey(MemoryFields.CREATED_AT).isGreaterThanOrEqualTo(createdFrom.toEpochMilli()));
    }
    if (createdBefore != null) {
      filter = and(filter, metadataKey(MemoryFields.CREATED_AT).isLessThan(createdBefore.toEpochMilli()));
    }
    return filter;
  }

  private static Filter and(Filter left, Filter right) {
    return left == null ? right : left.and(right);
  }
}
