package dev.autonomy.controllers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.common.HealingEntry;
import dev.autonomy.api.v1alpha1.common.HealingOutcome;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.TrainingProgress;
import dev.autonomy.controllers.healing.Chooser;
import dev.autonomy.controllers.healing.HealingLoop;
import dev.autonomy.controllers.healing.Observation;
import dev.autonomy.controllers.healing.OutcomeLedger;
import dev.autonomy.controllers.healing.Signal;
import dev.autonomy.controllers.policy.AttemptObservation.State;
import dev.autonomy.controllers.policy.PolicyTraining.Healer.Action;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The training run's healer without a cluster: its observations, the staged attempts and overrides. */
class PolicyHealingTest {
  static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");
  static final AttemptObservation NAN = AttemptObservation.of(State.DIVERGED, "the trainer exited with code 3");
  static final AttemptObservation RUNNING = AttemptObservation.of(State.RUNNING, "Job x is running");
  static final java.time.Duration STALL = java.time.Duration.ofMinutes(10);

  Policies.Events events;
  PolicyHealing healing;
  Policy policy;
  PolicyStatus status;

  @BeforeEach
  void setUp() {
    events = new Policies.Events();
    healing = new PolicyHealing(new HealingLoop(OutcomeLedger.inMemory(), new Chooser(new SplittableRandom(3)), events),
        null, s -> Optional.empty(), STALL);
    policy = Policies.example();
    policy.getSpec().getTraining().setBackoffLimit(3);
    HealingSpec spec = new HealingSpec();
    spec.setCooldown("30s");
    policy.getSpec().setHealing(spec);
    status = new PolicyStatus();
    status.setTrainingGeneration(1L);
    status.setAttempt(1);
    status.setTrainingJobName("cartpole-ppo-train-g1-a1");
  }

  @Test
  void aDivergedAttemptIsRetriedWithHalfTheLearningRateThenWaitsForItsBackoff() {
    assertThat(healing.heal(policy, status, NAN, T0)).isEqualTo(Action.RESTARTED);
    assertThat(status.getAttempt()).isEqualTo(2);
    assertThat(status.getRetriesUsed()).isEqualTo(1);
    assertThat(status.getTrainingJobName()).as("the next attempt is to be created").isNull();
    assertThat(TrainerOverrides.env(status.getHealing(), 2)).containsEntry("AUTONOMY_LEARNING_RATE_SCALE", "0.5");
    assertThat(last()).satisfies(e -> {
      assertThat(e.getSymptom()).isEqualTo("LOSS_NAN run/g1");
      assertThat(e.getAction()).isEqualTo("lower-learning-rate");
      assertThat(e.getOutcome()).isEqualTo(HealingOutcome.IN_PROGRESS);
    });
    assertThat(healing.recheck(status, T0)).contains(java.time.Duration.ofSeconds(30));

    assertThat(healing.heal(policy, status, NAN, T0.plusSeconds(5))).as("diverged again within the cooldown")
        .isEqualTo(Action.WAIT);
    assertThat(status.getAttempt()).isEqualTo(2);

    assertThat(healing.heal(policy, status, NAN, T0.plusSeconds(31))).as("the cooldown is over: the symptom persisted")
        .isEqualTo(Action.WAIT);
    assertThat(status.getHealing().getEntries().get(0).getOutcome()).isEqualTo(HealingOutcome.FAILED);
    assertThat(healing.heal(policy, status, NAN, T0.plusSeconds(92))).as("after the doubled backoff")
        .isEqualTo(Action.RESTARTED);
    assertThat(TrainerOverrides.env(status.getHealing(), 3)).containsEntry("AUTONOMY_LEARNING_RATE_SCALE", "0.25");
  }

  @Test
  void aFailedAttemptResumesFromTheNewestCheckpointUntilTheRetriesAreUsedUp() {
    AttemptObservation failed = AttemptObservation.of(State.FAILED, "the trainer exited with code 1");
    assertThat(healing.heal(policy, status, failed, T0)).isEqualTo(Action.RESTARTED);
    assertThat(last().getAction()).isEqualTo("resume-from-checkpoint");
    assertThat(TrainerOverrides.env(status.getHealing(), 2)).isEmpty();

    status.setRetriesUsed(3);
    assertThat(healing.heal(policy, status, failed, T0.plusSeconds(60))).isEqualTo(Action.NONE);
    assertThat(status.getAttempt()).isEqualTo(2);
  }

