package dev.autonomy.memory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to recall: the query text, the kinds to search, a filter, how many to return ({@code k}) and
 * how many nearest neighbours to fetch per kind before re-ranking ({@code candidates}, at least k;
 * null takes the configured default).
 */
public record MemoryQuery(String text, Set<MemoryKind> kinds, MemoryFilter filter, int k, Integer candidates) {

  public MemoryQuery {
    Objects.requireNonNull(text, "text");
    kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(MemoryKind.class) : EnumSet.copyOf(kinds);
    filter = filter == null ? MemoryFilter.ALL : filter;
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    if (candidates != null && candidates < k) {
      throw new IllegalArgumentException("candidates (" + candidates + ") must be at least k (" + k + ")");
    }
  }

  /** Episodes and lessons, the default recall before planning. */
  public static MemoryQuery of(String text, int k) {
    return new MemoryQuery(text, EnumSet.of(MemoryKind.EPISODE, MemoryKind.LESSON), MemoryFilter.ALL, k, null);
  }

  public MemoryQuery kinds(MemoryKind first, MemoryKind... rest) {
    return new MemoryQuery(text, EnumSet.of(first, rest), filter, k, candidates);
  }

  public MemoryQuery agent(String agent) {
    return new MemoryQuery(text, kinds, new MemoryFilter(agent, filter.goal(), filter.createdFrom(),
        filter.createdBefore()), k, candidates);
  }

  public MemoryQuery goal(String goal) {
    return new MemoryQuery(text, kinds, filter.withGoal(goal), k, candidates);
  }

  public MemoryQuery createdBetween(Instant from, Instant before) {
    return new MemoryQuery(text, kinds, filter.createdBetween(from, before), k, candidates);
  }

  public MemoryQuery candidates(int candidates) {
    return new MemoryQuery(text, kinds, filter, k, candidates);
  }
}
