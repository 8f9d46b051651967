package dev.autonomy.controllers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.policy.Policy;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {

  @Test
  void theExampleIsValid() {
    Policy policy = Policies.example();
    assertThat(PolicyValidator.problems(policy.getMetadata().getName(), policy.getSpec())).isEmpty();
  }

  @Test
  void namesMustFitALabelAndAServedPolicysNameMustBeAServiceName() {
    Policy policy = Policies.example();
    assertThat(PolicyValidator.problems("p".repeat(64), policy.getSpec())).singleElement().asString()
        .contains("metadata.name").contains("63");
    assertThat(PolicyValidator.problems("cartpole.v1", policy.getSpec())).singleElement().asString()
        .contains("spec.serving.enabled");
    policy.getSpec().getServing().setEnabled(false);
    assertThat(PolicyValidator.problems("cartpole.v1", policy.getSpec())).isEmpty();
  }
}
