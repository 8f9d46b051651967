package dev.autonomy.controllers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.ServingStatus;
import dev.autonomy.api.v1alpha1.policy.TrainingProgress;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyStatusFactoryTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void theAppliedStatusLeavesOutEveryFieldTheTrainerOwns() {
    PolicyStatus status = Policies.withCheckpoints(new PolicyStatus(), Policies.checkpoint("g1-s1", 1.0));
    TrainingProgress progress = new TrainingProgress();
    progress.setStep(10L);
    status.setProgress(progress);
    status.setLatestCheckpoint("g1-s1");
    status.setEvaluation(Policies.evaluation("g1-s1", 5.0));
    status.getEvaluation().setPassed(true);
    status.getEvaluation().setMessage("passes");
    ServingStatus serving = new ServingStatus();
    serving.setLiveMeanReward(3.0);
    serving.setEndpoint("http://x.team.svc:80");
    status.setServing(serving);
    status.setServingRevision("g1-s1");
    status.setAttempt(2);

    PolicyStatus own = PolicyStatusFactory.operatorOwned(status);
    String json = Serialization.asJson(own);
    assertThat(json).doesNotContain("progress", "latestCheckpoint", "checkpoints", "meanReward", "stdReward",
        "episodes", "liveMeanReward", "\"time\"", "\"checkpoint\"");
    assertThat(own.getEvaluation().getPassed()).isTrue();
    assertThat(own.getEvaluation().getMessage()).isEqualTo("passes");
    assertThat(own.getServing().getEndpoint()).isEqualTo("http://x.team.svc:80");
    assertThat(own.getServingRevision()).isEqualTo("g1-s1");
    assertThat(own.getAttempt()).isEqualTo(2);
    assertThat(status.getProgress()).as("the input is not changed").isNotNull();

    PolicyStatus trainerOnly = new PolicyStatus();
    trainerOnly.setEvaluation(Policies.evaluation("g1-s1", 5.0));
    trainerOnly.setServing(new ServingStatus());
    trainerOnly.getServing().setLiveMeanReward(1.0);
    assertThat(Serialization.asJson(PolicyStatusFactory.operatorOwned(trainerOnly))).isEqualTo("{}");
  }

  @Test
  void servingIsReadyWithAReadyServerAndTheEndpointIsReported() {
    Policy policy = Policies.example();
    PolicyStatus status = new PolicyStatus();
    status.setServingRevision("g1-s1");
    ConditionSet conditions = ConditionSet.of(null, 1L, NOW);
    Deployment deployment = new DeploymentBuilder().withNewSpec().withReplicas(1).endSpec().withNewStatus()
        .withReadyReplicas(1).endStatus().build();
    PolicyStatusFactory.serving(policy, status, Optional.of(deployment), conditions);
    PolicyStatusFactory.ready(policy, status, conditions);
    assertThat(status.getServing().getEndpoint()).isEqualTo("http://cartpole-ppo.team.svc:80");
    assertThat(status.getServing().getReadyReplicas()).isEqualTo(1);
    assertThat(ConditionSet.isTrue(conditions.list(), ConditionType.SERVING)).isTrue();
    assertThat(ConditionSet.isTrue(conditions.list(), ConditionType.READY)).isTrue();

    policy.getSpec().getServing().setEnabled(false);
    ConditionSet off = ConditionSet.of(conditions.list(), 2L, NOW);
    PolicyStatusFactory.serving(policy, status, Optional.of(deployment), off);
    PolicyStatusFactory.ready(policy, status, off);
    assertThat(status.getServing().getEndpoint()).isNull();
    assertThat(ConditionSet.find(off.list(), ConditionType.SERVING).orElseThrow().getReason()).isEqualTo("ServingDisabled");
    assertThat(ConditionSet.find(off.list(), ConditionType.READY).orElseThrow().getReason())
        .as("promoted, not served: still what the Policy is for").isEqualTo("Promoted");
  }

  @Test
  void withoutAPromotedCheckpointNothingIsServedYet() {
    Policy policy = Policies.example();
    PolicyStatus status = new PolicyStatus();
    ConditionSet conditions = ConditionSet.of(null, 1L, NOW);
    PolicyStatusFactory.serving(policy, status, Optional.empty(), conditions);
    PolicyStatusFactory.ready(policy, status, conditions);
    assertThat(status.getServing()).isNull();
    assertThat(ConditionSet.find(conditions.list(), ConditionType.SERVING).orElseThrow().getReason())
        .isEqualTo("NoPromotedCheckpoint");
    assertThat(ConditionSet.find(conditions.list(), ConditionType.READY).orElseThrow().getMessage())
        .isEqualTo("No trained checkpoint is serving yet.");
  }
}
