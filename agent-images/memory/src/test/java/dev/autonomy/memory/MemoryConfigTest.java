package dev.autonomy.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.memory.MemoryConfig.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryConfigTest {

  @Test
  void nothingSetIsInProcessWithThePaperDefaults() {
    MemoryConfig c = MemoryConfig.from(Map.of(), Map.of());
    assertThat(c.backend()).isEqualTo(Backend.IN_PROCESS);
    assertThat(c.collection(MemoryKind.EPISODE)).isEqualTo("autonomy_memory_episodes");
    assertThat(c.collection(MemoryKind.PLAN)).isEqualTo("autonomy_memory_plans");
    assertThat(c.ttl()).isEmpty();
    assertThat(c.dimension()).isEmpty();
    assertThat(c.embeddingModel()).isEqualTo("all-MiniLM-L6-v2");
    assertThat(c.scorer().weights()).isEqualTo(RetrievalScorer.Weights.EQUAL);
    assertThat(c.scorer().decayPerHour()).isEqualTo(0.995);
    assertThat(c.touchOnRecall()).isTrue();
  }

  @Test
  void pgvectorFromTheEnvTheOperatorInjects() {
    MemoryConfig c = MemoryConfig.from(Map.of(), Map.of(
        "AUTONOMY_MEMORY_URL", "jdbc:postgresql://agent-memory.team.svc:5432/memory",
        "AUTONOMY_MEMORY_USER", "autonomy",
        "AUTONOMY_MEMORY_PASSWORD", "s3cret",
        "AUTONOMY_MEMORY_DIMENSION", "384",
        "AUTONOMY_MEMORY_TTL", "720h",
        "AUTONOMY_MEMORY_COLLECTION_PREFIX", "team_sre",
        "AUTONOMY_MEMORY_WEIGHT_RELEVANCE", "2",
        "AUTONOMY_MEMORY_SCORING", "product"));
    assertThat(c.backend()).isEqualTo(Backend.PGVECTOR);
    assertThat(c.host()).isEqualTo("agent-memory.team.svc");
    assertThat(c.port()).isEqualTo(5432);
    assertThat(c.database()).isEqualTo("memory");
    assertThat(c.user()).isEqualTo("autonomy");
    assertThat(c.password()).isEqualTo("s3cret");
    assertThat(c.dimension()).contains(384);
    assertThat(c.ttl()).contains(Duration.ofDays(30));
    assertThat(c.collection(MemoryKind.LESSON)).isEqualTo("team_sre_lessons");
    assertThat(c.scorer().weights()).isEqualTo(new RetrievalScorer.Weights(1, 1, 2));
    assertThat(c.scorer().combination()).isEqualTo(RetrievalScorer.Combination.WEIGHTED_PRODUCT);
    assertThat(c.toString()).doesNotContain("s3cret").contains("agent-memory.team.svc:5432/memory");
  }

  @Test
  void hostAndPortOverrideTheUrlForLoopback() {
    MemoryConfig c = MemoryConfig.from(Map.of(), Map.of(
        "AUTONOMY_MEMORY_URL", "postgresql://u:p%40ss@agent-memory.team.svc:5432/memory",
        "AUTONOMY_MEMORY_HOST", "127.0.0.1",
        "AUTONOMY_MEMORY_PORT", "55432"));
    assertThat(c.backend()).isEqualTo(Backend.PGVECTOR);
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(55432);
    assertThat(c.database()).isEqualTo("memory");
    assertThat(c.user()).isEqualTo("u");
    assertThat(c.password()).isEqualTo("p@ss");
  }

  @Test
  void credentialsFromAMountedSecret(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("username"), "memory-user\n");
    Files.writeString(dir.resolve("password"), "from-secret\n");
    MemoryConfig c = MemoryConfig.from(Map.of(), Map.of(
        "AUTONOMY_MEMORY_BACKEND", "pgvector",
        "AUTONOMY_MEMORY_HOST", "127.0.0.1",
        "AUTONOMY_MEMORY_SECRET_DIR", dir.toString()));
    assertThat(c.user()).isEqualTo("memory-user");
    assertThat(c.password()).isEqualTo("from-secret");
    assertThat(c.database()).isEqualTo("postgres");
    assertThat(c.port()).isEqualTo(5432);

    Path file = dir.resolve("pw");
    Files.writeString(file, "from-file");
    assertThat(MemoryConfig.from(Map.of(), Map.of("AUTONOMY_MEMORY_BACKEND", "pgvector",
        "AUTONOMY_MEMORY_PASSWORD_FILE", file.toString())).password()).isEqualTo("from-file");
  }

  @Test
  void chromaAndPropertiesOverEnv() {
    MemoryConfig c = MemoryConfig.from(
        Map.of("autonomy.memory.url", "http://127.0.0.1:58000", "autonomy.memory.chroma.tenant", "t1"),
        Map.of("AUTONOMY_MEMORY_BACKEND", "chroma", "AUTONOMY_MEMORY_URL", "http://chroma.team.svc:8000"));
    assertThat(c.backend()).isEqualTo(Backend.CHROMA);
    assertThat(c.httpUrl()).isEqualTo("http://127.0.0.1:58000");
    assertThat(c.chromaTenant()).isEqualTo("t1");
    assertThat(c.chromaDatabase()).isEqualTo("default_database");
  }

  @Test
  void refusesWhatItCannotUse() {
    assertThatThrownBy(() -> MemoryConfig.from(Map.of(), Map.of("AUTONOMY_MEMORY_URL", "http://x:8000")))
        .hasMessageContaining("AUTONOMY_MEMORY_BACKEND");
    assertThatThrownBy(() -> MemoryConfig.from(Map.of(), Map.of("AUTONOMY_MEMORY_BACKEND", "redis")))
        .hasMessageContaining("unknown memory backend 'redis'");
    assertThatThrownBy(() -> MemoryConfig.builder().collectionPrefix("Drop Table").build())
        .hasMessageContaining("collection prefix");
    assertThatThrownBy(() -> MemoryConfig.from(Map.of(), Map.of("AUTONOMY_MEMORY_TTL", "a week")))
        .hasMessageContaining("not a duration");
  }

  @Test
  void goAndIsoDurations() {
    assertThat(Durations.parse("720h")).isEqualTo(Duration.ofHours(720));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("PT12H")).isEqualTo(Duration.ofHours(12));
    assertThat(Durations.parse("P7D")).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(() -> Durations.parse("h")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.parse("10x")).isInstanceOf(IllegalArgumentException.class);
  }
}
