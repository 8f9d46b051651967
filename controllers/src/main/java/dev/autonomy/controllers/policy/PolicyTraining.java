package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.common.ConditionStatus;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.policy.AttemptObservation.State;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One step of the training run: a new spec starts a new run, suspend stops the attempt, a failed
 * attempt is retried while the budget lasts (the next attempt resumes from the checkpoint), and
 * the end of the run is recorded. Writes the operator's training fields and the Training, Trained
 * and Degraded conditions; the attempts themselves are the backend's.
 */
final class PolicyTraining {
  private final AttemptBackend backend;
  private final EventRecorder events;
  private final Healer healer;

  /** The healer's say on the current attempt, before the plain retry rule. */
  interface Healer {
    Healer NONE = new Healer() {
      @Override
      public Action heal(Policy policy, PolicyStatus next, AttemptObservation seen, Instant now) {
        return Action.NONE;
      }

      @Override
      public Optional<Duration> recheck(PolicyStatus next, Instant now) {
        return Optional.empty();
      }
    };

    /** RESTARTED: it set up the next attempt; WAIT: a retry waits for its backoff; NONE: no say. */
    enum Action { NONE, RESTARTED, WAIT }

    /** {@code seen} is null once the run is finished (an applied remediation may still be judged). */
    Action heal(Policy policy, PolicyStatus next, AttemptObservation seen, Instant now);

    /** When to look again for the healer's sake. */
    Optional<Duration> recheck(PolicyStatus next, Instant now);
  }

  /**
   * @param launch the Job backend should create the attempt's Job (after the children exist)
   * @param requeue when to look again without an event (a Ray job is polled)
   */
  record Step(boolean launch, Optional<Duration> requeue) {
    static final Step NONE = new Step(false, Optional.empty());
  }

  PolicyTraining(AttemptBackend backend, EventRecorder events) {
    this(backend, events, Healer.NONE);
  }

  PolicyTraining(AttemptBackend backend, EventRecorder events, Healer healer) {
    this.backend = backend;
    this.events = events;
    this.healer = healer;
  }

  Step step(Policy policy, PolicyStatus next, ConditionSet conditions, Instant now) {
    PolicySpec spec = policy.getSpec();
    String hash = PolicyConfigFactory.trainingHash(spec);
    if (TrainingRun.isNew(next, hash)) {
      if (next.getTrainingSpecHash() != null && TrainingRun.launched(next) && !TrainingRun.finished(next)) {
        events.normal(policy, Reason.AttemptStopped, "The training spec changed: attempt " + TrainingRun.attempt(next)
            + " is stopped and generation " + policy.getMetadata().getGeneration() + " starts a new run.");
      }
      TrainingRun.start(next, policy.getMetadata().getGeneration(), hash);
    }
    if (TrainingRun.finished(next)) {
      healer.heal(policy, next, null, now);
      return new Step(false, healer.recheck(next, now));
    }
    if (Boolean.TRUE.equals(spec.getSuspend())) {
      if (TrainingRun.launched(next)) {
        events.normal(policy, Reason.AttemptStopped, "spec.suspend: attempt " + TrainingRun.attempt(next)
            + " is stopped; training resumes from its newest checkpoint when resumed.");
        TrainingRun.interrupt(next);
      }
      String message = "Training is suspended by spec.suspend.";
      conditions.set(ConditionType.TRAINING, false, Reason.Suspended, message)
          .set(ConditionType.TRAINED, false, Reason.Suspended, message)
          .set(ConditionType.DEGRADED, false, Reason.Healthy, "Nothing is wrong.");
      return Step.NONE;
    }
    if (TrainingRun.interrupted(next)) {
      TrainingRun.resume(next);
    }
    String before = identity(next);
    AttemptObservation seen = backend.observe(policy, next);
    int current = TrainingRun.attempt(next);
    Healer.Action healed = healer.heal(policy, next, seen, now);
    if (healed == Healer.Action.WAIT) {
      String message = "Attempt " + current + " diverged; the next attempt waits for the healing backoff: "
          + seen.detail() + ".";
      training(next, conditions, ConditionStatus.TRUE, Reason.TrainingRunning, message);
      return new Step(false, healer.recheck(next, now));
    }
    boolean restarted = healed == Healer.Action.RESTARTED;
    if (!restarted && seen.retryable() && TrainingRun.canRetry(next, spec)) {
      TrainingRun.retry(next);
      restarted = true;
    }
    if (restarted) {
      if (seen.retryable()) {
        events.warning(policy, Reason.AttemptFailed, "Attempt " + current + " failed: " + seen.detail() + ". Attempt "
            + TrainingRun.attempt(next) + " resumes from the newest checkpoint" + scaled(next) + " (retry "
            + TrainingRun.retriesUsed(next) + " of " + TrainingRun.backoffLimit(spec) + ").");
      }
      before = identity(next);
      seen = backend.observe(policy, next);
    }
    if (!Objects.equals(before, identity(next)) && (seen.state() == State.ABSENT || seen.state() == State.RUNNING)) {
      events.normal(policy, Reason.AttemptStarted, "Attempt " + TrainingRun.attempt(next) + " of generation "
          + TrainingRun.generation(next) + " started: " + identity(next) + ".");
    }
    Step step = record(policy, next, conditions, seen, now);
    Optional<Duration> recheck = healer.recheck(next, now);
    return recheck.isEmpty() ? step : new Step(step.launch(), Stream.of(step.requeue(), recheck)
        .flatMap(Optional::stream).min(Duration::compareTo));
  }

