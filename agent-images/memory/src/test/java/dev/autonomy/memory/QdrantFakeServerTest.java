package dev.autonomy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Qdrant client path through the whole backend contract, against {@link FakeQdrant} (no Qdrant
 * server can be installed here; {@code QdrantMemoryIT} runs the same contract against a real one).
 */
class QdrantFakeServerTest extends MemoryStoreContract {
  static FakeQdrant qdrant;

  @BeforeAll
  static void start() throws Exception {
    qdrant = new FakeQdrant();
  }

  @AfterAll
  static void stop() {
    qdrant.close();
  }

  @Override
  MemoryConfig.Builder config() {
    return MemoryConfig.builder().backend(MemoryConfig.Backend.QDRANT).url(qdrant.url()).apiKey("test-key");
  }

  @Test
  void fromTheEnvironmentTheOperatorInjects() {
    java.net.URI uri = java.net.URI.create(qdrant.url());
    MemoryConfig config = MemoryConfig.from(Map.of(), Map.of(
        "AUTONOMY_MEMORY_BACKEND", "qdrant",
        "AUTONOMY_MEMORY_URL", "http://agent-memory.team.svc:6333",
        "AUTONOMY_MEMORY_HOST", uri.getHost(),
        "AUTONOMY_MEMORY_PORT", Integer.toString(uri.getPort()),
        "AUTONOMY_MEMORY_API_KEY", "k",
        "AUTONOMY_MEMORY_COLLECTION_PREFIX", prefix("env")));
    assertThat(config.apiKey()).isEqualTo("k");
    AgentMemory memory = open(config, EmbeddingModels.allMiniLmL6V2());
    assertThat(memory.backend().name()).isEqualTo("qdrant");
    memory.remember(NewMemory.lesson("a", "g", "Roll back when the error rate doubles.", 0.7));
    assertThat(memory.recall(MemoryQuery.of("error rate after a deploy", 1))).hasSize(1);
  }
}
