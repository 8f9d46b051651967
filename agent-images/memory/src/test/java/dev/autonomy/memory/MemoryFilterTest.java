package dev.autonomy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.store.embedding.filter.Filter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryFilterTest {
  static final Instant T = Instant.parse("2026-01-10T00:00:00Z");

  static Metadata meta(String agent, String goal, Instant created) {
    return new Metadata().put(MemoryFields.AGENT, agent).put(MemoryFields.GOAL, goal)
        .put(MemoryFields.CREATED_AT, created.toEpochMilli());
  }

  @Test
  void nothingFilteredIsNoFilter() {
    assertThat(MemoryFilter.ALL.toFilter()).isNull();
  }

  @Test
  void agentGoalAndTimeRange() {
    Filter f = MemoryFilter.agent("sre").withGoal("drain node")
        .createdBetween(T, T.plusSeconds(3600)).toFilter();
    assertThat(f.test(meta("sre", "drain node", T))).isTrue();
    assertThat(f.test(meta("sre", "drain node", T.plusSeconds(3599)))).isTrue();
    assertThat(f.test(meta("sre", "drain node", T.plusSeconds(3600)))).as("upper bound exclusive").isFalse();
    assertThat(f.test(meta("sre", "drain node", T.minusMillis(1)))).as("lower bound inclusive").isFalse();
    assertThat(f.test(meta("other", "drain node", T))).isFalse();
    assertThat(f.test(meta("sre", "scale up", T))).isFalse();
  }

  @Test
  void ttlSelectionIsCreatedBeforeTheCutoff() {
    Instant now = T.plusSeconds(10 * 86400);
    Instant cutoff = AgentMemory.cutoff(now, java.time.Duration.ofDays(7));
    assertThat(cutoff).isEqualTo(T.plusSeconds(3 * 86400));
    Filter expired = MemoryFilter.ALL.createdBefore(cutoff).toFilter();
    assertThat(expired.test(meta("a", "g", T))).isTrue();
    assertThat(expired.test(meta("a", "g", cutoff.minusMillis(1)))).isTrue();
    assertThat(expired.test(meta("a", "g", cutoff))).as("exactly TTL old is kept").isFalse();
    assertThat(expired.test(meta("a", "g", now))).isFalse();
  }
}
