package dev.autonomy.controllers.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.AgentStatus;
import dev.autonomy.api.v1alpha1.agent.ModelSpec;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentHealingTest {

  private static HealingSpec ceiling(String value) {
    HealingSpec spec = new HealingSpec();
    spec.setMemoryLimitCeiling(value == null ? null : new Quantity(value));
    return spec;
  }

  @Test
  void theMemoryLimitGrowsByHalfUpToTheCeilingAndNotWithoutOne() {
    assertThat(AgentHealing.raisedLimit(new Quantity("512Mi"), ceiling("1Gi"))).contains(new Quantity("768Mi"));
    assertThat(AgentHealing.raisedLimit(new Quantity("768Mi"), ceiling("1Gi"))).contains(new Quantity("1024Mi"));
    assertThat(AgentHealing.raisedLimit(new Quantity("1Gi"), ceiling("1Gi"))).isEmpty();
    assertThat(AgentHealing.raisedLimit(new Quantity("512Mi"), ceiling(null))).isEmpty();
    assertThat(AgentHealing.raisedLimit(null, ceiling("1Gi"))).isEmpty();
  }

  @Test
  void theOverrideReplacesOnlyTheMemoryLimitAndLeavesTheSpecAlone() {
    Agent agent = new Agent();
    AgentSpec spec = new AgentSpec();
    spec.setResources(new ResourceRequirementsBuilder().addToRequests("memory", new Quantity("256Mi"))
        .addToLimits("memory", new Quantity("512Mi")).addToLimits("cpu", new Quantity("1")).build());
    agent.setSpec(spec);
    assertThat(AgentHealing.effectiveResources(agent).getLimits()).containsEntry("memory", new Quantity("512Mi"));

    AgentStatus status = new AgentStatus();
    HealingStatus healing = new HealingStatus();
    healing.setOverrides(Map.of("memoryLimit", "768Mi"));
    status.setHealing(healing);
    agent.setStatus(status);
    var effective = AgentHealing.effectiveResources(agent);
    assertThat(effective.getLimits()).containsEntry("memory", new Quantity("768Mi")).containsEntry("cpu", new Quantity("1"));
    assertThat(effective.getRequests()).containsEntry("memory", new Quantity("256Mi"));
    assertThat(spec.getResources().getLimits()).containsEntry("memory", new Quantity("512Mi"));
  }

  static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
  static final Duration WINDOW = Duration.ofSeconds(30);
  static final Optional<Instant> READY = Optional.of(NOW.minusSeconds(60));

  private static Agent agent(long generation, String image) {
    Agent agent = new Agent();
    agent.getMetadata().setName("a");
    agent.getMetadata().setGeneration(generation);
    AgentSpec spec = new AgentSpec();
    spec.setImage(image);
    agent.setSpec(spec);
    agent.setStatus(new AgentStatus());
    agent.getStatus().setHealing(new HealingStatus());
    return agent;
  }

  private static Deployment rolledOut(long agentGeneration, int replicas, int available) {
    return new DeploymentBuilder().withNewMetadata().withName("a-planner").withGeneration(4L)
        .addToAnnotations(AgentResources.GENERATION_ANNOTATION, String.valueOf(agentGeneration)).endMetadata()
        .withNewSpec().withReplicas(replicas).endSpec()
        .withNewStatus().withObservedGeneration(4L).withReplicas(replicas).withUpdatedReplicas(replicas)
        .withAvailableReplicas(available).withUnavailableReplicas(replicas - available).endStatus().build();
  }

  @Test
  void aSpecIsStableOnlyOnceItsOwnRolloutCompleted() {
    Agent agent = agent(2, "planner:2");
    HealingStatus k = agent.getStatus().getHealing();
    AgentStableSpec.recordStable(agent, k, Optional.of(rolledOut(1, 2, 2)), READY, WINDOW, NOW);
    assertThat(k.getLastStableGeneration()).as("the Deployment was built for generation 1").isNull();
    AgentStableSpec.recordStable(agent, k, Optional.of(rolledOut(2, 2, 1)), READY, WINDOW, NOW);
    assertThat(k.getLastStableGeneration()).as("one replica is not available").isNull();
    AgentStableSpec.recordStable(agent, k, Optional.of(rolledOut(2, 2, 2)), READY, WINDOW, NOW);
    assertThat(k.getLastStableGeneration()).isEqualTo(2L);
    assertThat(k.getLastStableSpec()).contains("planner:2");

    Agent next = agent(3, "planner:3");
    next.getStatus().setHealing(k);
    assertThat(AgentStableSpec.recordStable(next, k, Optional.of(rolledOut(3, 2, 2)), Optional.of(NOW.minusSeconds(10)),
        WINDOW, NOW)).as("Ready for 10 s of 30").contains(Duration.ofSeconds(20));
    assertThat(k.getLastStableGeneration()).isEqualTo(2L);
    assertThat(AgentStableSpec.recordStable(next, k, Optional.of(rolledOut(3, 2, 2)), Optional.empty(), WINDOW, NOW))
        .as("a pod is not Ready").isEmpty();
    assertThat(k.getLastStableGeneration()).isEqualTo(2L);
  }

  @Test
  void aRollbackBuildsTheChildrenFromTheLastStableSpecUntilTheSpecChangesAgain() {
    Agent stable = agent(2, "planner:2");
    AgentStableSpec.recordStable(stable, stable.getStatus().getHealing(), Optional.of(rolledOut(2, 1, 1)), READY, WINDOW, NOW);
    Agent broken = agent(3, "planner:broken");
    broken.getStatus().setHealing(stable.getStatus().getHealing());
    assertThat(AgentStableSpec.changedSinceStable(broken)).isTrue();
    assertThat(AgentHealing.effective(broken)).isSameAs(broken);

    broken.getStatus().getHealing().setOverrides(Map.of(AgentStableSpec.ROLLED_BACK_FROM, "3"));
    assertThat(AgentStableSpec.rolledBack(broken)).isTrue();
    assertThat(AgentStableSpec.changedSinceStable(broken)).as("already rolled back").isFalse();
    Agent effective = AgentHealing.effective(broken);
    assertThat(effective.getSpec().getImage()).isEqualTo("planner:2");
    assertThat(effective.getMetadata().getGeneration()).isEqualTo(3L);
    assertThat(broken.getSpec().getImage()).as("the spec is never edited").isEqualTo("planner:broken");
    AgentStableSpec.recordStable(broken, broken.getStatus().getHealing(), Optional.of(rolledOut(3, 1, 1)), READY, WINDOW, NOW);
    assertThat(broken.getStatus().getHealing().getLastStableGeneration()).as("a rolled-back generation is not stable")
        .isEqualTo(2L);

    Agent fixed = agent(4, "planner:3");
    fixed.getStatus().setHealing(broken.getStatus().getHealing());
    assertThat(AgentStableSpec.rolledBack(fixed)).isFalse();
    assertThat(AgentHealing.effective(fixed).getSpec().getImage()).isEqualTo("planner:3");
  }

  private static Optional<ModelReport> report(int primaryFailures, boolean fallbackAnswers, int fallbackSuccesses) {
    String json = """
        {"checkedAt":"2026-11-26T02:00:00Z","endpoints":[
          {"role":"primary","model":"openai-compatible/smollm2","answers":%s,"consecutiveFailures":%d,
           "consecutiveSuccesses":0,"lastError":"HTTP 503"},
          {"role":"fallback","model":"ollama/qwen","answers":%s,"consecutiveFailures":0,
           "consecutiveSuccesses":%d,"lastError":null}]}""".formatted(primaryFailures == 0, primaryFailures,
        fallbackAnswers, fallbackSuccesses);
    return ModelReport.parse(Optional.of(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .addToData(ModelReport.KEY, json).build()));
  }

  private static Agent withModels() {
    Agent agent = agent(1, null);
    ModelSpec model = new ModelSpec();
    model.setModelName("smollm2");
    model.setEndpoint("http://127.0.0.1:8081/v1");
    dev.autonomy.api.v1alpha1.agent.ModelEndpoint fallback = new dev.autonomy.api.v1alpha1.agent.ModelEndpoint();
    fallback.setModelName("qwen");
    fallback.setEndpoint("http://127.0.0.1:11434");
    model.setFallback(fallback);
    agent.getSpec().setModel(model);
    return agent;
  }

  @Test
  void aFailingPrimaryWithAnAnsweringFallbackIsObservedAndTheSwitchSwapsTheModels() {
    Agent agent = withModels();
    assertThat(AgentHealing.modelObservations(agent, report(2, true, 5))).as("two failures are not enough").isEmpty();
    assertThat(AgentHealing.modelObservations(agent, report(3, false, 0))).as("the fallback is down too").isEmpty();
    assertThat(AgentHealing.modelObservations(agent, report(3, true, 5))).singleElement().satisfies(o -> {
      assertThat(o.signal()).isEqualTo(dev.autonomy.controllers.healing.Signal.MODEL_ENDPOINT_ERRORS);
      assertThat(o.evidence()).contains("HTTP 503");
    });
    assertThat(AgentHealing.modelObservations(agent, Optional.empty())).isEmpty();

    agent.getStatus().getHealing().setOverrides(Map.of(AgentHealing.MODEL, AgentHealing.FALLBACK));
    Agent effective = AgentHealing.effective(agent);
    assertThat(effective.getSpec().getModel().getModelName()).isEqualTo("qwen");
    assertThat(effective.getSpec().getModel().getEndpoint()).isEqualTo("http://127.0.0.1:11434");
    assertThat(effective.getSpec().getModel().getFallback().getModelName()).isEqualTo("smollm2");
    assertThat(agent.getSpec().getModel().getModelName()).as("the spec is never edited").isEqualTo("smollm2");
    assertThat(AgentHealing.modelObservations(agent, report(3, true, 5))).as("already switched").isEmpty();
    // Switched, the planners' fallback is the original primary: three answers in a row bring it back.
    assertThat(report(0, true, 2).orElseThrow().originalPrimaryRecovered()).isFalse();
    assertThat(report(0, true, 3).orElseThrow().originalPrimaryRecovered()).isTrue();
  }
}
