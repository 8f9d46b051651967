package dev.autonomy.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every backend must do, against a real server: write, search with filters, TTL compaction,
 * access-time updates, and refuse a collection of another dimension with nothing written. Each test
 * uses its own collection prefix (a random suffix), so reruns never collide, and drops what it made.
 */
abstract class MemoryStoreContract {
  private final List<AgentMemory> opened = new ArrayList<>();

  /** The backend's settings, without a collection prefix. */
  abstract MemoryConfig.Builder config();

  static String prefix(String what) {
    return "it_" + what + "_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }

  AgentMemory open(MemoryConfig config, dev.langchain4j.model.embedding.EmbeddingModel model) {
    AgentMemory memory = AgentMemory.open(config, model);
    opened.add(memory);
    return memory;
  }

  AgentMemory open(String prefix) {
    return open(config().collectionPrefix(prefix).build(), EmbeddingModels.allMiniLmL6V2());
  }

  @AfterEach
  void dropCollections() {
    for (AgentMemory memory : opened) {
      try {
        memory.drop();
      } finally {
        memory.close();
      }
    }
  }

  @Test
  void writesAndRecallsWithFilters() {
    AgentMemory memory = open(prefix("recall"));
    Instant now = Instant.now();
    memory.rememberAll(List.of(
        NewMemory.episode("sre", "fix crashloop", "The payments pod was OOMKilled; raising its memory limit to 512Mi "
            + "fixed the crash loop.", 0.6).at(now.minus(Duration.ofHours(2))),
        NewMemory.episode("sre", "scale web", "Scaled the web deployment from 2 to 5 replicas for the sale.", 0.4)
            .at(now.minus(Duration.ofDays(3))),
        NewMemory.lesson("sre", "fix crashloop", "When a container is killed for memory, check its limit before "
            + "restarting it.", 0.9).at(now.minus(Duration.ofHours(1))),
        NewMemory.episode("billing-bot", "fix crashloop", "Invoice job ran out of memory and was restarted.", 0.5)
            .at(now.minus(Duration.ofHours(5))),
        NewMemory.plan("sre", "restart the payments deployment", "{\"tasks\":[\"rollout restart\"]}", 0.7)));

    assertThat(memory.count(MemoryKind.EPISODE)).isEqualTo(3);
    assertThat(memory.count(MemoryKind.LESSON)).isEqualTo(1);
    assertThat(memory.count(MemoryKind.PLAN)).isEqualTo(1);

    List<ScoredMemory> recalled = memory.recall(MemoryQuery.of("a pod keeps crashing because it runs out of memory", 2)
        .agent("sre"));
    assertThat(recalled).hasSize(2);
    assertThat(recalled).extracting(s -> s.record().agent()).containsOnly("sre");
    assertThat(recalled).extracting(s -> s.record().goal()).containsOnly("fix crashloop");
    assertThat(recalled).extracting(s -> s.record().kind()).containsExactlyInAnyOrder(MemoryKind.EPISODE,
        MemoryKind.LESSON);
    for (ScoredMemory s : recalled) {
      assertThat(s.relevance()).isBetween(0.2, 1.0);
      if (s.record().embedding() != null) {
        assertThat(s.record().embedding()).hasSize(384);
      }
      assertThat(s.record().createdAt()).isBefore(now);
    }

    assertThat(memory.recall(MemoryQuery.of("memory limit", 10).goal("scale web")))
        .extracting(s -> s.record().text()).containsExactly("Scaled the web deployment from 2 to 5 replicas for the "
            + "sale.");
    assertThat(memory.recall(MemoryQuery.of("memory", 10).kinds(MemoryKind.EPISODE)
        .createdBetween(now.minus(Duration.ofHours(6)), now.minus(Duration.ofHours(3)))))
        .extracting(s -> s.record().agent()).containsExactly("billing-bot");
    assertThat(memory.count(MemoryKind.EPISODE, MemoryFilter.agent("billing-bot"))).isEqualTo(1);

    ScoredMemory plan = memory.similarPlan("sre", "restart the payments deployment now", 0.8).orElseThrow();
    assertThat(plan.record().attribute("plan")).isEqualTo("{\"tasks\":[\"rollout restart\"]}");
    assertThat(memory.similarPlan("sre", "bake a chocolate cake", 0.8)).isEmpty();
    assertThat(memory.similarPlan("billing-bot", "restart the payments deployment", 0.8)).isEmpty();
  }

  @Test
  void recallMarksMemoriesAccessed() {
    AgentMemory memory = open(prefix("touch"));
    Instant created = Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    memory.remember(NewMemory.lesson("sre", "g", "Drain nodes one at a time and respect PodDisruptionBudgets.", 0.8)
        .at(created));
    ScoredMemory first = memory.recall(MemoryQuery.of("how to drain a node", 1)).get(0);
    assertThat(first.record().lastAccessedAt()).isEqualTo(created);
    assertThat(first.recency()).isLessThan(0.9);
    ScoredMemory second = memory.recall(MemoryQuery.of("how to drain a node", 1)).get(0);
    assertThat(second.record().lastAccessedAt()).isAfter(created.plus(Duration.ofDays(1)));
    assertThat(second.record().createdAt()).isEqualTo(created);
    assertThat(second.recency()).isGreaterThan(0.99);
  }

  @Test
  void ttlCompactionRemovesExpiredRecordsOnly() {
    AgentMemory memory = open(config().collectionPrefix(prefix("ttl")).ttl(Duration.ofDays(7)).build(),
        EmbeddingModels.allMiniLmL6V2());
    Instant now = Instant.now();
    List<NewMemory> batch = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      batch.add(NewMemory.episode("sre", "g", "expired episode " + i, 0.5).at(now.minus(Duration.ofDays(8 + i))));
    }
    for (int i = 0; i < 5; i++) {
      batch.add(NewMemory.episode("sre", "g", "kept episode " + i, 0.5).at(now.minus(Duration.ofDays(6))));
    }
    batch.add(NewMemory.lesson("sre", "g", "expired lesson", 0.5).at(now.minus(Duration.ofDays(30))));
    batch.add(NewMemory.lesson("sre", "g", "kept lesson", 0.5).at(now.minus(Duration.ofHours(1))));
    memory.rememberAll(batch);

    assertThat(memory.compact()).isEqualTo(26);
    assertThat(memory.count(MemoryKind.EPISODE)).isEqualTo(5);
    assertThat(memory.count(MemoryKind.LESSON)).isEqualTo(1);
    assertThat(memory.recall(MemoryQuery.of("episode", 30).kinds(MemoryKind.EPISODE)))
        .allSatisfy(s -> assertThat(s.record().text()).startsWith("kept"));
    assertThat(memory.compact()).isZero();
  }

  @Test
  void aStoreOfAnotherDimensionIsRefusedAndNothingIsWritten() {
    String prefix = prefix("dim");
    AgentMemory wide = open(config().collectionPrefix(prefix).build(), new HashingEmbeddingModel(768));
    wide.remember(NewMemory.episode("sre", "g", "written by a 768-dimensional model", 0.5));

    assertThatThrownBy(() -> AgentMemory.open(config().collectionPrefix(prefix).build(),
        EmbeddingModels.allMiniLmL6V2()))
        .isInstanceOf(DimensionMismatchException.class)
        .hasMessageContaining("holds 768-dimensional").hasMessageContaining("produces 384-dimensional")
        .hasMessageContaining(prefix + "_episodes").hasMessageContaining("nothing was written");
    assertThat(wide.count(MemoryKind.EPISODE)).isEqualTo(1);
    assertThat(wide.collection(MemoryKind.EPISODE).storedDimension()).hasValue(768);

    assertThatThrownBy(() -> AgentMemory.open(config().collectionPrefix(prefix("declared")).dimension(768).build(),
        EmbeddingModels.allMiniLmL6V2()))
        .isInstanceOf(DimensionMismatchException.class).hasMessageContaining("768").hasMessageContaining("384");
  }
}
