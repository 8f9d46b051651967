package dev.autonomy.controllers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyPhase;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.controllers.policy.AttemptObservation.State;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run's bookkeeping against a scripted backend: attempts, the retry budget, suspend, new runs. */
class PolicyTrainingTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  /** Answers each observe with the next scripted state, and records which attempts were looked at. */
  static final class Scripted implements AttemptBackend {
    final Deque<State> answers = new ArrayDeque<>();
    final List<Integer> observed = new ArrayList<>();

    @Override
    public AttemptObservation observe(Policy policy, PolicyStatus next) {
      observed.add(TrainingRun.attempt(next));
      next.setTrainingJobName(PolicyResources.job(policy, TrainingRun.generation(next), TrainingRun.attempt(next)));
      State state = answers.isEmpty() ? State.RUNNING : answers.poll();
      return AttemptObservation.of(state, "the trainer exited with code 1");
    }
  }

  Scripted backend;
  Policies.Events events;
  PolicyTraining training;
  Policy policy;
  PolicyStatus status;

  @BeforeEach
  void setUp() {
    backend = new Scripted();
    events = new Policies.Events();
    training = new PolicyTraining(backend, events);
    policy = Policies.example();
    policy.getSpec().getTraining().setBackoffLimit(2);
    status = new PolicyStatus();
  }

  /** One reconcile: the step, then the phase and conditions written back as the reconciler does. */
  PolicyTraining.Step reconcile(State... answers) {
    backend.answers.addAll(List.of(answers));
    ConditionSet conditions = ConditionSet.of(status.getConditions(), policy.getMetadata().getGeneration(), NOW);
    PolicyTraining.Step step = training.step(policy, status, conditions, NOW);
    status.setConditions(conditions.list());
    status.setPhase(PolicyStatusFactory.phase(policy, status));
    return step;
  }

  Condition condition(String type) {
    return ConditionSet.find(status.getConditions(), type).orElseThrow();
  }

  @Test
  void aNewPolicyStartsAttemptOneOfItsGenerationAndAsksForTheJob() {
    PolicyTraining.Step step = reconcile(State.ABSENT);
    assertThat(step.launch()).isTrue();
    assertThat(status.getAttempt()).isEqualTo(1);
    assertThat(status.getRetriesUsed()).isZero();
    assertThat(status.getTrainingGeneration()).isEqualTo(1L);
    assertThat(status.getTrainingSpecHash()).isEqualTo(PolicyConfigFactory.trainingHash(policy.getSpec()));
    assertThat(status.getTrainingJobName()).isEqualTo("cartpole-ppo-train-g1-a1");
    assertThat(status.getStartTime()).isEqualTo(NOW.toString());
    assertThat(status.getPhase()).isEqualTo(PolicyPhase.TRAINING);
    assertThat(condition(ConditionType.TRAINING).getStatus()).isEqualTo("True");
    assertThat(events.reasons()).containsExactly(Reason.AttemptStarted);
  }

  @Test
  void failedAttemptsAreRetriedWithinTheBudgetThenTheRunFails() {
    reconcile(State.ABSENT);
    reconcile(State.RUNNING);
    PolicyTraining.Step retry = reconcile(State.FAILED, State.ABSENT);
    assertThat(retry.launch()).as("the next attempt's Job").isTrue();
    assertThat(status.getAttempt()).isEqualTo(2);
    assertThat(status.getRetriesUsed()).isEqualTo(1);
    assertThat(status.getTrainingJobName()).isEqualTo("cartpole-ppo-train-g1-a2");
    assertThat(events.recorded).filteredOn(e -> e.reason() == Reason.AttemptFailed).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("Attempt 1 failed").contains("exited with code 1")
            .contains("retry 1 of 2"));
    reconcile(State.FAILED, State.ABSENT);
    assertThat(status.getAttempt()).isEqualTo(3);
    assertThat(status.getRetriesUsed()).isEqualTo(2);
    assertThat(status.getCompletionTime()).isNull();

    reconcile(State.FAILED);
    assertThat(status.getAttempt()).as("no fourth attempt").isEqualTo(3);
    assertThat(status.getRetriesUsed()).isEqualTo(2);
    assertThat(status.getCompletionTime()).isNotNull();
    assertThat(status.getPhase()).isEqualTo(PolicyPhase.FAILED);
    assertThat(condition(ConditionType.DEGRADED)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("TrainingFailed");
      assertThat(c.getMessage()).contains("3 attempts");
    });
    assertThat(TrainingRun.failed(status)).isTrue();

    backend.observed.clear();
    PolicyTraining.Step after = reconcile();
    assertThat(after.launch()).isFalse();
    assertThat(backend.observed).as("a finished run is left alone").isEmpty();
  }

  @Test
  void aRejectedAttemptIsNotRetried() {
    reconcile(State.ABSENT);
    reconcile(State.REJECTED);
    assertThat(status.getRetriesUsed()).isZero();
    assertThat(status.getPhase()).isEqualTo(PolicyPhase.FAILED);
    assertThat(condition(ConditionType.DEGRADED).getReason()).isEqualTo("TrainingRejected");
  }

  @Test
  void suspendStopsTheAttemptAndResumingTakesTheNextAttemptWithoutSpendingARetry() {
    reconcile(State.ABSENT);
    reconcile(State.RUNNING);
    policy.getSpec().setSuspend(true);
    policy.getMetadata().setGeneration(2L);
    reconcile();
    assertThat(status.getTrainingJobName()).as("no current Job: the reconciler deletes it").isNull();
    assertThat(status.getPhase()).isEqualTo(PolicyPhase.SUSPENDED);
    assertThat(condition(ConditionType.TRAINING).getReason()).isEqualTo("Suspended");
    assertThat(events.reasons()).contains(Reason.AttemptStopped);

    policy.getSpec().setSuspend(false);
    policy.getMetadata().setGeneration(3L);
    PolicyTraining.Step resumed = reconcile(State.ABSENT);
    assertThat(resumed.launch()).isTrue();
    assertThat(status.getTrainingGeneration()).as("the same run").isEqualTo(1L);
    assertThat(status.getAttempt()).isEqualTo(2);
    assertThat(status.getRetriesUsed()).isZero();
    assertThat(status.getTrainingJobName()).isEqualTo("cartpole-ppo-train-g1-a2");
  }

  @Test
  void aChangedTrainingSpecStartsAFreshRunWithTheWholeBudget() {
    reconcile(State.ABSENT);
    reconcile(State.FAILED, State.ABSENT);
    assertThat(status.getRetriesUsed()).isEqualTo(1);
    policy.getSpec().getHyperparameters().setLearningRate(0.0123);
    policy.getMetadata().setGeneration(2L);
    reconcile(State.ABSENT);
    assertThat(status.getTrainingGeneration()).isEqualTo(2L);
    assertThat(status.getAttempt()).isEqualTo(1);
    assertThat(status.getRetriesUsed()).isZero();
    assertThat(status.getTrainingJobName()).isEqualTo("cartpole-ppo-train-g2-a1");
    assertThat(events.reasons()).contains(Reason.AttemptStopped);

    policy.getSpec().getServing().setReplicas(3);
    policy.getMetadata().setGeneration(3L);
    reconcile(State.RUNNING);
    assertThat(status.getTrainingGeneration()).as("a serving change is not a new run").isEqualTo(2L);
  }

  @Test
  void aSucceededRunRecordsItsEndAndWaitsForTheEvaluation() {
    reconcile(State.ABSENT);
    reconcile(State.SUCCEEDED);
    assertThat(status.getCompletionTime()).isEqualTo(NOW.toString());
    assertThat(status.getPhase()).isEqualTo(PolicyPhase.EVALUATING);
    assertThat(condition(ConditionType.TRAINING)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("TrainingSucceeded");
    });
    assertThat(TrainingRun.failed(status)).isFalse();
  }

  @Test
  void anUnreachableBackendLeavesTrainingUnknownAndLooksAgain() {
    PolicyTraining.Step step = reconcile(State.UNREACHABLE);
    assertThat(step.launch()).isFalse();
    assertThat(step.requeue()).hasValue(RayAttempts.POLL);
    assertThat(condition(ConditionType.TRAINING)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("Unknown");
      assertThat(c.getReason()).isEqualTo("BackendUnreachable");
    });
  }
}
