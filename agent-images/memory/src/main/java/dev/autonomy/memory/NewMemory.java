package dev.autonomy.memory;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A memory to write. {@code createdAt} null means now; {@code importance} is 0..1 (Generative Agents
 * asks the model for 1..10: divide by 10).
 */
public record NewMemory(MemoryKind kind, String agent, String goal, String text, double importance, Instant createdAt,
    Map<String, String> attributes) {

  public NewMemory {
    Objects.requireNonNull(kind, "kind");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a memory needs text");
    }
    if (!(importance >= 0 && importance <= 1)) {
      throw new IllegalArgumentException("importance must be within 0..1, was " + importance);
    }
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public static NewMemory episode(String agent, String goal, String text, double importance) {
    return new NewMemory(MemoryKind.EPISODE, agent, goal, text, importance, null, Map.of());
  }

  public static NewMemory lesson(String agent, String goal, String text, double importance) {
    return new NewMemory(MemoryKind.LESSON, agent, goal, text, importance, null, Map.of());
  }

  /** A solved goal's plan: the goal is what recall compares against, the plan is kept in {@code planJson}. */
  public static NewMemory plan(String agent, String goal, String planJson, double importance) {
    return new NewMemory(MemoryKind.PLAN, agent, goal, goal, importance, null, Map.of("plan", planJson));
  }

  public NewMemory at(Instant created) {
    return new NewMemory(kind, agent, goal, text, importance, created, attributes);
  }

  public NewMemory withAttributes(Map<String, String> more) {
    java.util.Map<String, String> merged = new java.util.LinkedHashMap<>(attributes);
    merged.putAll(more);
    return new NewMemory(kind, agent, goal, text, importance, createdAt, merged);
  }
}
