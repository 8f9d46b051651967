package dev.autonomy.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MemoryStoreResourcesTest {

  @Test
  void namesAndEndpoint() {
    MemoryStore store = MemoryStores.example();
    assertThat(MemoryStoreResources.endpoint(store)).isEqualTo("agent-memory.team.svc:5432");
    assertThat(MemoryStoreResources.dataClaim(store, 2)).isEqualTo("data-agent-memory-2");
    assertThat(MemoryStoreResources.secret(store)).isEqualTo("agent-memory-connection");
    assertThat(MemoryStoreResources.clientLabels(store)).containsExactly(Map.entry("autonomy.dev/memory-store", "agent-memory"));
    assertThat(MemoryStoreResources.endpoint(MemoryStores.of(MemoryBackend.QDRANT))).endsWith(":6333");
    assertThat(MemoryStoreResources.endpoint(MemoryStores.of(MemoryBackend.CHROMA))).endsWith(":8000");
  }

  @Test
  void connectionEnvTakesCredentialsFromTheSecretOnly() {
    Map<String, EnvVar> env = MemoryStoreResources.connectionEnv(MemoryStores.example()).stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e));
    assertThat(env.get("AUTONOMY_MEMORY_BACKEND").getValue()).isEqualTo("pgvector");
    assertThat(env.get("AUTONOMY_MEMORY_DIMENSION").getValue()).isEqualTo("384");
    assertThat(env.get("AUTONOMY_MEMORY_TTL").getValue()).isEqualTo("720h");
    for (String name : new String[] {"AUTONOMY_MEMORY_URL", "AUTONOMY_MEMORY_USER", "AUTONOMY_MEMORY_PASSWORD",
        "AUTONOMY_MEMORY_DATABASE"}) {
      assertThat(env.get(name).getValue()).as(name).isNull();
      assertThat(env.get(name).getValueFrom().getSecretKeyRef().getName()).isEqualTo("agent-memory-connection");
    }
    assertThat(env.get("AUTONOMY_MEMORY_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
    Map<String, EnvVar> qdrant = MemoryStoreResources.connectionEnv(MemoryStores.of(MemoryBackend.QDRANT)).stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e));
    assertThat(qdrant.get("AUTONOMY_MEMORY_API_KEY").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-key");
    assertThat(qdrant).doesNotContainKey("AUTONOMY_MEMORY_PASSWORD");
  }
}
