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
  private final Duration stallAfter;
  private HealingLoop.Turn turn;
  private boolean restarted;
  private Optional<Instant> stallDue = Optional.empty();

  /**
   * @param nextAttempt the object the next attempt creates for a status (its Job; empty on Ray),
   *     what the dry run judges
   */
  PolicyHealing(HealingLoop loop, Executor executor, Function<PolicyStatus, Optional<HasMetadata>> nextAttempt,
      Duration stallAfter) {
    this.loop = loop;
    this.executor = executor;
    this.nextAttempt = nextAttempt;
    this.stallAfter = stallAfter;
  }

  @Override
  public Action heal(Policy policy, PolicyStatus next, AttemptObservation seen, Instant now) {
    restarted = false;
    stallDue = Optional.empty();
    HealingSpec spec = policy.getSpec().getHealing();
    List<Observation> observations = observe(next, seen, stallAfter, now);
    Map<String, String> staged = new LinkedHashMap<>();
    Map<RemediationAction, Function<Observation, Executor.Result>> actions = new EnumMap<>(RemediationAction.class);
    boolean failed = seen != null && seen.retryable() && TrainingRun.canRetry(next, policy.getSpec());
    Optional<CheckpointRecord> best = regressedFrom(next);
    Optional<Instant> silent = seen == null ? Optional.empty() : silentSince(next, seen, stallAfter, now);
    boolean stalled = silent.filter(last -> last.plus(stallAfter).isBefore(now)).isPresent();
    // Without another event, look again when the attempt would count as stalled.
    stallDue = silent.filter(last -> !stalled).map(last -> last.plus(stallAfter));
    if (failed || best.isPresent() || stalled) {
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
    Optional<Duration> healing = turn == null ? Optional.empty() : turn.recheck(now);
    Optional<Duration> stall = stallDue.map(due -> Duration.between(now, due)).map(d -> d.isNegative() ? Duration.ZERO : d)
        .map(d -> d.plusMillis(100));
    return java.util.stream.Stream.of(healing, stall).flatMap(Optional::stream).min(Duration::compareTo);
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

  /**
   * What Monitor sees of a run: the current attempt failed or diverged, its reward regressed, or it
   * runs without reporting progress for {@code stallAfter}. Pure.
   */
  static List<Observation> observe(PolicyStatus next, AttemptObservation seen, Duration stallAfter, Instant now) {
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
              + best.getId() + "'s " + best.getMeanReward())))
          .or(() -> stalledSince(next, seen, stallAfter, now).map(since -> List.of(new Observation(
              Signal.TRAINING_STALLED, subject, attempt, "attempt " + attempt + " runs without a progress report since "
                  + since))))
          .orElse(List.of());
      default -> List.of();
    };
  }

  /**
   * Since when a running attempt has been silent: the later of its start and its last progress
   * report, when that is more than {@code stallAfter} ago. Pure.
   */
  static Optional<Instant> stalledSince(PolicyStatus status, AttemptObservation seen, Duration stallAfter, Instant now) {
    return silentSince(status, seen, stallAfter, now).filter(last -> last.plus(stallAfter).isBefore(now));
  }

  /**
   * The later of the attempt's start and its last progress report, for a running attempt; the start
   * is read only when the last report is older than {@code stallAfter} (or there is none).
   */
  private static Optional<Instant> silentSince(PolicyStatus status, AttemptObservation seen, Duration stallAfter,
      Instant now) {
    if (seen.state() != AttemptObservation.State.RUNNING) {
      return Optional.empty();
    }
    String reported = status.getProgress() == null ? null : status.getProgress().getLastUpdateTime();
    Optional<Instant> report = Optional.ofNullable(reported).map(Instant::parse);
    if (report.isPresent() && !report.get().plus(stallAfter).isBefore(now)) {
      return report;
    }
    Optional<Instant> started = seen.runningSince().get();
    if (started.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(report.filter(r -> r.isAfter(started.get())).orElse(started.get()));
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
    String prefix = TrainingRun.checkpointPrefix(status);
    Optional<CheckpointRecord> best = status.getCheckpoints().stream()
        .filter(r -> r.getId() != null && r.getId().startsWith(prefix) && r.getMeanReward() != null && r.getStep() != null)
        .max(Comparator.comparingDouble(CheckpointRecord::getMeanReward));
    return best.filter(b -> b.getStep() < progress.getStep()
        && b.getMeanReward() - progress.getMeanReward() > REGRESSION * Math.max(Math.abs(b.getMeanReward()), 1.0));
  }
}
