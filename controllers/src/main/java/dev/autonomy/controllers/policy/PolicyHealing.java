package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.common.HealingOutcome;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import dev.autonomy.api.v1alpha1.common.RemediationAction;
import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.TrainingProgress;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.healing.Analyze;
import dev.autonomy.controllers.healing.Executor;
import dev.autonomy.controllers.healing.HealingLoop;
import dev.autonomy.controllers.healing.Observation;
import dev.autonomy.controllers.healing.Signal;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * MAPE-K for a Policy's training run: a failed attempt resumes from the newest checkpoint, a
 * diverged one (NaN) resumes with half the learning rate, and a run whose mean reward fell well
 * below its best checkpoint rewinds to that checkpoint. The changes go to status (attempt counters
 * and {@code status.healing.overrides}, never the spec); the next attempt's Job is dry-run first.
 */
final class PolicyHealing implements PolicyTraining.Healer {
  /** A run regressed when its mean reward fell by more than this share of its best checkpoint's. */
  static final double REGRESSION = 0.5;

  private final HealingLoop loop;
  private final Executor executor;
  private final Function<PolicyStatus, Optional<HasMetadata>> nextAttempt;
  private HealingLoop.Turn turn;
  private boolean restarted;

  /**
   * @param nextAttempt the object the next attempt creates for a status (its Job; empty on Ray),
   *     what the dry run judges
   */
  PolicyHealing(HealingLoop loop, Executor executor, Function<PolicyStatus, Optional<HasMetadata>> nextAttempt) {
    this.loop = loop;
    this.executor = executor;
    this.nextAttempt = nextAttempt;
  }

  @Override
  public Action heal(Policy policy, PolicyStatus next, AttemptObservation seen, Instant now) {
    restarted = false;
    HealingSpec spec = policy.getSpec().getHealing();
    List<Observation> observations = observe(next, seen);
    Map<String, String> staged = new LinkedHashMap<>();
    Map<RemediationAction, Function<Observation, Executor.Result>> actions = new EnumMap<>(RemediationAction.class);
    boolean failed = seen != null && seen.retryable() && TrainingRun.canRetry(next, policy.getSpec());
    Optional<CheckpointRecord> best = regressedFrom(next);
    if (failed || best.isPresent()) {
      String rewind = best.map(CheckpointRecord::getId).orElse(null);
      actions.put(RemediationAction.RESUME_FROM_CHECKPOINT, o -> restart(next, failed, rewind, null, staged, now));
      TrainerOverrides.lowered(next.getHealing()).ifPresent(scale -> actions.put(RemediationAction.LOWER_LEARNING_RATE,
          o -> restart(next, failed, rewind, scale, staged, now)));
    }
    turn = loop.run(policy, spec, next.getHealing(), observations, new Analyze.Context(false, false), actions, now);
    HealingStatus k = turn.knowledge();
    if (!staged.isEmpty()) {
      Map<String, String> overrides = new LinkedHashMap<>(k.getOverrides() == null ? Map.of() : k.getOverrides());
      overrides.putAll(staged);
      k.setOverrides(overrides);
    }
    next.setHealing(k);
    if (restarted) {
      return Action.RESTARTED;
    }
    boolean diverged = seen != null && seen.state() == AttemptObservation.State.DIVERGED;
    boolean waits = diverged && failed && actions.containsKey(RemediationAction.LOWER_LEARNING_RATE) && turn.waiting();
    return waits ? Action.WAIT : Action.NONE;
  }

  /** The last turn: whether a remediation is in progress, whether healing gave up, and why. */
  Optional<HealingLoop.Turn> turn() {
    return Optional.ofNullable(turn);
  }

  /** When to look again: at the end of the cooldown, to judge an applied remediation or to retry. */
  @Override
  public Optional<Duration> recheck(PolicyStatus next, Instant now) {
    return turn == null ? Optional.empty() : turn.recheck(now);
  }

