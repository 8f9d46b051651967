package dev.autonomy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.memory.store.ChromaBackend;
import dev.autonomy.memory.store.ChromaV2Client;
import dev.autonomy.testsupport.TestGround;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The library against the test ground's real Chroma 1.5.9 (API v2 only). */
class ChromaMemoryIT extends MemoryStoreContract {
  static URI chroma;

  @BeforeAll
  static void server() {
    chroma = URI.create(TestGround.services("chroma").get("AUTONOMY_CHROMA_URL"));
  }

  @Override
  MemoryConfig.Builder config() {
    return MemoryConfig.builder().backend(MemoryConfig.Backend.CHROMA).url(chroma.toString());
  }

  @Test
  void fromTheEnvironmentTheOperatorInjects() {
    String prefix = prefix("env");
    MemoryConfig config = MemoryConfig.from(Map.of(), Map.of(
        "AUTONOMY_MEMORY_BACKEND", "chroma",
        "AUTONOMY_MEMORY_URL", "http://agent-memory.team.svc:8000",
        "AUTONOMY_MEMORY_HOST", chroma.getHost(),
        "AUTONOMY_MEMORY_PORT", Integer.toString(chroma.getPort()),
        "AUTONOMY_MEMORY_COLLECTION_PREFIX", prefix));
    AgentMemory memory = open(config, EmbeddingModels.allMiniLmL6V2());
    assertThat(memory.backend().name()).isEqualTo("chroma");
    memory.remember(NewMemory.lesson("a", "g", "Roll back when the error rate doubles.", 0.7));
    assertThat(memory.recall(MemoryQuery.of("error rate after a deploy", 1))).hasSize(1);

    ChromaV2Client client = ((ChromaBackend) memory.backend()).client();
    assertThat(client.collection(prefix + "_lessons")).hasValueSatisfying(c -> assertThat(c.dimension()).isEqualTo(384));
    assertThat(client.collection(prefix + "_nope")).isEmpty();
  }
}
