package dev.autonomy.controllers.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentValidatorTest {
  private static AgentSpec valid() {
    AgentSpec spec = new AgentSpec();
    spec.setModel(new ModelSpec());
    spec.getTools().getPolicy().setEnabled(false);
    return spec;
  }

  @Test
  void theDefaultsAreCoherent() {
    assertThat(AgentValidator.problems(valid())).isEmpty();
  }

  @Test
  void aTokenBudgetSmallerThanOneAnswerIsNamed() {
    AgentSpec spec = valid();
    spec.getPlanner().setTokenBudget(100L);
    spec.getModel().setMaxTokens(512);
    assertThat(AgentValidator.problems(spec)).singleElement().asString()
        .contains("spec.planner.tokenBudget (100)").contains("spec.model.maxTokens 512");
  }

  @Test
  void aTimeBudgetShorterThanOneCallAndBadDurationsAreNamed() {
    AgentSpec spec = valid();
    spec.getPlanner().setTimeBudget("30s");
    spec.getModel().setTimeout("2m");
    assertThat(AgentValidator.problems(spec)).singleElement().asString().contains("spec.planner.timeBudget (30s)");
    spec.getModel().setTimeout("soon");
    assertThat(AgentValidator.problems(spec)).singleElement().asString().contains("spec.model.timeout (soon) is not a duration");
  }

  @Test
  void unsupportedKubernetesReadResourcesAreNamed() {
    AgentSpec spec = valid();
    spec.getTools().getKubernetesRead().setResources(List.of("pods", "nodes"));
    assertThat(AgentValidator.problems(spec)).singleElement().asString()
        .contains("spec.tools.kubernetesRead.resources names [nodes]");
  }

  @Test
  void thePolicyToolWithoutPoliciesIsNotAnError() {
    AgentSpec spec = valid();
    spec.getTools().getPolicy().setEnabled(true);  // the default: the planner offers it once a Policy is named
    assertThat(AgentValidator.problems(spec)).isEmpty();
  }
}
