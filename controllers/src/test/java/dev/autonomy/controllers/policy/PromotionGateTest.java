package dev.autonomy.controllers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.policy.EvaluationSpec;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.ServingSpec;
import dev.autonomy.api.v1alpha1.policy.ServingStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PromotionGateTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  static EvaluationSpec gate(Double min, boolean mustNotRegress) {
    EvaluationSpec gate = new EvaluationSpec();
    gate.setMinMeanReward(min);
    gate.setMustNotRegress(mustNotRegress);
    return gate;
  }

  @Test
  void aMeanBelowTheMinimumIsRefusedAndOneAtItPasses() {
    PolicyStatus status = new PolicyStatus();
    var refused = PromotionGate.decide(gate(475.0, true), Policies.evaluation("g1-s1", 474.9), status);
    assertThat(refused.passed()).isFalse();
    assertThat(refused.message()).contains("474.9").contains("spec.evaluation.minMeanReward 475");
    assertThat(PromotionGate.decide(gate(475.0, true), Policies.evaluation("g1-s1", 475), status).passed()).isTrue();
    assertThat(PromotionGate.decide(gate(null, true), Policies.evaluation("g1-s1", -1e6), status).passed())
        .as("no minimum: any mean passes").isTrue();
  }

  @Test
  void mustNotRegressComparesWithTheServingRevisionsRecordedMean() {
    PolicyStatus status = Policies.withCheckpoints(new PolicyStatus(), Policies.checkpoint("g1-s9", 300.0));
    status.setServingRevision("g1-s9");
    var worse = PromotionGate.decide(gate(100.0, true), Policies.evaluation("g2-s5", 299.0), status);
    assertThat(worse.passed()).isFalse();
    assertThat(worse.message()).contains("regresses from 300").contains("g1-s9");
    assertThat(PromotionGate.decide(gate(100.0, true), Policies.evaluation("g2-s5", 300.0), status).passed()).isTrue();
    assertThat(PromotionGate.decide(gate(100.0, false), Policies.evaluation("g2-s5", 150.0), status).passed())
        .as("mustNotRegress off").isTrue();
    status.setServingRevision("g0-s1");
    assertThat(PromotionGate.decide(gate(100.0, true), Policies.evaluation("g2-s5", 150.0), status))
        .as("nothing recorded to compare with")
        .satisfies(d -> assertThat(d.passed()).isTrue()).satisfies(d -> assertThat(d.message()).contains("no recorded mean"));
  }

  static PolicyStatus serving(double evaluated, double live, String revisionTime) {
    PolicyStatus status = Policies.withCheckpoints(new PolicyStatus(), Policies.checkpoint("g1-s1", 200.0),
        Policies.checkpoint("g2-s1", evaluated));
    status.setServingRevision("g2-s1");
    ServingStatus serving = new ServingStatus();
    serving.setPreviousRevision("g1-s1");
    serving.setLiveMeanReward(live);
    serving.setRevisionTime(revisionTime);
    status.setServing(serving);
    return status;
  }

  @Test
  void aLiveRewardMoreThanTenPercentBelowTheEvaluationRollsBackAfterTheGracePeriod() {
    ServingSpec spec = new ServingSpec();
    String old = NOW.minusSeconds(3600).toString();
    assertThat(PromotionGate.rollback(spec, serving(400, 361, old), NOW)).as("within 10 %").isEmpty();
    var rollback = PromotionGate.rollback(spec, serving(400, 359, old), NOW);
    assertThat(rollback).hasValueSatisfying(r -> {
      assertThat(r.from()).isEqualTo("g2-s1");
      assertThat(r.to()).isEqualTo("g1-s1");
      assertThat(r.message()).contains("359").contains("10%").contains("400");
    });
    String fresh = NOW.minusSeconds(10).toString();
    assertThat(PromotionGate.rollback(spec, serving(400, 100, fresh), NOW)).as("grace period").isEmpty();
    assertThat(PromotionGate.untilJudged(spec, serving(400, 100, fresh), NOW))
        .hasValue(PromotionGate.ROLLBACK_GRACE.minusSeconds(10));
    assertThat(PromotionGate.rollback(spec, serving(-100, -111, old), NOW)).as("negative rewards: 10 % of |mean|")
        .isPresent();
    assertThat(PromotionGate.rollback(spec, serving(-100, -109, old), NOW)).isEmpty();
    spec.setRollbackOnRegression(false);
    assertThat(PromotionGate.rollback(spec, serving(400, 0, old), NOW)).isEmpty();
  }

  @Test
  void noRollbackWithoutAPreviousRevisionOrALiveReward() {
    ServingSpec spec = new ServingSpec();
    PolicyStatus status = serving(400, 10, null);
    status.getServing().setPreviousRevision(null);
    assertThat(PromotionGate.rollback(spec, status, NOW)).isEmpty();
    PolicyStatus quiet = serving(400, 10, null);
    quiet.getServing().setLiveMeanReward(null);
    assertThat(PromotionGate.rollback(spec, quiet, NOW)).isEmpty();
  }

  @Test
  void theServingMeanIsTheLatestEvaluationWhenItIsThatCheckpoint() {
    PolicyStatus status = Policies.withCheckpoints(new PolicyStatus(), Policies.checkpoint("g2-s1", 100.0));
    status.setEvaluation(Policies.evaluation("g2-s1", 420.0));
    assertThat(PromotionGate.recordedMean(status, "g2-s1")).hasValue(420.0);
    assertThat(PromotionGate.recordedMean(status, "g9-s9")).isEmpty();
  }
}
