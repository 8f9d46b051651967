package dev.autonomy.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.api.v1alpha1.agent.ApprovalTimeoutAction;
import dev.autonomy.api.v1alpha1.agent.ModelProvider;
import dev.autonomy.planner.config.ConfigLoader;
import dev.autonomy.planner.config.GoDurations;
import dev.autonomy.planner.config.PlannerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  /** As the Agent reconciler renders it from examples/agent.yaml (spec.model/goals/planner/tools verbatim). */
  static final String CONFIG = """
      {"agent": "sre-assistant", "namespace": "shop",
       "model": {"provider": "openai-compatible", "endpoint": "http://127.0.0.1:8000/v1", "modelName": "smollm2",
                 "apiKeySecretRef": {"name": "model-api-key", "key": "api-key"}, "temperature": 0.2, "maxTokens": 512,
                 "timeout": "60s", "maxRetries": 2,
                 "fallback": {"provider": "anthropic", "modelName": "claude-sonnet-4-5", "temperature": 0.0,
                              "apiKeySecretRef": {"name": "anthropic", "key": "key"}}},
       "role": "SRE assistant", "systemPrompt": "Be careful.",
       "goals": [{"name": "health-report", "goal": "List unready pods.", "schedule": "*/30 * * * *"},
                 {"name": "introduce-yourself", "goal": "Introduce yourself.", "once": true}],
       "planner": {"maxDepth": 3, "maxSteps": 20, "reflection": true, "tokenBudget": 20000, "timeBudget": "5m"},
       "tools": {"http": {"enabled": true, "allowedHosts": ["127.0.0.1:8080"], "allowedMethods": ["GET"]},
                 "kubernetesRead": {"enabled": true, "resources": ["pods", "events"]},
                 "humanApproval": {"enabled": true, "requiredFor": ["http", "policy"], "timeout": "10m", "onTimeout": "approve"}},
       "policies": [{"name": "cartpole-ppo", "description": "balances", "endpoint": "http://cartpole.shop.svc:8080"}],
       "memory": {"backend": "pgvector", "store": "agent-memory", "collectionPrefix": "shop_memory"},
       "somethingNew": {"ignored": true}}
      """;

  @Test
  void readsTheRenderedConfigIntoTheCrdClassesWithTheirDefaults(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("planner.json");
    Files.writeString(file, CONFIG);
    Path key = dir.resolve("api-key");
    Files.writeString(key, "sk-secret\n");
    ConfigLoader loader = new ConfigLoader(Map.of("AUTONOMY_PLANNER_CONFIG", file.toString(),
        "AUTONOMY_MODEL_API_KEY_FILE", key.toString(), "AUTONOMY_OUTCOMES_CONFIGMAP", "sre-assistant-outcomes",
        "AUTONOMY_MEMORY_URL", "jdbc:postgresql://127.0.0.1:55432/postgres"));

    PlannerConfig c = loader.load();

    assertThat(c.getAgent()).isEqualTo("sre-assistant");
    assertThat(c.getModel().getProvider()).isEqualTo(ModelProvider.OPENAI_COMPATIBLE);
    assertThat(c.getModel().getFallback().getProvider()).isEqualTo(ModelProvider.ANTHROPIC);
    assertThat(c.getModel().getFallback().getMaxRetries()).isEqualTo(2);  // CRD default
    assertThat(c.getGoals()).extracting(g -> g.getName()).containsExactly("health-report", "introduce-yourself");
    assertThat(c.getGoals().get(1).getOnce()).isTrue();
    assertThat(c.getPlanner().getMaxSteps()).isEqualTo(20);
    assertThat(c.getPlanner().getPlanReuseThreshold()).isEqualTo(0.9);  // CRD default
    assertThat(c.getTools().getHttp().getTimeout()).isEqualTo("10s");
    assertThat(c.getTools().getMemory().getRecallTopK()).isEqualTo(5);
    assertThat(c.getTools().getHumanApproval().getOnTimeout()).isEqualTo(ApprovalTimeoutAction.APPROVE);
    assertThat(c.getPolicies().get(0).endpoint()).isEqualTo("http://cartpole.shop.svc:8080");
    assertThat(loader.apiKey()).contains("sk-secret");
    assertThat(loader.fallbackApiKey()).isEmpty();
    assertThat(loader.outcomesConfigMap()).contains("sre-assistant-outcomes");
    // The file's memory object fills what env does not set.
    assertThat(loader.memoryProperties(c)).containsEntry("autonomy.memory.backend", "pgvector")
        .containsEntry("autonomy.memory.collection.prefix", "shop_memory");
  }

  @Test
  void envMemorySettingsWinOverTheFile() {
    PlannerConfig c = ConfigLoader.parse(CONFIG);
    ConfigLoader loader = new ConfigLoader(Map.of("AUTONOMY_MEMORY_BACKEND", "chroma"));
    assertThat(loader.memoryProperties(c)).doesNotContainKey("autonomy.memory.backend");
  }

  @Test
  void aMissingOrModellessConfigIsAClearError(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> new ConfigLoader(Map.of("AUTONOMY_PLANNER_CONFIG", dir.resolve("nope.json").toString()))
        .load()).hasMessageContaining("no planner config at").hasMessageContaining("AUTONOMY_PLANNER_CONFIG");
    assertThatThrownBy(() -> ConfigLoader.parse("{\"agent\": \"a\"}")).hasMessageContaining("has no model");
    assertThatThrownBy(() -> ConfigLoader.parse("{not json")).hasMessageContaining("malformed planner config");
    assertThat(new ConfigLoader(Map.of()).configPath()).isEqualTo(Path.of("/etc/autonomy/planner/planner.json"));
  }

  @Test
  void goDurations() {
    assertThat(GoDurations.parse("1h30m", null)).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDurations.parse("1.5s", null)).isEqualTo(Duration.ofMillis(1500));
    assertThat(GoDurations.parse("500ms", null)).isEqualTo(Duration.ofMillis(500));
    assertThat(GoDurations.parse(null, Duration.ZERO)).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> GoDurations.parse("5 minutes", null)).isInstanceOf(IllegalArgumentException.class);
  }
}
