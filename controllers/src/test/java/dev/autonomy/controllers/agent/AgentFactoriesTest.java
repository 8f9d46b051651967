package dev.autonomy.controllers.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.ModelSpec;
import dev.autonomy.api.v1alpha1.common.AutoscalingSpec;
import dev.autonomy.api.v1alpha1.common.LocalObjectRef;
import dev.autonomy.api.v1alpha1.common.SecretKeyRef;
import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.memory.MemoryStoreSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentFactoriesTest {
  static Agent agent() {
    Agent agent = new Agent();
    agent.setMetadata(new ObjectMetaBuilder().withName("sre").withNamespace("team").withGeneration(2L).build());
    AgentSpec spec = new AgentSpec();
    ModelSpec model = new ModelSpec();
    model.setEndpoint("http://127.0.0.1:8000/v1");
    model.setModelName("smollm2");
    SecretKeyRef key = new SecretKeyRef();
    key.setName("model-key");
    model.setApiKeySecretRef(key);
    spec.setModel(model);
    spec.setReplicas(2);
    agent.setSpec(spec);
    return agent;
  }

  static MemoryStore store() {
    MemoryStore store = new MemoryStore();
    store.setMetadata(new ObjectMetaBuilder().withName("mem").withNamespace("team").build());
    MemoryStoreSpec spec = new MemoryStoreSpec();
    spec.setBackend(MemoryBackend.PGVECTOR);
    store.setSpec(spec);
    return store;
  }

  static AgentInputs inputs(Agent agent) {
    return new AgentInputs(agent, Optional.of(store()), List.of(), "planner:1", false);
  }

  @Test
  void theDeploymentRunsThePlannerRestrictedWithConfigSecretsProbesAndMemoryLabel() {
    Deployment d = AgentDeploymentFactory.deployment(inputs(agent()));
    assertThat(d.getMetadata().getName()).isEqualTo("sre-planner");
    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    assertThat(d.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance", "sre");
    var pod = d.getSpec().getTemplate();
    assertThat(pod.getMetadata().getLabels()).containsEntry("autonomy.dev/memory-store", "mem")
        .doesNotContainKey("autonomy.dev/run-local");
    assertThat(pod.getMetadata().getAnnotations()).containsKey(AgentResources.CONFIG_HASH_ANNOTATION);
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("sre-planner");
    assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    Container c = pod.getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("planner:1");
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
    assertThat(c.getEnv()).extracting(EnvVar::getName).contains("AUTONOMY_PLANNER_CONFIG", "AUTONOMY_MODEL_API_KEY_FILE",
        "AUTONOMY_OUTCOMES_CONFIGMAP", "AUTONOMY_MEMORY_BACKEND");
    assertThat(c.getEnv()).filteredOn(e -> e.getName().equals("AUTONOMY_MEMORY_PASSWORD")).singleElement()
        .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef()).as("secrets by reference only").isNotNull());
    assertThat(c.getEnv()).filteredOn(e -> e.getValue() != null).noneSatisfy(e -> assertThat(e.getName()).contains("PASSWORD"));
    assertThat(pod.getSpec().getVolumes()).filteredOn(v -> v.getSecret() != null)
        .singleElement().satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("model-key"));
  }

  @Test
  void withAutoscalingTheDeploymentLeavesReplicasToTheHpa() {
    Agent agent = agent();
    AutoscalingSpec as = new AutoscalingSpec();
    as.setEnabled(true);
    as.setMinReplicas(2);
    as.setMaxReplicas(5);
    as.setTargetCPUUtilizationPercentage(70);
    agent.getSpec().setAutoscaling(as);
    assertThat(AgentDeploymentFactory.deployment(inputs(agent)).getSpec().getReplicas()).isNull();
    var hpa = AgentNetworkFactory.hpa(agent);
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5);
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization()).isEqualTo(70);
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("sre-planner");
    assertThat(AgentNetworkFactory.wantsPdb(agent.getSpec())).isTrue();
  }

  @Test
  void aConfigChangeChangesTheHashAndTheRolloutAnnotation() {
    Agent agent = agent();
    String before = AgentDeploymentFactory.deployment(inputs(agent)).getSpec().getTemplate().getMetadata().getAnnotations()
        .get(AgentResources.CONFIG_HASH_ANNOTATION);
    agent.getSpec().setSystemPrompt("Be brief.");
    String after = AgentDeploymentFactory.deployment(inputs(agent)).getSpec().getTemplate().getMetadata().getAnnotations()
        .get(AgentResources.CONFIG_HASH_ANNOTATION);
    assertThat(after).isNotEqualTo(before);
    assertThat(AgentDeploymentFactory.deployment(inputs(agent))).isEqualTo(AgentDeploymentFactory.deployment(inputs(agent)));
  }

  @Test
  void thePlannerConfigCarriesTheSpecShapesAndTheMemoryBinding() {
    Map<?, ?> config = Serialization.unmarshal(AgentConfigFactory.plannerJson(inputs(agent())), Map.class);
    assertThat(config.get("agent")).isEqualTo("sre");
    assertThat(((Map<?, ?>) config.get("model")).get("modelName")).isEqualTo("smollm2");
    assertThat(((Map<?, ?>) config.get("memory")).get("store")).isEqualTo("mem");
    assertThat(config.toString()).doesNotContain("model-key-value");
  }

  @Test
  void theRoleReadsOnlyTheAllowedResourcesAndWritesOnlyItsOutcomes() {
    Agent agent = agent();
    agent.getSpec().getTools().getKubernetesRead().setResources(List.of("pods", "deployments", "nodes"));
    var rules = AgentAccessFactory.role(agent).getRules();
    assertThat(rules).hasSize(3);
    assertThat(rules).noneSatisfy(r -> assertThat(r.getResources()).contains("nodes"));
    assertThat(rules).allSatisfy(r -> assertThat(r.getVerbs()).doesNotContain("create", "delete", "*"));
    assertThat(rules.get(2).getResourceNames()).containsExactly("sre-planner-outcomes");
  }

  @Test
  void theNetworkPolicyAllowsDnsTheModelAndTheMemoryStoreOnly() {
    var np = AgentNetworkFactory.networkPolicy(inputs(agent()));
    assertThat(np.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    var egress = np.getSpec().getEgress();
    assertThat(egress).hasSize(3);
    assertThat(egress.get(1).getPorts().get(0).getPort().getIntVal()).isEqualTo(8000);
    assertThat(egress.get(1).getTo().get(0).getIpBlock().getCidr()).isEqualTo("127.0.0.1/32");
    assertThat(egress.get(2).getTo().get(0).getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance", "mem");
  }

  @Test
  void statusReportsReadinessModelAvailabilityAndMemoryBinding() {
    Agent agent = agent();
    LocalObjectRef ref = new LocalObjectRef();
    ref.setName("mem");
    agent.getSpec().setMemoryStoreRef(ref);
    var next = new dev.autonomy.api.v1alpha1.agent.AgentStatus();
    Deployment deployment = AgentDeploymentFactory.deployment(inputs(agent));
    deployment.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(2)
        .withReadyReplicas(1).build());
    AgentStatusFactory.apply(agent, next, new AgentStatusFactory.Observed(
        dev.autonomy.controllers.status.Verdict.of(List.of(), List.of()), Optional.of(store()), Optional.of(deployment),
        Optional.empty(), Optional.empty()), java.time.Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(next.getPhase()).hasToString("Degraded");
    assertThat(next.getReadyReplicas()).isEqualTo(1);
    assertThat(next.getEndpoint()).isEqualTo("http://sre-planner.team.svc:8080");
    assertThat(next.getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("ModelAvailable");
      assertThat(c.getStatus()).isEqualTo("True");
    }).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("MemoryBound");
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("MemoryStoreNotReady");
    });
  }

  @Test
  void outcomesBelongToThisAgentNobodyOrAnEarlierAgentOfTheSameName() {
    Agent agent = agent();
    agent.getMetadata().setUid("uid-now");
    var outcomes = AgentConfigFactory.outcomes(agent);
    assertThat(AgentResources.owner(outcomes, agent)).isEqualTo(AgentResources.Owner.NONE);
    Agent earlier = agent();
    earlier.getMetadata().setUid("uid-before");
    outcomes.addOwnerReference(earlier);
    assertThat(AgentResources.owner(outcomes, agent)).isEqualTo(AgentResources.Owner.FORMER_AGENT);
    outcomes.getMetadata().setOwnerReferences(new java.util.ArrayList<>());
    outcomes.addOwnerReference(agent);
    assertThat(AgentResources.owner(outcomes, agent)).isEqualTo(AgentResources.Owner.THIS_AGENT);
  }

  @Test
  void aRolledBackSpecIsDegradedUntilTheSpecChanges() {
    Agent agent = agent();
    var knowledge = new dev.autonomy.api.v1alpha1.common.HealingStatus();
    knowledge.setLastStableSpec("{}");
    knowledge.setLastStableGeneration(1L);
    knowledge.setOverrides(Map.of(AgentStableSpec.ROLLED_BACK_FROM, "2"));
    var status = new dev.autonomy.api.v1alpha1.agent.AgentStatus();
    status.setHealing(knowledge);
    agent.setStatus(status);
    var turn = new dev.autonomy.controllers.healing.HealingLoop.Turn(knowledge, false, false, false, "No symptoms.");
    var seen = new AgentStatusFactory.Observed(dev.autonomy.controllers.status.Verdict.of(List.of(), List.of()),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(turn));
    var now = java.time.Instant.parse("2026-11-25T10:00:00Z");

    var rolledBack = AgentStatusFactory.apply(agent, status, seen, now).list();
    assertThat(rolledBack).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("Degraded");
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("SpecRolledBack");
      assertThat(c.getMessage()).contains("generation 1");
    });

    agent.getMetadata().setGeneration(3L);  // a new spec: tried as written
    assertThat(AgentStatusFactory.apply(agent, status, seen, now).list()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("Degraded");
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("Healthy");
    });
  }
}
