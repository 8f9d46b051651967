package dev.autonomy.controllers.healing;

import static dev.autonomy.api.v1alpha1.common.RemediationAction.RAISE_MEMORY_LIMIT;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.RESTART;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.controllers.healing.Diagnosis.Cause;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnalyzeTest {
  static final Analyze.Context QUIET = new Analyze.Context(false, true);
  static final Analyze.Context AFTER_CHANGE = new Analyze.Context(true, true);

  private static Diagnosis one(Signal signal, Analyze.Context context) {
    List<Diagnosis> d = Analyze.diagnose(List.of(new Observation(signal, "pod/x", 1, "seen")), context);
    assertThat(d).hasSize(1);
    return d.get(0);
  }

  @ParameterizedTest
  @EnumSource(Signal.class)
  void everySignalHasADiagnosis(Signal signal) {
    Diagnosis d = one(signal, QUIET);
    assertThat(d.summary()).startsWith(signal + " on pod/x: ");
  }

  @Test
  void oomKilledMeansTheLimitIsTooLowAndRaisingItComesFirst() {
    Diagnosis d = one(Signal.OOM_KILLED, QUIET);
    assertThat(d.cause()).isEqualTo(Cause.MEMORY_LIMIT_TOO_LOW);
    assertThat(d.remedies()).containsExactly(RAISE_MEMORY_LIMIT, RESTART);
  }

  @Test
  void aCrashLoopRightAfterASpecChangeIsBlamedOnTheChange() {
    assertThat(one(Signal.CRASH_LOOP, AFTER_CHANGE).cause()).isEqualTo(Cause.BAD_CHANGE);
    assertThat(one(Signal.CRASH_LOOP, AFTER_CHANGE).remedies()).startsWith(ROLLBACK);
    assertThat(one(Signal.CRASH_LOOP, QUIET).cause()).isEqualTo(Cause.TRANSIENT_FAILURE);
    // Without a stable spec to go back to, a change cannot be rolled back.
    assertThat(one(Signal.CRASH_LOOP, new Analyze.Context(true, false)).cause()).isEqualTo(Cause.TRANSIENT_FAILURE);
  }

  @Test
  void anImagePullFailureIsRetriedUnlessARecentChangeCausedIt() {
    assertThat(one(Signal.IMAGE_PULL_FAILED, QUIET).remedies()).containsExactly(RESTART);
    assertThat(one(Signal.IMAGE_PULL_FAILED, AFTER_CHANGE).remedies()).containsExactly(ROLLBACK);
  }

  @Test
  void theRuleTableCoversEveryCause() {
    Set<Cause> covered = Analyze.RULES.stream().map(Analyze.Rule::cause).collect(Collectors.toSet());
    assertThat(covered).isEqualTo(EnumSet.allOf(Cause.class));
  }

  @Test
  void everyRuleIsTheFirstMatchInSomeContext() {
    List<Analyze.Context> contexts = List.of(QUIET, AFTER_CHANGE, new Analyze.Context(true, false),
        new Analyze.Context(false, false));
    for (Analyze.Rule rule : Analyze.RULES) {
      assertThat(contexts).as("rule %s → %s is reachable", rule.signal(), rule.cause()).anySatisfy(c -> {
        Diagnosis d = one(rule.signal(), c);
        assertThat(d.cause()).isEqualTo(rule.cause());
        assertThat(d.remedies()).isEqualTo(rule.remedies());
      });
    }
  }

  @Test
  void trainingModelAndReplicaFaultsGetTheirRemedies() {
    assertThat(one(Signal.LOSS_NAN, QUIET).remedies()).containsExactly(
        dev.autonomy.api.v1alpha1.common.RemediationAction.LOWER_LEARNING_RATE);
    assertThat(one(Signal.REWARD_REGRESSED, QUIET).remedies()).startsWith(
        dev.autonomy.api.v1alpha1.common.RemediationAction.RESUME_FROM_CHECKPOINT);
    assertThat(one(Signal.JOB_FAILED, QUIET).remedies()).containsExactly(
        dev.autonomy.api.v1alpha1.common.RemediationAction.RESUME_FROM_CHECKPOINT);
    assertThat(one(Signal.MODEL_ENDPOINT_ERRORS, QUIET).remedies()).containsExactly(
        dev.autonomy.api.v1alpha1.common.RemediationAction.SWITCH_TO_FALLBACK_MODEL);
    assertThat(one(Signal.MEMORY_REPLICA_LOST, QUIET).remedies()).startsWith(
        dev.autonomy.api.v1alpha1.common.RemediationAction.FAILOVER_REPLICA);
    assertThat(one(Signal.NODE_NOT_READY, QUIET).remedies()).containsExactly(
        dev.autonomy.api.v1alpha1.common.RemediationAction.RESCHEDULE);
  }
}
