package dev.autonomy.controllers.healing;

import dev.autonomy.api.v1alpha1.common.RemediationAction;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Picks among applicable remediations by Thompson sampling: each draws from Beta(1 + successes,
 * 1 + failures) of its record for this cause, minus a small cost penalty; the highest wins. The rule
 * table's first remedy starts with one success of prior (the expert's preference). A remediation
 * that keeps failing is drawn low and stops being chosen; untried ones still get tried.
 */
public final class Chooser {
  static final double COST_PENALTY = 0.02;

  private final RandomGenerator random;

  public Chooser(RandomGenerator random) {
    this.random = random;
  }

  public Optional<RemediationAction> choose(Diagnosis.Cause cause, List<RemediationAction> candidates,
      OutcomeStats stats) {
    RemediationAction best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < candidates.size(); i++) {
      RemediationAction action = candidates.get(i);
      int prior = i == 0 ? 1 : 0;
      double score = beta(1 + prior + stats.successes(cause, action), 1 + stats.failures(cause, action))
          - COST_PENALTY * Remedies.cost(action);
      if (score > bestScore) {
        bestScore = score;
        best = action;
      }
    }
    return Optional.ofNullable(best);
  }

  /** A draw from Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
  double beta(int a, int b) {
    double x = gamma(a);
    double y = gamma(b);
    return x / (x + y);
  }

  /** Gamma(k, 1) for integer k: a sum of k exponentials. */
  private double gamma(int k) {
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum -= Math.log(1 - random.nextDouble());
    }
    return sum;
  }
}
