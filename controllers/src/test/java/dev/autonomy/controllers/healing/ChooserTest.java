package dev.autonomy.controllers.healing;

import static dev.autonomy.api.v1alpha1.common.RemediationAction.RAISE_MEMORY_LIMIT;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.RESTART;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.common.RemediationAction;
import dev.autonomy.controllers.healing.Diagnosis.Cause;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChooserTest {

  @Test
  void aRemediationThatKeepsFailingStopsBeingChosen() {
    Chooser chooser = new Chooser(new SplittableRandom(7));
    OutcomeStats stats = new OutcomeStats();
    List<RemediationAction> candidates = List.of(RESTART, RAISE_MEMORY_LIMIT); // the worse one first
    // The world: restarting never cures an OOM, raising the limit always does.
    int raisedInLast50 = 0;
    for (int i = 0; i < 200; i++) {
      RemediationAction action = chooser.choose(Cause.MEMORY_LIMIT_TOO_LOW, candidates, stats).orElseThrow();
      stats.record(Cause.MEMORY_LIMIT_TOO_LOW, action, action == RAISE_MEMORY_LIMIT);
      if (i >= 150 && action == RAISE_MEMORY_LIMIT) {
        raisedInLast50++;
      }
    }
    assertThat(raisedInLast50).isGreaterThanOrEqualTo(48);
    assertThat(stats.failures(Cause.MEMORY_LIMIT_TOO_LOW, RESTART)).isLessThan(20);
  }

  @Test
  void withoutExperienceTheRulesFirstRemedyIsPreferredButTheOtherIsStillTried() {
    Chooser chooser = new Chooser(new SplittableRandom(3));
    int restarts = 0;
    for (int i = 0; i < 1000; i++) {
      restarts += chooser.choose(Cause.BAD_CHANGE, List.of(ROLLBACK, RESTART), new OutcomeStats()).orElseThrow() == RESTART ? 1 : 0;
    }
    assertThat(restarts).isBetween(300, 480); // P ≈ 0.39 for Beta(2,1) − 0.10 against Beta(1,1) − 0.04
  }

  @Test
  void nothingApplicableChoosesNothing() {
    assertThat(new Chooser(new SplittableRandom(1)).choose(Cause.IMAGE_UNAVAILABLE, List.of(), new OutcomeStats()))
        .isEmpty();
  }

  @Test
  void outcomeStatisticsSurviveAConfigMapRoundTripAndIgnoreGarbage() {
    OutcomeStats stats = new OutcomeStats();
    stats.record(Cause.NODE_FAILURE, RemediationAction.RESCHEDULE, true);
    stats.record(Cause.NODE_FAILURE, RemediationAction.RESCHEDULE, false);
    stats.record(Cause.NODE_FAILURE, RemediationAction.RESCHEDULE, true);
    Map<String, String> data = new java.util.HashMap<>(stats.toData());
    assertThat(data).containsEntry("NODE_FAILURE.reschedule", "2/1");
    data.put("BROKEN.entry", "not-a-count");
    OutcomeStats back = OutcomeStats.fromData(data);
    assertThat(back.successes(Cause.NODE_FAILURE, RemediationAction.RESCHEDULE)).isEqualTo(2);
    assertThat(back.failures(Cause.NODE_FAILURE, RemediationAction.RESCHEDULE)).isEqualTo(1);
    assertThat(back.toData()).doesNotContainKey("BROKEN.entry");
  }

  @Test
  void planSkipsDiagnosesWithoutAnApplicableRemedy() {
    Observation pull = new Observation(Signal.IMAGE_PULL_FAILED, "pod/a", 1, "ErrImagePull");
    Observation oom = new Observation(Signal.OOM_KILLED, "pod/b", 2, "OOMKilled");
    List<Diagnosis> diagnoses = Analyze.diagnose(List.of(pull, oom), AnalyzeTest.QUIET);
    Plan.Decision decision = Plan.plan(diagnoses, java.util.Set.of(RemediationAction.RAISE_MEMORY_LIMIT), new OutcomeStats(),
        new Chooser(new SplittableRandom(1))).orElseThrow();
    assertThat(decision.action()).isEqualTo(RemediationAction.RAISE_MEMORY_LIMIT);
    assertThat(decision.diagnosis().observation()).isEqualTo(oom);
  }
}