  /**
   * Stages the next attempt (a retry spends one of spec.training.backoffLimit; a rewind after a
   * regression does not) and its overrides, once the dry run accepted the attempt's Job.
   */
  private Executor.Result restart(PolicyStatus next, boolean retry, String rewind, Double scale,
      Map<String, String> staged, Instant now) {
    PolicyStatus prospective = Copies.deepCopy(next, PolicyStatus.class, PolicyStatus::new);
    if (retry) {
      TrainingRun.retry(prospective);
    } else {
      TrainingRun.resume(prospective);
      TrainingRun.interrupt(prospective);
    }
    Map<String, String> changes = new LinkedHashMap<>();
    if (scale != null) {
      changes.put(TrainerOverrides.LEARNING_RATE_SCALE, Double.toString(scale));
    }
    if (rewind != null) {
      changes.put(TrainerOverrides.RESUME_FROM, rewind);
      changes.put(TrainerOverrides.RESUME_ATTEMPT, Integer.toString(TrainingRun.attempt(prospective)));
      changes.put(TrainerOverrides.RESTARTED_AT, now.toString());
    }
    HealingStatus k = Copies.deepCopy(prospective.getHealing(), HealingStatus.class, HealingStatus::new);
    Map<String, String> overrides = new LinkedHashMap<>(k.getOverrides() == null ? Map.of() : k.getOverrides());
    overrides.putAll(changes);
    k.setOverrides(overrides);
    prospective.setHealing(k);
    String what = "attempt " + TrainingRun.attempt(prospective) + (rewind != null ? " from checkpoint " + rewind
        : " from the newest checkpoint") + (scale != null ? " with the learning rate scaled by " + scale : "");
    Optional<HasMetadata> object = nextAttempt.apply(prospective);
    Executor.Result result = object.isPresent() ? executor.dryRun(object.get(), what)
        : executor != null && executor.dryRunOnly()
            ? new Executor.Result(HealingOutcome.SKIPPED, "Would submit " + what + "; not applied (spec.healing.dryRunOnly).")
            : new Executor.Result(HealingOutcome.IN_PROGRESS, "Submitting " + what + " (no Kubernetes object to dry-run).");
    if (result.outcome() == HealingOutcome.IN_PROGRESS) {
      next.setAttempt(prospective.getAttempt());
      next.setRetriesUsed(prospective.getRetriesUsed());
      TrainingRun.interrupt(next);
      staged.putAll(changes);
      restarted = true;
    }
    return result;
  }

  /** What Monitor sees of a run: the current attempt failed or diverged, or its reward regressed. Pure. */
  static List<Observation> observe(PolicyStatus next, AttemptObservation seen) {
    if (seen == null) {
      return List.of();
    }
    String subject = "run/g" + TrainingRun.generation(next);
    int attempt = TrainingRun.attempt(next);
    return switch (seen.state()) {
      case DIVERGED -> List.of(new Observation(Signal.LOSS_NAN, subject, attempt, seen.detail()));
      case FAILED -> List.of(new Observation(Signal.JOB_FAILED, subject, attempt, seen.detail()));
      case RUNNING -> regressedFrom(next).map(best -> List.of(new Observation(Signal.REWARD_REGRESSED, subject, attempt,
          "mean reward " + next.getProgress().getMeanReward() + " fell below " + (1 - REGRESSION) + " of checkpoint "
              + best.getId() + "'s " + best.getMeanReward()))).orElse(List.of());
      default -> List.of();
    };
  }

  /**
   * The best checkpoint of this run when the current mean reward fell more than {@link #REGRESSION}
   * of its reward below it, later in the run; progress from before the healer's last restart does
   * not count. Pure.
   */
  static Optional<CheckpointRecord> regressedFrom(PolicyStatus status) {
    TrainingProgress progress = status.getProgress();
    if (progress == null || progress.getMeanReward() == null || progress.getStep() == null
        || status.getCheckpoints() == null || TrainingRun.finished(status)) {
      return Optional.empty();
    }
    Map<String, String> o = status.getHealing() == null || status.getHealing().getOverrides() == null ? Map.of()
        : status.getHealing().getOverrides();
    String restartedAt = o.get(TrainerOverrides.RESTARTED_AT);
    if (restartedAt != null && (progress.getLastUpdateTime() == null
        || !Instant.parse(progress.getLastUpdateTime()).isAfter(Instant.parse(restartedAt)))) {
      return Optional.empty();
    }
    String prefix = "g" + TrainingRun.generation(status) + "-";
    Optional<CheckpointRecord> best = status.getCheckpoints().stream()
        .filter(r -> r.getId() != null && r.getId().startsWith(prefix) && r.getMeanReward() != null && r.getStep() != null)
        .max(Comparator.comparingDouble(CheckpointRecord::getMeanReward));
    return best.filter(b -> b.getStep() < progress.getStep()
        && b.getMeanReward() - progress.getMeanReward() > REGRESSION * Math.max(Math.abs(b.getMeanReward()), 1.0));
  }
}
