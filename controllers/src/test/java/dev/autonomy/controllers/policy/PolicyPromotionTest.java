package dev.autonomy.controllers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyPhase;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.ServingStatus;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyPromotionTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  Policies.Events events;
  Policy policy;
  PolicyStatus status;

  @BeforeEach
  void setUp() {
    events = new Policies.Events();
    policy = Policies.example();
    policy.getMetadata().setGeneration(2L);
    status = new PolicyStatus();
    TrainingRun.start(status, 2L, PolicyConfigFactory.trainingHash(policy.getSpec()));
    status.setCompletionTime(NOW.minusSeconds(5).toString());
  }

  void reconcile(Instant now) {
    ConditionSet conditions = ConditionSet.of(status.getConditions(), 2L, now);
    new PolicyPromotion(events).step(policy, status, conditions, now);
    status.setConditions(conditions.list());
    status.setPhase(PolicyStatusFactory.phase(policy, status));
  }

  @Test
  void withoutThisRunsEvaluationThePolicyWaits() {
    status.setEvaluation(Policies.evaluation("g1-s0000010000", 500.0));
    reconcile(NOW);
    assertThat(status.getPhase()).isEqualTo(PolicyPhase.EVALUATING);
    assertThat(ConditionSet.find(status.getConditions(), ConditionType.TRAINED).orElseThrow().getReason())
        .isEqualTo("EvaluationPending");
    assertThat(status.getServingRevision()).isNull();
  }

  @Test
  void aPassingEvaluationIsPromotedAndTheOldRevisionKeptForRollback() {
    status.setServingRevision("g1-s0000010000");
    Policies.withCheckpoints(status, Policies.checkpoint("g1-s0000010000", 480.0));
    status.setEvaluation(Policies.evaluation("g2-s0000020000", 490.0));
    reconcile(NOW);
    assertThat(status.getServingRevision()).isEqualTo("g2-s0000020000");
    assertThat(status.getServing().getPreviousRevision()).isEqualTo("g1-s0000010000");
    assertThat(status.getServing().getRevisionTime()).isEqualTo(NOW.toString());
    assertThat(status.getEvaluation().getPassed()).isTrue();
    assertThat(status.getEvaluation().getMessage()).contains("490").contains("passes");
    assertThat(status.getPhase()).isEqualTo(PolicyPhase.SERVING);
    assertThat(events.reasons()).containsExactly(Reason.Promoted);
    reconcile(NOW.plusSeconds(1));
    assertThat(events.reasons()).as("decided once").containsExactly(Reason.Promoted);
  }

  @Test
  void aRefusedEvaluationKeepsServingTheOldRevisionUntilALoweredGateLetsItPass() {
    status.setEvaluation(Policies.evaluation("g2-s0000020000", 300.0));
    reconcile(NOW);
    assertThat(status.getEvaluation().getPassed()).isFalse();
    assertThat(status.getServingRevision()).isNull();
    assertThat(status.getPhase()).isEqualTo(PolicyPhase.TRAINED);
    assertThat(ConditionSet.find(status.getConditions(), ConditionType.TRAINED).orElseThrow().getReason())
        .isEqualTo("PromotionRefused");
    reconcile(NOW.plusSeconds(1));
    assertThat(events.reasons()).containsExactly(Reason.PromotionRefused);
    policy.getSpec().getEvaluation().setMinMeanReward(250.0);
    reconcile(NOW.plusSeconds(2));
    assertThat(status.getServingRevision()).isEqualTo("g2-s0000020000");
    assertThat(events.reasons()).containsExactly(Reason.PromotionRefused, Reason.Promoted);
  }

  @Test
  void aRegressedLiveRewardRollsBackOnce() {
    status.setEvaluation(Policies.evaluation("g2-s0000020000", 490.0));
    status.setServingRevision("g2-s0000020000");
    status.getEvaluation().setPassed(true);
    ServingStatus serving = new ServingStatus();
    serving.setPreviousRevision("g1-s0000010000");
    serving.setRevisionTime(NOW.minusSeconds(600).toString());
    serving.setLiveMeanReward(300.0);
    status.setServing(serving);
    reconcile(NOW);
    assertThat(status.getServingRevision()).isEqualTo("g1-s0000010000");
    assertThat(status.getServing().getPreviousRevision()).isNull();
    assertThat(events.reasons()).containsExactly(Reason.RolledBack);
    reconcile(NOW.plusSeconds(120));
    assertThat(status.getServingRevision()).as("no ping-pong").isEqualTo("g1-s0000010000");
    assertThat(events.reasons()).containsExactly(Reason.RolledBack);
  }
}
