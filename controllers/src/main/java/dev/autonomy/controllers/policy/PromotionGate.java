package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.EvaluationResult;
import dev.autonomy.api.v1alpha1.policy.EvaluationSpec;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.ServingSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The promotion gate and the rollback rule, as pure functions of the spec and the status the
 * trainer reported (evaluation, checkpoint lineage, live reward).
 */
public final class PromotionGate {
  /** A live mean reward more than this fraction below the serving revision's evaluation mean rolls it back. */
  public static final double ROLLBACK_TOLERANCE = 0.10;
  /** Live rewards are judged only this long after a revision started serving (the server reloads, feedback restarts). */
  public static final Duration ROLLBACK_GRACE = Duration.ofSeconds(60);

  private PromotionGate() {}

  public record Decision(boolean passed, String message) {}

  public record Rollback(String from, String to, String message) {}

  /**
   * Passes when the mean reaches spec.evaluation.minMeanReward (if set) and, with mustNotRegress,
   * is no worse than the recorded mean of the serving revision (when there is one to compare).
   */
  public static Decision decide(EvaluationSpec gate, EvaluationResult evaluation, PolicyStatus status) {
    EvaluationSpec spec = gate == null ? new EvaluationSpec() : gate;
    double mean = evaluation.getMeanReward();
    String measured = "Mean reward " + format(mean) + " of " + evaluation.getCheckpoint()
        + (evaluation.getEpisodes() == null ? "" : " over " + evaluation.getEpisodes() + " episodes");
    if (spec.getMinMeanReward() != null && mean < spec.getMinMeanReward()) {
      return new Decision(false, measured + " is below spec.evaluation.minMeanReward " + format(spec.getMinMeanReward())
          + ".");
    }
    String serving = status.getServingRevision();
    if (!Boolean.FALSE.equals(spec.getMustNotRegress()) && serving != null && !serving.equals(evaluation.getCheckpoint())) {
      Optional<Double> servingMean = recordedMean(status, serving);
      if (servingMean.isPresent() && mean < servingMean.get()) {
        return new Decision(false, measured + " regresses from " + format(servingMean.get()) + " of the serving revision "
            + serving + " (spec.evaluation.mustNotRegress).");
      }
      if (servingMean.isEmpty()) {
        return new Decision(true, measured + " passes the gate (serving revision " + serving
            + " has no recorded mean to compare with).");
      }
    }
    return new Decision(true, measured + " passes the gate.");
  }

  /**
   * With spec.serving.rollbackOnRegression, a live mean reward more than {@link #ROLLBACK_TOLERANCE}
   * below the serving revision's evaluation mean (judged {@link #ROLLBACK_GRACE} after the revision
   * started serving) rolls back to the previous revision.
   */
  public static Optional<Rollback> rollback(ServingSpec serving, PolicyStatus status, Instant now) {
    if (!rollbackEnabled(serving) || status.getServing() == null) {
      return Optional.empty();
    }
    Double live = status.getServing().getLiveMeanReward();
    String revision = status.getServingRevision();
    String previous = status.getServing().getPreviousRevision();
    if (live == null || revision == null || previous == null || previous.equals(revision)
        || judgedAfter(status).isAfter(now)) {
      return Optional.empty();
    }
    Optional<Double> mean = recordedMean(status, revision);
    if (mean.isEmpty() || live >= mean.get() - ROLLBACK_TOLERANCE * Math.abs(mean.get())) {
      return Optional.empty();
    }
    return Optional.of(new Rollback(revision, previous, "Live mean reward " + format(live) + " of revision " + revision
        + " is more than " + Math.round(ROLLBACK_TOLERANCE * 100) + "% below its evaluation mean " + format(mean.get())
        + ": serving " + previous + " again."));
  }

  /** How long until a live reward can be judged, when rollback could apply but the grace period runs. */
  public static Optional<Duration> untilJudged(ServingSpec serving, PolicyStatus status, Instant now) {
    if (!rollbackEnabled(serving) || status.getServing() == null || status.getServing().getPreviousRevision() == null) {
      return Optional.empty();
    }
    Instant at = judgedAfter(status);
    return at.isAfter(now) ? Optional.of(Duration.between(now, at)) : Optional.empty();
  }

  /** The evaluation mean of a checkpoint: the latest evaluation if it is that one, else its lineage record. */
  public static Optional<Double> recordedMean(PolicyStatus status, String checkpoint) {
    EvaluationResult evaluation = status.getEvaluation();
    if (evaluation != null && checkpoint.equals(evaluation.getCheckpoint()) && evaluation.getMeanReward() != null) {
      return Optional.of(evaluation.getMeanReward());
    }
    if (status.getCheckpoints() == null) {
      return Optional.empty();
    }
    return status.getCheckpoints().stream().filter(c -> checkpoint.equals(c.getId()))
        .map(CheckpointRecord::getMeanReward).filter(Objects::nonNull).reduce((a, b) -> b);
  }

  private static boolean rollbackEnabled(ServingSpec serving) {
    return serving != null && !Boolean.FALSE.equals(serving.getRollbackOnRegression());
  }

  private static Instant judgedAfter(PolicyStatus status) {
    String time = status.getServing().getRevisionTime();
    return time == null ? Instant.MIN : Instant.parse(time).plus(ROLLBACK_GRACE);
  }

  static String format(double value) {
    return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
