package dev.autonomy.planner.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelHealthTest {
  static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");

  @Test
  void streaksPerRoleAreCountedAndTheSignatureStopsChangingPastTheCap() throws Exception {
    ModelHealth health = new ModelHealth();
    health.record("primary", "openai-compatible/smollm2", "HTTP 503 Service Unavailable", T0);
    health.record("fallback", "ollama/qwen", null, T0);
    var first = health.signature(3);
    for (int i = 1; i <= 4; i++) {
      health.record("primary", "openai-compatible/smollm2", "HTTP 503 Service Unavailable", T0.plusSeconds(15L * i));
      health.record("fallback", "ollama/qwen", null, T0.plusSeconds(15L * i));
    }
    assertThat(health.signature(3)).isNotEqualTo(first);
    var capped = health.signature(3);
    health.record("primary", "openai-compatible/smollm2", "HTTP 503 Service Unavailable", T0.plusSeconds(90));
    assertThat(health.signature(3)).as("past the cap nothing new to write").isEqualTo(capped);

    JsonNode doc = new ObjectMapper().readTree(health.toJson());
    JsonNode primary = doc.get("endpoints").get(0);
    assertThat(primary.get("role").asText()).isEqualTo("primary");
    assertThat(primary.get("answers").asBoolean()).isFalse();
    assertThat(primary.get("consecutiveFailures").asInt()).isEqualTo(6);
    assertThat(primary.get("lastError").asText()).contains("503");
    assertThat(doc.get("endpoints").get(1).get("consecutiveSuccesses").asInt()).isEqualTo(5);

    health.record("primary", "openai-compatible/smollm2", null, T0.plusSeconds(105));
    JsonNode recovered = new ObjectMapper().readTree(health.toJson()).get("endpoints").get(0);
    assertThat(recovered.get("consecutiveFailures").asInt()).isZero();
    assertThat(recovered.get("consecutiveSuccesses").asInt()).isEqualTo(1);
    assertThat(recovered.get("lastError").asText()).as("kept for diagnosis").contains("503");
  }
}
