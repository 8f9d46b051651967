package dev.autonomy.planner.memory;

import dev.autonomy.memory.AgentMemory;
import dev.autonomy.memory.MemoryQuery;
import dev.autonomy.memory.NewMemory;
import dev.autonomy.memory.ScoredMemory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The Agent's memory as the planner uses it, over the memory library's {@link AgentMemory}: recall of
 * episodes and lessons, plan memory, and writes, all scoped to this Agent. The store may still be
 * opening (loading the embedding model takes about a second) when the first goal arrives: calls wait
 * for it up to {@code openTimeout}. A memory failure degrades a goal (no context, no reuse), it
 * never fails it.
 */
public final class PlannerMemory implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PlannerMemory.class);

  private final String agent;
  private final CompletableFuture<AgentMemory> memory;
  private final Duration openTimeout;

  public PlannerMemory(String agent, CompletableFuture<AgentMemory> memory, Duration openTimeout) {
    this.agent = agent;
    this.memory = memory;
    this.openTimeout = openTimeout;
  }

  public static PlannerMemory of(String agent, AgentMemory memory) {
    return new PlannerMemory(agent, CompletableFuture.completedFuture(memory), Duration.ZERO);
  }

  public String agent() {
    return agent;
  }

  /** The store, waiting for it to open; empty when it failed or is not open in time. */
  public Optional<AgentMemory> store() {
    try {
      return Optional.of(memory.isDone() ? memory.get() : memory.get(openTimeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      return Optional.empty();
    } catch (TimeoutException e) {
      LOG.warnf("the memory store is not open after %d ms; going on without it", openTimeout.toMillis());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** True once the store is open. */
  public boolean ready() {
    return memory.isDone() && !memory.isCompletedExceptionally();
  }

  /** Episodes and lessons relevant to {@code text}, best first (recency × importance × relevance). */
  public List<ScoredMemory> recall(String text, int k) {
    return store().map(m -> {
      try {
        return m.recall(MemoryQuery.of(text, k).agent(agent));
      } catch (RuntimeException e) {
        LOG.warnf("memory recall failed: %s", e.toString());
        return List.<ScoredMemory>of();
      }
    }).orElse(List.of());
  }

  /** The stored plan of the most similar solved goal with relevance ≥ {@code threshold}. */
  public Optional<ScoredMemory> similarPlan(String goal, double threshold) {
    return store().flatMap(m -> {
      try {
        return m.similarPlan(agent, goal, threshold);
      } catch (RuntimeException e) {
        LOG.warnf("plan memory lookup failed: %s", e.toString());
        return Optional.empty();
      }
    });
  }

  /** Writes a memory; returns its id, empty when it could not be written. */
  public Optional<String> remember(NewMemory m) {
    return store().flatMap(s -> {
      try {
        return Optional.of(s.remember(m));
      } catch (RuntimeException e) {
        LOG.warnf("memory write (%s) failed: %s", m.kind().value(), e.toString());
        return Optional.empty();
      }
    });
  }

  public Optional<String> lesson(String goal, String text, double importance) {
    return remember(NewMemory.lesson(agent, goal, text, importance));
  }

  public Optional<String> episode(String goal, String text, double importance, Map<String, String> attributes) {
    return remember(NewMemory.episode(agent, goal, text, importance).withAttributes(attributes));
  }

  public Optional<String> plan(String goal, String planJson, double importance) {
    return remember(NewMemory.plan(agent, goal, planJson, importance));
  }

  /** Where the memory lives, for logs. */
  public String describe() {
    return store().map(m -> m.backend().name()).orElse("unavailable");
  }

  @Override
  public void close() {
    memory.thenAccept(AgentMemory::close);
  }
}