  @Test
  void aRegressedRunRewindsToItsBestCheckpointWithoutSpendingARetry() {
    status.setCheckpoints(List.of(checkpoint("g1-s0000010000", 10_000, 180.0), checkpoint("g1-s0000020000", 20_000, 420.0),
        checkpoint("g1-s0000030000", 30_000, 260.0)));
    status.setProgress(progress(34_000, 150.0, T0));
    assertThat(PolicyHealing.observe(status, RUNNING, STALL, T0)).singleElement().extracting(Observation::signal)
        .isEqualTo(Signal.REWARD_REGRESSED);

    assertThat(healing.heal(policy, status, RUNNING, T0.plusSeconds(1))).isEqualTo(Action.RESTARTED);
    assertThat(status.getAttempt()).isEqualTo(2);
    assertThat(status.getRetriesUsed()).as("a rewind is not a failure").isNull();
    assertThat(TrainerOverrides.env(status.getHealing(), 2)).containsEntry("AUTONOMY_RESUME_FROM", "g1-s0000020000");
    assertThat(TrainerOverrides.env(status.getHealing(), 3)).as("only the rewinding attempt rewinds")
        .doesNotContainKey("AUTONOMY_RESUME_FROM");
    assertThat(PolicyHealing.observe(status, RUNNING, STALL, T0)).as("progress from before the rewind does not count").isEmpty();

    status.setProgress(progress(24_000, 400.0, T0.plusSeconds(20)));
    assertThat(PolicyHealing.observe(status, RUNNING, STALL, T0)).isEmpty();
  }

  @Test
  void aNoisyButSteadyRunAndNegativeRewardsAreReadRight() {
    status.setCheckpoints(List.of(checkpoint("g1-s0000010000", 10_000, 300.0)));
    status.setProgress(progress(12_000, 200.0, T0));
    assertThat(PolicyHealing.regressedFrom(status)).as("a third lower is noise").isEmpty();
    status.setCheckpoints(List.of(checkpoint("g1-s0000010000", 10_000, -110.0)));
    status.setProgress(progress(12_000, -200.0, T0));
    assertThat(PolicyHealing.regressedFrom(status)).as("MountainCar: -110 → -200").isPresent();
    status.setCheckpoints(List.of(checkpoint("g0-s0000010000", 10_000, 400.0)));
    status.setProgress(progress(12_000, 10.0, T0));
    assertThat(PolicyHealing.regressedFrom(status)).as("another run's checkpoint").isEmpty();
  }

  @Test
  void aNewRunDropsTheHealersOverrides() {
    healing.heal(policy, status, NAN, T0);
    TrainingRun.start(status, 2, "other");
    assertThat(TrainerOverrides.env(status.getHealing(), 1)).isEmpty();
  }

  private HealingEntry last() {
    List<HealingEntry> entries = status.getHealing().getEntries();
    return entries.get(entries.size() - 1);
  }

  static CheckpointRecord checkpoint(String id, long step, double meanReward) {
    CheckpointRecord r = new CheckpointRecord();
    r.setId(id);
    r.setStep(step);
    r.setMeanReward(meanReward);
    return r;
  }

  static TrainingProgress progress(long step, double meanReward, Instant at) {
    TrainingProgress p = new TrainingProgress();
    p.setStep(step);
    p.setMeanReward(meanReward);
    p.setLastUpdateTime(at.toString());
    return p;
  }

  @Test
  void aRunningAttemptSilentForTheStallTimeIsRestartedFromItsCheckpointWithoutSpendingARetry() {
    int[] podReads = {0};
    AttemptObservation running = AttemptObservation.running("Job x is running", () -> {
      podReads[0]++;
      return Optional.of(T0.minusSeconds(1200));
    });
    status.setProgress(progress(5_000, 20.0, T0.minusSeconds(300)));
    assertThat(PolicyHealing.observe(status, running, STALL, T0)).as("reported 5 min ago").isEmpty();
    assertThat(healing.heal(policy, status, running, T0)).isEqualTo(Action.NONE);
    assertThat(healing.recheck(status, T0)).as("looked at again when it would stall")
        .contains(java.time.Duration.ofMillis(300_100));
    assertThat(podReads[0]).as("a fresh report needs no pod read").isZero();
    assertThat(PolicyHealing.observe(status, AttemptObservation.of(State.RUNNING, "Job x is pending"), STALL,
        T0.plusSeconds(3600))).as("a pending attempt does not stall").isEmpty();

    Instant later = T0.plusSeconds(301);
    assertThat(PolicyHealing.observe(status, running, STALL, later)).singleElement().satisfies(o -> {
      assertThat(o.signal()).isEqualTo(Signal.TRAINING_STALLED);
      assertThat(o.evidence()).contains(T0.minusSeconds(300).toString());
    });
    assertThat(healing.heal(policy, status, running, later)).isEqualTo(Action.RESTARTED);
    assertThat(status.getAttempt()).isEqualTo(2);
    assertThat(status.getRetriesUsed()).isNull();
    assertThat(last().getAction()).isEqualTo("resume-from-checkpoint");
  }
}
