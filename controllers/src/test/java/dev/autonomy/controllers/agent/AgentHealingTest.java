package dev.autonomy.controllers.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.AgentStatus;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
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
}
