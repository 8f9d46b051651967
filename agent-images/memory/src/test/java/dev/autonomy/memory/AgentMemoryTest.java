package dev.autonomy.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.memory.store.InProcessBackend;
import dev.langchain4j.data.embedding.Embedding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The library over the in-process store, with a deterministic model and clock: no server. */
class AgentMemoryTest {
  static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
  final HashingEmbeddingModel model = new HashingEmbeddingModel(64);
  final InProcessBackend backend = new InProcessBackend();

  AgentMemory open(MemoryConfig config) {
    return AgentMemory.open(config, model, backend, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  AgentMemory open() {
    return open(MemoryConfig.inProcess());
  }

  @Test
  void defaultConfigurationIsTheInProcessFallback() {
    try (AgentMemory memory = AgentMemory.open(MemoryConfig.from(Map.of(), Map.of()), model)) {
      assertThat(memory.backend().name()).isEqualTo("in-process");
      memory.remember(NewMemory.episode("a", "g", "restarted the api deployment", 0.5));
      assertThat(memory.count(MemoryKind.EPISODE)).isEqualTo(1);
      assertThat(memory.recall(MemoryQuery.of("restart api", 3))).hasSize(1);
    }
  }

  @Test
  void remembersAndRecallsByRelevanceWithMetadata() {
    AgentMemory memory = open();
    memory.rememberAll(List.of(
        NewMemory.episode("sre", "fix crashloop", "pod crashloop fixed by raising the memory limit", 0.5),
        NewMemory.episode("sre", "scale", "scaled the web deployment to five replicas", 0.5),
        NewMemory.lesson("sre", "fix crashloop", "check memory limit first when a pod is OOMKilled", 0.9)
            .withAttributes(Map.of("source", "reflection"))));
    List<ScoredMemory> recalled = memory.recall(MemoryQuery.of("pod crashloop memory limit", 2));
    assertThat(recalled).hasSize(2);
    assertThat(recalled).extracting(s -> s.record().kind()).containsExactlyInAnyOrder(MemoryKind.EPISODE,
        MemoryKind.LESSON);
    ScoredMemory lesson = recalled.stream().filter(s -> s.record().kind() == MemoryKind.LESSON).findFirst()
        .orElseThrow();
    assertThat(lesson.record().agent()).isEqualTo("sre");
    assertThat(lesson.record().goal()).isEqualTo("fix crashloop");
    assertThat(lesson.record().importance()).isEqualTo(0.9);
    assertThat(lesson.record().createdAt()).isEqualTo(NOW);
    assertThat(lesson.record().attribute("source")).isEqualTo("reflection");
    assertThat(lesson.relevance()).isGreaterThan(0.3);
  }

  @Test
  void filtersByAgentGoalAndTime() {
    AgentMemory memory = open();
    memory.rememberAll(List.of(
        NewMemory.episode("a", "g1", "deploy the canary", 0.5).at(NOW.minus(Duration.ofDays(3))),
        NewMemory.episode("a", "g2", "deploy the canary again", 0.5).at(NOW.minus(Duration.ofDays(1))),
        NewMemory.episode("b", "g1", "deploy the canary for b", 0.5).at(NOW.minus(Duration.ofHours(1)))));
    assertThat(memory.recall(MemoryQuery.of("deploy canary", 10).agent("a"))).extracting(s -> s.record().agent())
        .containsOnly("a").hasSize(2);
    assertThat(memory.recall(MemoryQuery.of("deploy canary", 10).goal("g1"))).extracting(s -> s.record().goal())
        .containsOnly("g1").hasSize(2);
    assertThat(memory.recall(MemoryQuery.of("deploy canary", 10)
        .createdBetween(NOW.minus(Duration.ofDays(2)), NOW))).extracting(s -> s.record().text())
        .containsExactlyInAnyOrder("deploy the canary again", "deploy the canary for b");
    assertThat(memory.count(MemoryKind.EPISODE, MemoryFilter.agent("b"))).isEqualTo(1);
  }

  @Test
  void recallRefreshesAccessTime() {
    AgentMemory memory = open();
    memory.remember(NewMemory.episode("a", "g", "rotated the tls certificate", 0.5).at(NOW.minus(Duration.ofHours(48))));
    ScoredMemory first = memory.recall(MemoryQuery.of("tls certificate", 1)).get(0);
    assertThat(first.recency()).isEqualTo(Math.pow(0.995, 48), org.assertj.core.data.Offset.offset(1e-9));
    ScoredMemory second = memory.recall(MemoryQuery.of("tls certificate", 1)).get(0);
    assertThat(second.recency()).isEqualTo(1.0);
    assertThat(second.record().lastAccessedAt()).isEqualTo(NOW);
    assertThat(second.record().createdAt()).isEqualTo(NOW.minus(Duration.ofHours(48)));

    AgentMemory noTouch = open(MemoryConfig.builder().touchOnRecall(false).collectionPrefix("other").build());
    noTouch.remember(NewMemory.episode("a", "g", "old", 0.5).at(NOW.minus(Duration.ofHours(10))));
    noTouch.recall(MemoryQuery.of("old", 1));
    assertThat(noTouch.recall(MemoryQuery.of("old", 1)).get(0).recency()).isLessThan(1.0);
  }

  @Test
  void ttlCompactionDeletesOnlyExpiredRecordsAndCountsThem() {
    AgentMemory memory = open(MemoryConfig.builder().ttl(Duration.ofDays(7)).build());
    memory.rememberAll(List.of(
        NewMemory.episode("a", "g", "ancient episode", 0.9).at(NOW.minus(Duration.ofDays(30))),
        NewMemory.episode("a", "g", "old episode", 0.9).at(NOW.minus(Duration.ofDays(8))),
        NewMemory.episode("a", "g", "recent episode", 0.1).at(NOW.minus(Duration.ofDays(6))),
        NewMemory.lesson("a", "g", "old lesson", 0.5).at(NOW.minus(Duration.ofDays(7)).minusMillis(1)),
        NewMemory.lesson("a", "g", "borderline lesson", 0.5).at(NOW.minus(Duration.ofDays(7))),
        NewMemory.plan("a", "g", "{\"steps\":[]}", 0.5)));
    AgentMemory.Compaction c = memory.compact(Duration.ofDays(7), NOW);
    assertThat(c.cutoff()).isEqualTo(NOW.minus(Duration.ofDays(7)));
    assertThat(c.removed()).containsEntry(MemoryKind.EPISODE, 2).containsEntry(MemoryKind.LESSON, 1)
        .containsEntry(MemoryKind.PLAN, 0);
    assertThat(c.total()).isEqualTo(3);
    assertThat(memory.count(MemoryKind.EPISODE)).isEqualTo(1);
    assertThat(memory.count(MemoryKind.LESSON)).isEqualTo(1);
    assertThat(memory.recall(MemoryQuery.of("episode", 5).kinds(MemoryKind.EPISODE)))
        .extracting(s -> s.record().text()).containsExactly("recent episode");
    assertThat(memory.compact()).as("configured TTL, nothing left to remove").isZero();
    assertThat(open(MemoryConfig.builder().collectionPrefix("nottl").build()).compact()).isZero();
  }

  @Test
  void planMemoryFindsASimilarSolvedGoal() {
    AgentMemory memory = open();
    memory.remember(NewMemory.plan("sre", "restart the payments deployment in staging", "{\"tasks\":[1,2]}", 0.7));
    memory.remember(NewMemory.plan("other", "restart the payments deployment in staging", "{\"tasks\":[9]}", 0.7));
    ScoredMemory hit = memory.similarPlan("sre", "restart the payments deployment in production", 0.6).orElseThrow();
    assertThat(hit.record().attribute("plan")).isEqualTo("{\"tasks\":[1,2]}");
    assertThat(hit.relevance()).isGreaterThan(0.6).isLessThan(1.0);
    assertThat(memory.similarPlan("sre", "write a haiku about autumn leaves", 0.6)).isEmpty();
  }

  @Test
  void configuredDimensionMustMatchTheModel() {
    assertThatThrownBy(() -> open(MemoryConfig.builder().dimension(384).build()))
        .isInstanceOf(DimensionMismatchException.class)
        .hasMessageContaining("384-dimensional").hasMessageContaining("64-dimensional")
        .hasMessageContaining("hashing-64");
  }

  @Test
  void aStoreOfAnotherDimensionIsRefusedAndNothingIsWritten() {
    AgentMemory wide = AgentMemory.open(MemoryConfig.inProcess(), new HashingEmbeddingModel(128), backend,
        Clock.fixed(NOW, ZoneOffset.UTC));
    wide.remember(NewMemory.episode("a", "g", "written with a 128-d model", 0.5));

    assertThatThrownBy(this::open).isInstanceOf(DimensionMismatchException.class)
        .hasMessageContaining("holds 128-dimensional").hasMessageContaining("produces 64-dimensional")
        .hasMessageContaining("autonomy_memory_episodes").hasMessageContaining("nothing was written")
        .satisfies(e -> {
          assertThat(((DimensionMismatchException) e).storeDimension()).isEqualTo(128);
          assertThat(((DimensionMismatchException) e).modelDimension()).isEqualTo(64);
        });
    assertThat(wide.count(MemoryKind.EPISODE)).isEqualTo(1);
  }

  @Test
  void anEmbeddingOfTheWrongSizeFailsTheWholeBatch() {
    AgentMemory memory = open();
    List<NewMemory> batch = List.of(NewMemory.episode("a", "g", "one", 0.5), NewMemory.lesson("a", "g", "two", 0.5));
    assertThatThrownBy(() -> memory.write(batch, List.of(Embedding.from(model.vector("one")),
        Embedding.from(new float[32])))).isInstanceOf(DimensionMismatchException.class)
        .hasMessageContaining("32-dimensional");
    assertThat(memory.count(MemoryKind.EPISODE) + memory.count(MemoryKind.LESSON)).isZero();
  }

  @Test
  void forgetAndDrop() {
    AgentMemory memory = open();
    String id = memory.remember(NewMemory.lesson("a", "g", "forget me", 0.5));
    memory.remember(NewMemory.lesson("a", "g", "keep me", 0.5));
    memory.forget(MemoryKind.LESSON, List.of(id));
    assertThat(memory.count(MemoryKind.LESSON)).isEqualTo(1);
    memory.drop();
    assertThat(memory.count(MemoryKind.LESSON)).isZero();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> NewMemory.episode("a", "g", " ", 0.5)).hasMessageContaining("text");
    assertThatThrownBy(() -> NewMemory.episode("a", "g", "x", 1.5)).hasMessageContaining("0..1");
    assertThatThrownBy(() -> MemoryQuery.of("x", 0)).hasMessageContaining("k must");
    assertThatThrownBy(() -> MemoryQuery.of("x", 5).candidates(2)).hasMessageContaining("at least k");
  }
}
