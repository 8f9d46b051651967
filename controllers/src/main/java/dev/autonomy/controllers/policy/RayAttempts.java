package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.RayJobStatus;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.policy.AttemptObservation.State;
import dev.autonomy.controllers.policy.ray.RayJobStates;
import dev.autonomy.controllers.policy.ray.RayTrainingBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Training attempts as Ray jobs, through {@link RayTrainingBackend}. Ray sees the Policy at the
 * generation of the run (status.trainingGeneration), so a change that does not start a new run
 * (serving, suspend) keeps the submission id and the checkpoint ids of the run.
 */
final class RayAttempts implements AttemptBackend {
  /** How often a running Ray job (or an unreachable dashboard) is looked at again. */
  static final Duration POLL = Duration.ofSeconds(5);
  private static final Logger LOG = Logger.getLogger(RayAttempts.class);
  private final RayTrainingBackend ray;

  RayAttempts(RayTrainingBackend ray) {
    this.ray = ray;
  }

  @Override
  public AttemptObservation observe(Policy policy, PolicyStatus next) {
    Policy trained = asTrained(policy, next);
    RayJobStatus job = ray.sync(trained, TrainingRun.attempt(next));
    next.setRay(job);
    String status = job == null ? null : job.getJobStatus();
    String detail = "Ray job " + (job == null ? "?" : job.getSubmissionId()) + " is " + status
        + (job == null || job.getMessage() == null ? "" : ": " + job.getMessage());
    if (status == null) {
      return AttemptObservation.of(State.UNREACHABLE, "the Ray backend gave no status");
    }
    return switch (status) {
      case RayJobStates.SUCCEEDED -> AttemptObservation.of(State.SUCCEEDED, detail);
      case RayJobStates.FAILED, RayJobStates.STOPPED -> {
        String logs = ray.failureLogs(trained, job).orElse("");
        // The trainer prints "training diverged: …" before it exits with code 3.
        yield AttemptObservation.of(logs.contains("training diverged") ? State.DIVERGED : State.FAILED,
            detail + (logs.isEmpty() ? "" : "\n" + logs));
      }
      case RayJobStates.REJECTED -> AttemptObservation.of(State.REJECTED, detail);
      case RayJobStates.UNREACHABLE -> AttemptObservation.of(State.UNREACHABLE,
          "the Ray dashboard " + (job.getDashboardUrl() == null ? "" : job.getDashboardUrl() + " ") + "does not answer"
              + (job.getMessage() == null ? "" : " (" + job.getMessage() + ")"));
      default -> AttemptObservation.of(State.RUNNING, detail);
    };
  }

  /** Stops the recorded Ray job when it is no longer the current attempt (suspend, a new run, another backend). */
  boolean stopStray(Policy policy, PolicyStatus recorded, PolicyStatus next) {
    RayJobStatus job = recorded.getRay();
    if (job == null || RayJobStates.terminal(job) || (next.getRay() != null
        && Objects.equals(next.getRay().getSubmissionId(), job.getSubmissionId()))) {
      return false;
    }
    try {
      ray.stop(policy, job);
      return true;
    } catch (RuntimeException e) {
      LOG.warnf("Policy %s/%s: Ray job %s not stopped: %s", PolicyResources.namespace(policy), PolicyResources.name(policy),
          job.getSubmissionId(), e.getMessage());
      return false;
    }
  }

  /**
   * Deletes the finished run's Ray job record {@code ttl} seconds after the run ended (and clears
   * status.ray); returns the time until it is due.
   */
  Optional<Duration> expire(Policy policy, PolicyStatus recorded, PolicyStatus next, Integer ttl, Instant now) {
    RayJobStatus job = next.getRay();
    if (ttl == null || job == null || !RayJobStates.terminal(job) || !TrainingRun.finished(next)) {
      return Optional.empty();
    }
    if (!TrainingRun.finished(recorded)) {  // the end is being recorded now: look again then
      return Optional.of(ttl > 0 ? Duration.ofSeconds(ttl) : POLL);
    }
    Instant due = Instant.parse(recorded.getCompletionTime()).plusSeconds(ttl);
    if (due.isAfter(now)) {
      return Optional.of(Duration.between(now, due));
    }
    try {
      ray.delete(policy, job);
      next.setRay(null);
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.warnf("Policy %s/%s: Ray job %s not deleted: %s", PolicyResources.namespace(policy), PolicyResources.name(policy),
          job.getSubmissionId(), e.getMessage());
      return Optional.of(POLL);
    }
  }

  /** Stops, then deletes, the current Ray job (the Policy is being deleted). */
  void forget(Policy policy, RayJobStatus job) {
    ray.stop(policy, job);
    ray.delete(policy, job);
  }

  /** The Policy as the run trains it: metadata.generation = the run's generation. */
  static Policy asTrained(Policy policy, long generation) {
    Policy copy = Copies.deepCopy(policy, Policy.class, Policy::new);
    copy.getMetadata().setGeneration(generation);
    return copy;
  }

  /** The same, with the healing overrides the next submission carries (status.healing of this reconcile). */
  static Policy asTrained(Policy policy, PolicyStatus next) {
    Policy copy = asTrained(policy, TrainingRun.generation(next));
    PolicyStatus status = copy.getStatus() == null ? new PolicyStatus() : copy.getStatus();
    status.setHealing(next.getHealing());
    copy.setStatus(status);
    return copy;
  }
}
