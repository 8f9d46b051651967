package dev.autonomy.controllers.healing;

import static dev.autonomy.api.v1alpha1.common.RemediationAction.RESTART;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.common.HealingOutcome;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.common.RemediationAction;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.healing.Diagnosis.Cause;
import dev.autonomy.controllers.status.Reason;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HealingLoopTest {
  static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  static final Observation CRASH = new Observation(Signal.CRASH_LOOP, "pod/planner-1", 5, "CrashLoopBackOff");
  static final HasMetadata OWNER = new ConfigMapBuilder().withNewMetadata().withName("agent").endMetadata().build();

  final List<String> events = new ArrayList<>();
  final List<Observation> restarted = new ArrayList<>();
  final OutcomeLedger ledger = OutcomeLedger.inMemory();
  final HealingLoop loop = new HealingLoop(ledger, new Chooser(new SplittableRandom(1)), new EventRecorder(null) {
    @Override
    public void normal(HasMetadata on, Reason reason, String message) {
      events.add(reason + ": " + message);
    }

    @Override
    public void warning(HasMetadata on, Reason reason, String message) {
      events.add(reason + ": " + message);
    }
  });

  Map<RemediationAction, Function<Observation, Executor.Result>> restart(HealingOutcome outcome) {
    return Map.of(RESTART, o -> {
      restarted.add(o);
      return new Executor.Result(outcome, "deleted " + o.subject());
    });
  }

  static HealingSpec spec() {
    HealingSpec spec = new HealingSpec();
    spec.setCooldown("1m");
    spec.setCircuitBreakerThreshold(2);
    return spec;
  }

  @Test
  void appliesThenConcludesSuccessWhenTheSymptomIsGone() {
    HealingLoop.Turn turn = loop.run(OWNER, spec(), null, List.of(CRASH), AnalyzeTest.QUIET,
        restart(HealingOutcome.IN_PROGRESS), T0);
    assertThat(restarted).containsExactly(CRASH);
    assertThat(turn.healing()).isTrue();
    assertThat(turn.knowledge().getEntries()).singleElement().satisfies(e -> {
      assertThat(e.getSymptom()).isEqualTo("CRASH_LOOP pod/planner-1");
      assertThat(e.getDiagnosis()).isEqualTo("TRANSIENT_FAILURE");
      assertThat(e.getAction()).isEqualTo("restart");
      assertThat(e.getOutcome()).isEqualTo(HealingOutcome.IN_PROGRESS);
    });
    assertThat(events).singleElement().asString().startsWith("RemediationApplied");

    // Within the cooldown nothing is concluded nor applied again.
    HealingLoop.Turn waiting = loop.run(OWNER, spec(), turn.knowledge(), List.of(CRASH), AnalyzeTest.QUIET,
        restart(HealingOutcome.IN_PROGRESS), T0.plusSeconds(30));
    assertThat(restarted).hasSize(1);
    assertThat(waiting.message()).contains("cooldown");
    assertThat(waiting.recheck(T0.plusSeconds(30))).as("look again when the cooldown ends")
        .contains(java.time.Duration.ofSeconds(30));
    assertThat(turn.recheck(T0)).as("the outcome is judged then").contains(java.time.Duration.ofMinutes(1));

    HealingLoop.Turn pending = loop.run(OWNER, spec(), turn.knowledge(), List.of(), AnalyzeTest.QUIET,
        restart(HealingOutcome.IN_PROGRESS), T0.plusSeconds(40));
    assertThat(pending.healing()).as("the symptom is gone, the outcome is judged at the cooldown's end").isTrue();
    assertThat(pending.recheck(T0.plusSeconds(40))).contains(java.time.Duration.ofSeconds(20));

    HealingLoop.Turn after = loop.run(OWNER, spec(), turn.knowledge(), List.of(), AnalyzeTest.QUIET,
        restart(HealingOutcome.IN_PROGRESS), T0.plusSeconds(61));
    assertThat(after.knowledge().getEntries().get(0).getOutcome()).isEqualTo(HealingOutcome.SUCCEEDED);
    assertThat(after.knowledge().getEntries().get(0).getDurationMillis()).isEqualTo(61_000L);
    assertThat(after.healing()).isFalse();
    assertThat(ledger.load().successes(Cause.TRANSIENT_FAILURE, RESTART)).isEqualTo(1);
    assertThat(events).last().asString().startsWith("RemediationSucceeded");
  }

  @Test
  void aDryRunRejectionAppliesNothingAndCountsAsAFailure() {
    HealingLoop.Turn turn = loop.run(OWNER, spec(), null, List.of(CRASH), AnalyzeTest.QUIET,
        restart(HealingOutcome.DRY_RUN_REJECTED), T0);
    assertThat(turn.knowledge().getEntries().get(0).getOutcome()).isEqualTo(HealingOutcome.DRY_RUN_REJECTED);
    assertThat(turn.knowledge().getConsecutiveFailures()).isEqualTo(1);
    assertThat(ledger.load().failures(Cause.TRANSIENT_FAILURE, RESTART)).isEqualTo(1);
    assertThat(events).singleElement().asString().startsWith("RemediationRejected");
  }

  @Test
  void failuresInARowOpenTheCircuitAndStopHealing() {
    HealingLoop.Turn t = loop.run(OWNER, spec(), null, List.of(CRASH), AnalyzeTest.QUIET,
        restart(HealingOutcome.IN_PROGRESS), T0);
    t = loop.run(OWNER, spec(), t.knowledge(), List.of(CRASH), AnalyzeTest.QUIET, restart(HealingOutcome.IN_PROGRESS),
        T0.plusSeconds(61)); // concluded failed (symptom persists), backoff 2m, then waits
    assertThat(t.knowledge().getConsecutiveFailures()).isEqualTo(1);
    t = loop.run(OWNER, spec(), t.knowledge(), List.of(CRASH), AnalyzeTest.QUIET, restart(HealingOutcome.IN_PROGRESS),
        T0.plusSeconds(61 + 121)); // second restart
    assertThat(restarted).hasSize(2);
    t = loop.run(OWNER, spec(), t.knowledge(), List.of(CRASH), AnalyzeTest.QUIET, restart(HealingOutcome.IN_PROGRESS),
        T0.plusSeconds(3600)); // second failure: threshold 2 reached
    assertThat(t.exhausted()).isTrue();
    assertThat(t.knowledge().getCircuitOpen()).isTrue();
    loop.run(OWNER, spec(), t.knowledge(), List.of(CRASH), AnalyzeTest.QUIET, restart(HealingOutcome.IN_PROGRESS),
        T0.plusSeconds(7200));
    assertThat(restarted).hasSize(2);
    assertThat(events).filteredOn(e -> e.startsWith("RemediationFailed")).hasSize(2);
  }

  @Test
  void disabledOrSwitchedOffHealingDoesNothing() {
    HealingSpec disabled = spec();
    disabled.setDisabledActions(List.of(RESTART));
    assertThat(loop.run(OWNER, disabled, null, List.of(CRASH), AnalyzeTest.QUIET, restart(HealingOutcome.IN_PROGRESS),
        T0).message()).startsWith("No automatic remediation");
    HealingSpec off = spec();
    off.setEnabled(false);
    assertThat(loop.run(OWNER, off, null, List.of(CRASH), AnalyzeTest.QUIET, restart(HealingOutcome.IN_PROGRESS),
        T0).message()).contains("disabled");
    assertThat(restarted).isEmpty();
  }

  @Test
  void dryRunOnlyRecordsThePlanWithoutApplyingOrLearning() {
    HealingSpec spec = spec();
    spec.setDryRunOnly(true);
    HealingLoop.Turn turn = loop.run(OWNER, spec, null, List.of(CRASH), AnalyzeTest.QUIET,
        restart(HealingOutcome.SKIPPED), T0);
    assertThat(turn.healing()).isFalse();
    assertThat(turn.message()).contains("dry run only");
    assertThat(turn.knowledge().getEntries()).singleElement().satisfies(e ->
        assertThat(e.getOutcome()).isEqualTo(HealingOutcome.SKIPPED));
    assertThat(events).singleElement().asString().startsWith("RemediationPlanned");
    assertThat(ledger.load().toData()).isEmpty();
  }
}