  private static String scaled(PolicyStatus next) {
    double scale = TrainerOverrides.learningRateScale(next.getHealing());
    return scale == 1.0 ? "" : " with the learning rate scaled by " + scale;
  }

  private Step record(Policy policy, PolicyStatus next, ConditionSet conditions, AttemptObservation seen, Instant now) {
    int attempt = TrainingRun.attempt(next);
    String run = "generation " + TrainingRun.generation(next) + ", attempt " + attempt + " (" + TrainingRun.retriesUsed(next)
        + " of " + TrainingRun.backoffLimit(policy.getSpec()) + " retries used)";
    boolean ray = next.getRay() != null;
    switch (seen.state()) {
      case ABSENT, RUNNING -> {
        if (next.getStartTime() == null) {
          next.setStartTime(now.toString());
        }
        training(next, conditions, ConditionStatus.TRUE, Reason.TrainingRunning, "Training " + run + ": " + seen.detail() + ".");
        return new Step(seen.state() == State.ABSENT && !ray, ray ? Optional.of(RayAttempts.POLL) : Optional.empty());
      }
      case UNREACHABLE -> {
        training(next, conditions, ConditionStatus.UNKNOWN, Reason.BackendUnreachable, "Training " + run + " waits: "
            + seen.detail() + ".");
        return new Step(false, Optional.of(RayAttempts.POLL));
      }
      case SUCCEEDED -> {
        next.setCompletionTime(now.toString());
        conditions.set(ConditionType.TRAINING, false, Reason.TrainingSucceeded, "Training " + run + " finished: "
            + seen.detail() + ".");
        conditions.set(ConditionType.DEGRADED, false, Reason.Healthy, "Nothing is wrong.");
        return Step.NONE;
      }
      default -> {
        boolean rejected = seen.state() == State.REJECTED;
        Reason reason = rejected ? Reason.TrainingRejected : Reason.TrainingFailed;
        String message = rejected ? "Training " + run + " cannot succeed and is not retried: " + seen.detail() + "."
            : "Training failed after " + attempt + " attempts (spec.training.backoffLimit "
                + TrainingRun.backoffLimit(policy.getSpec()) + " retries used up); the last: " + seen.detail() + ".";
        next.setCompletionTime(now.toString());
        conditions.set(ConditionType.TRAINING, false, reason, message).set(ConditionType.TRAINED, false, reason, message)
            .set(ConditionType.DEGRADED, true, reason, message);
        return Step.NONE;
      }
    }
  }

  private static void training(PolicyStatus next, ConditionSet conditions, ConditionStatus status, Reason reason,
      String message) {
    conditions.set(ConditionType.TRAINING, status, reason, message)
        .set(ConditionType.TRAINED, false, Reason.TrainingRunning, "The current spec is being trained.")
        .set(ConditionType.DEGRADED, false, Reason.Healthy, "Nothing is wrong.");
  }

  /** The current attempt's Job or Ray job. */
  private static String identity(PolicyStatus status) {
    if (status.getTrainingJobName() != null) {
      return "Job " + status.getTrainingJobName();
    }
    return status.getRay() == null ? null : "Ray job " + status.getRay().getSubmissionId();
  }
}
