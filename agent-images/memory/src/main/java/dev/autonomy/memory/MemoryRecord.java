package dev.autonomy.memory;

import java.time.Instant;
import java.util.Map;

/** A stored memory as read back. {@code embedding} is null where the store did not return it. */
public record MemoryRecord(String id, MemoryKind kind, String agent, String goal, String text, double importance,
    Instant createdAt, Instant lastAccessedAt, Map<String, String> attributes, float[] embedding) {

  public MemoryRecord {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** An attribute, e.g. {@code plan} of a plan memory. */
  public String attribute(String key) {
    return attributes.get(key);
  }

  @Override
  public String toString() {
    return "MemoryRecord[" + kind.value() + " " + id + " agent=" + agent + " goal=" + goal + " importance=" + importance
        + " createdAt=" + createdAt + " lastAccessedAt=" + lastAccessedAt + " text=" + text + "]";
  }
}
