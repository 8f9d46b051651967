package dev.autonomy.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentPhase;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.AgentStatus;
import dev.autonomy.api.v1alpha1.agent.GoalOutcome;
import dev.autonomy.api.v1alpha1.agent.GoalResult;
import dev.autonomy.api.v1alpha1.agent.ModelProvider;
import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.common.ConditionStatus;
import dev.autonomy.api.v1alpha1.common.SecretKeyRef;
import dev.autonomy.api.v1alpha1.league.League;
import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.policy.Algorithm;
import dev.autonomy.api.v1alpha1.policy.BackendType;
import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyPhase;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model serialises as the CRDs describe it, with Fabric8's serialisation (as the operator uses it). */
class ModelSerializationTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void resourceCoordinates() {
    assertThat(HasMetadata.getApiVersion(Agent.class)).isEqualTo("autonomy.dev/v1alpha1");
    assertThat(HasMetadata.getFullResourceName(Agent.class)).isEqualTo("agents.autonomy.dev");
    assertThat(HasMetadata.getFullResourceName(Policy.class)).isEqualTo("policies.autonomy.dev");
    assertThat(HasMetadata.getFullResourceName(League.class)).isEqualTo("leagues.autonomy.dev");
    assertThat(HasMetadata.getFullResourceName(MemoryStore.class)).isEqualTo("memorystores.autonomy.dev");
  }

  @Test
  void agentBuiltInJavaSerialisesWithManifestValuesAndDefaults() throws Exception {
    Agent agent = new Agent();
    agent.setMetadata(new ObjectMetaBuilder().withName("a").build());
    agent.setSpec(new AgentSpec());
    agent.getSpec().setModel(new dev.autonomy.api.v1alpha1.agent.ModelSpec());
    agent.getSpec().getModel().setProvider(ModelProvider.OPENAI_COMPATIBLE);
    agent.getSpec().getModel().setEndpoint("http://127.0.0.1:8000/v1");
    agent.getSpec().getModel().setModelName("smollm2");
    SecretKeyRef key = new SecretKeyRef();
    key.setName("model-api-key");
    agent.getSpec().getModel().setApiKeySecretRef(key);

    JsonNode json = JSON.readTree(SERIALIZATION.asJson(agent));
    assertThat(json.path("apiVersion").asText()).isEqualTo("autonomy.dev/v1alpha1");
    assertThat(json.path("kind").asText()).isEqualTo("Agent");
    assertThat(json.at("/spec/model/provider").asText()).isEqualTo("openai-compatible");
    assertThat(json.at("/spec/model/apiKeySecretRef/key").asText()).isEqualTo("api-key");
    assertThat(json.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(json.at("/spec/planner/timeBudget").asText()).isEqualTo("10m");
    assertThat(json.at("/spec/tools/humanApproval/requiredFor/0").asText()).isEqualTo("http");
    assertThat(json.at("/spec/model/fallback").isMissingNode()).as("unset optionals are left out").isTrue();
    assertThat(json.has("status")).isFalse();

    Agent back = SERIALIZATION.unmarshal(SERIALIZATION.asJson(agent), Agent.class);
    assertThat(back.getSpec().getModel().getProvider()).isEqualTo(ModelProvider.OPENAI_COMPATIBLE);
    assertThat(back.getSpec().getModel().getApiKeySecretRef()).isEqualTo(key);
  }

  @Test
  void statusRoundTrips() {
    Agent agent = SERIALIZATION.unmarshal("""
        apiVersion: autonomy.dev/v1alpha1
        kind: Agent
        metadata: {name: a}
        spec:
          model: {provider: anthropic, modelName: claude, apiKeySecretRef: {name: k}}
        status:
          observedGeneration: 3
          phase: Ready
          replicas: 2
          readyReplicas: 2
          selector: app.kubernetes.io/instance=a
          conditions:
          - {type: Ready, status: "True", reason: AllReplicasReady, lastTransitionTime: "2026-01-01T00:00:00Z", observedGeneration: 3}
          goalOutcomes:
          - {goal: report, result: BudgetExhausted, steps: 20, tokens: 20000}
        """, Agent.class);
    AgentStatus status = agent.getStatus();
    assertThat(status.getPhase()).isEqualTo(AgentPhase.READY);
    Condition ready = status.getConditions().get(0);
    assertThat(ready.getStatus()).isEqualTo(ConditionStatus.TRUE.value());
    assertThat(ready.getObservedGeneration()).isEqualTo(3L);
    GoalOutcome outcome = status.getGoalOutcomes().get(0);
    assertThat(outcome.getResult()).isEqualTo(GoalResult.BUDGET_EXHAUSTED);

    Agent again = SERIALIZATION.unmarshal(SERIALIZATION.asJson(agent), Agent.class);
    assertThat(again.getStatus().getConditions()).isEqualTo(status.getConditions());
  }

  @Test
  void enumsUseTheirManifestSpelling() throws Exception {
    PolicyStatus status = new PolicyStatus();
    status.setPhase(PolicyPhase.TRAINING);
    CheckpointRecord checkpoint = new CheckpointRecord();
    checkpoint.setId("ckpt-000010000");
    status.setCheckpoints(List.of(checkpoint));
    JsonNode json = JSON.readTree(SERIALIZATION.asJson(status));
    assertThat(json.path("phase").asText()).isEqualTo("Training");
    assertThat(json.at("/checkpoints/0/id").asText()).isEqualTo("ckpt-000010000");

    assertThat(SERIALIZATION.unmarshal("\"double-dqn\"", Algorithm.class)).isEqualTo(Algorithm.DOUBLE_DQN);
    assertThat(SERIALIZATION.unmarshal("\"ray\"", BackendType.class)).isEqualTo(BackendType.RAY);
    assertThat(SERIALIZATION.unmarshal("\"pgvector\"", MemoryBackend.class)).isEqualTo(MemoryBackend.PGVECTOR);
    assertThat(Algorithm.DOUBLE_DQN.value()).isEqualTo("double-dqn");
  }
}
