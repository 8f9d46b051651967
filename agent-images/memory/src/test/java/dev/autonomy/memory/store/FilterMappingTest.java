package dev.autonomy.memory.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.memory.MemoryFilter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterMappingTest {
  static final Instant T = Instant.ofEpochMilli(1_700_000_000_000L);

  @Test
  void chromaWhere() {
    assertThat(ChromaBackend.where(MemoryFilter.ALL)).isNull();
    assertThat(ChromaBackend.where(MemoryFilter.agent("sre"))).isEqualTo(Map.of("agent", Map.of("$eq", "sre")));
    assertThat(ChromaBackend.where(MemoryFilter.agent("sre").createdBetween(T, T.plusMillis(5))))
        .isEqualTo(Map.of("$and", List.of(
            Map.of("agent", Map.of("$eq", "sre")),
            Map.of("created_at", Map.of("$gte", 1_700_000_000_000L)),
            Map.of("created_at", Map.of("$lt", 1_700_000_000_005L)))));
  }

  @Test
  void postgresWhereIsParameterised() {
    PgVectorBackend.Where none = PgVectorBackend.Where.of(MemoryFilter.ALL);
    assertThat(none.sql()).isEmpty();
    PgVectorBackend.Where w = PgVectorBackend.Where.of(MemoryFilter.agent("o'brien").withGoal("g").createdBefore(T));
    assertThat(w.sql()).isEqualTo(" WHERE agent = ? AND goal = ? AND created_at < ?");
    assertThat(w.params()).containsExactly("o'brien", "g", 1_700_000_000_000L);
  }
}
