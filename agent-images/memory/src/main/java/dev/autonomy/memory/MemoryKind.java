package dev.autonomy.memory;

import java.util.Locale;

/**
 * What a memory is. Each kind lives in its own collection (table or Chroma collection), named
 * {@code <prefix>_<collection>}: episodes and lessons are recalled together but plans are looked up
 * alone (plan memory), and an HNSW index filters after it searches, so a {@code kind = 'plan'}
 * filter on one mixed table could return fewer than k plans. Separate collections also let each
 * kind grow and be compacted on its own.
 */
public enum MemoryKind {
  /** What happened: a goal, the steps taken and the outcome. */
  EPISODE("episodes"),
  /** What was learned: a reflection after a failure or a success. */
  LESSON("lessons"),
  /** A plan tree that solved a goal, reusable for a similar goal. */
  PLAN("plans");

  private final String collection;

  MemoryKind(String collection) {
    this.collection = collection;
  }

  /** The collection suffix, e.g. {@code episodes}. */
  public String collection() {
    return collection;
  }

  /** The value stored in the {@code kind} metadata field, e.g. {@code episode}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MemoryKind fromValue(String value) {
    for (MemoryKind kind : values()) {
      if (kind.value().equalsIgnoreCase(value) || kind.collection.equalsIgnoreCase(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown memory kind '" + value + "' (episode, lesson, plan)");
  }
}
