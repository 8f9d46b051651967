package dev.autonomy.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MemoryStoreSecretFactoryTest {

  static Map<String, String> decoded(Secret secret) {
    return secret.getData().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
  }

  @Test
  void pgvectorSecretHoldsAddressAndGeneratedCredentials() {
    Secret secret = MemoryStoreSecretFactory.secret(MemoryStores.example(), new Random(1));
    assertThat(secret.getMetadata().getName()).isEqualTo("agent-memory-connection");
    assertThat(secret.getImmutable()).as("never rotated by accident").isTrue();
    assertThat(secret.getMetadata().getOwnerReferences()).as("survives the store under Retain").isNullOrEmpty();
    Map<String, String> data = decoded(secret);
    assertThat(data).containsEntry("host", "agent-memory.team.svc").containsEntry("port", "5432")
        .containsEntry("endpoint", "agent-memory.team.svc:5432").containsEntry("username", "autonomy")
        .containsEntry("database", "memory").containsEntry("url", "postgresql://agent-memory.team.svc:5432/memory")
        .containsEntry("backend", "pgvector");
    assertThat(data.get("password")).hasSize(32).matches("[A-Za-z0-9]+");
    assertThat(data.get("url")).doesNotContain(data.get("password"));
  }

  @Test
  void everyCreationGeneratesNewCredentials() {
    String a = decoded(MemoryStoreSecretFactory.secret(MemoryStores.example(), new Random(1))).get("password");
    String b = decoded(MemoryStoreSecretFactory.secret(MemoryStores.example(), new Random(2))).get("password");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void qdrantGetsAnApiKeyAndChromaOnlyItsAddress() {
    Map<String, String> qdrant = decoded(MemoryStoreSecretFactory.secret(MemoryStores.of(MemoryBackend.QDRANT), new Random(3)));
    assertThat(qdrant.get("api-key")).hasSize(32);
    assertThat(qdrant).containsEntry("url", "http://agent-memory.team.svc:6333").doesNotContainKey("password");
    Map<String, String> chroma = decoded(MemoryStoreSecretFactory.secret(MemoryStores.of(MemoryBackend.CHROMA), new Random(4)));
    assertThat(chroma).containsEntry("url", "http://agent-memory.team.svc:8000")
        .doesNotContainKeys("password", "api-key", "username");
  }
}
