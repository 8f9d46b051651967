package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import java.util.Set;

/**
 * The bookkeeping of a training run in status, where it survives re-created children: which spec
 * it trains, its attempts and the retry budget. Pure.
 */
final class TrainingRun {
  /** Reasons of the Training condition that end a run without a trained checkpoint. */
  static final Set<String> FAILURES = Set.of(Reason.TrainingFailed.name(), Reason.TrainingRejected.name());

  private TrainingRun() {}

  /** A spec whose training part differs from the run's (or no run yet) starts a new run. */
  static boolean isNew(PolicyStatus status, String trainingHash) {
    return status.getTrainingSpecHash() == null || !status.getTrainingSpecHash().equals(trainingHash);
  }

  /** A fresh run: attempt 1, the whole retry budget, no promotion decided. */
  static void start(PolicyStatus next, long generation, String trainingHash) {
    next.setTrainingGeneration(generation);
    next.setTrainingSpecHash(trainingHash);
    next.setAttempt(1);
    next.setRetriesUsed(0);
    next.setTrainingJobName(null);
    next.setRay(null);
    next.setStartTime(null);
    next.setCompletionTime(null);
    if (next.getEvaluation() != null) {
      next.getEvaluation().setPassed(null);
      next.getEvaluation().setMessage(null);
    }
    if (next.getHealing() != null && next.getHealing().getOverrides() != null) {
      // The healer's changes belong to the run they healed; a new spec trains as written.
      java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>(next.getHealing().getOverrides());
      overrides.keySet().removeAll(TrainerOverrides.KEYS);
      next.getHealing().setOverrides(overrides.isEmpty() ? null : overrides);
    }
  }

  static boolean finished(PolicyStatus status) {
    return status.getCompletionTime() != null;
  }

  static boolean failed(PolicyStatus status) {
    return finished(status) && ConditionSet.find(status.getConditions(), ConditionType.TRAINING)
        .map(c -> FAILURES.contains(c.getReason())).orElse(false);
  }

  /** An attempt was started and is identified in status (a Job name or a Ray job). */
  static boolean launched(PolicyStatus status) {
    return status.getTrainingJobName() != null || status.getRay() != null;
  }

  /** Suspend stopped the run's attempt: resuming takes the next attempt, which resumes from the checkpoint. */
  static boolean interrupted(PolicyStatus status) {
    return !finished(status) && status.getStartTime() != null && !launched(status);
  }

  static void interrupt(PolicyStatus next) {
    next.setTrainingJobName(null);
    next.setRay(null);
  }

  /** The next attempt without spending the retry budget (after a suspend). */
  static void resume(PolicyStatus next) {
    next.setAttempt(attempt(next) + 1);
  }

  static boolean canRetry(PolicyStatus status, PolicySpec spec) {
    return retriesUsed(status) < backoffLimit(spec);
  }

  /** The next attempt, spending one retry. */
  static void retry(PolicyStatus next) {
    next.setRetriesUsed(retriesUsed(next) + 1);
    next.setAttempt(attempt(next) + 1);
    interrupt(next);
  }

  static int attempt(PolicyStatus status) {
    return status.getAttempt() == null ? 1 : status.getAttempt();
  }

  static int retriesUsed(PolicyStatus status) {
    return status.getRetriesUsed() == null ? 0 : status.getRetriesUsed();
  }

  static int backoffLimit(PolicySpec spec) {
    return spec.getTraining() == null || spec.getTraining().getBackoffLimit() == null ? 3
        : spec.getTraining().getBackoffLimit();
  }

  static long generation(PolicyStatus status) {
    return status.getTrainingGeneration() == null ? 0 : status.getTrainingGeneration();
  }

  /** Checkpoint ids of this run start with it (the trainer's {@code g<generation>-}). */
  static String checkpointPrefix(PolicyStatus status) {
    return "g" + generation(status) + "-";
  }

  /** The trainer's evaluation belongs to this run: its checkpoint id starts with {@code g<generation>-}. */
  static boolean evaluated(PolicyStatus status) {
    var evaluation = status.getEvaluation();
    return evaluation != null && evaluation.getMeanReward() != null && evaluation.getCheckpoint() != null
        && evaluation.getCheckpoint().startsWith(checkpointPrefix(status));
  }
}
