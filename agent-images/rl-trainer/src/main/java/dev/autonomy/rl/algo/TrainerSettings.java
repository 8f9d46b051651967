package dev.autonomy.rl.algo;

import dev.autonomy.api.v1alpha1.policy.Algorithm;
import dev.autonomy.api.v1alpha1.policy.DqnParameters;
import dev.autonomy.api.v1alpha1.policy.Hyperparameters;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import dev.autonomy.api.v1alpha1.policy.PpoParameters;
import java.util.List;
import java.util.Map;

/** The Policy spec's hyperparameters with every default resolved, plus the extra keys the trainer knows. */
public record TrainerSettings(Algorithm algorithm, String environment, long seed, int numEnvs, int[] hidden,
    double learningRate, boolean linearLearningRate, double gamma, int batchSize, double maxGradNorm,
    DqnParameters dqn, int gradientSteps, PpoParameters ppo, boolean linearClipRange, long totalSteps) {

  /** Extra keys (spec.hyperparameters.extra) the trainer understands. */
  public static final List<String> EXTRA_KEYS = List.of("gradientSteps", "learningRateSchedule", "clipRangeSchedule");

  public static TrainerSettings from(PolicySpec spec) {
    Hyperparameters h = spec.getHyperparameters() == null ? new Hyperparameters() : spec.getHyperparameters();
    Map<String, String> extra = h.getExtra() == null ? Map.of() : h.getExtra();
    for (String key : extra.keySet()) {
      if (!EXTRA_KEYS.contains(key)) {
        throw new IllegalArgumentException("spec.hyperparameters.extra." + key + ": unknown key; known: " + EXTRA_KEYS);
      }
    }
    if (spec.getAlgorithm() == null) {
      throw new IllegalArgumentException("spec.algorithm: required");
    }
    if (spec.getEnvironment() == null || spec.getEnvironment().getName() == null) {
      throw new IllegalArgumentException("spec.environment.name: required");
    }
    int[] hidden = h.getHiddenLayers().stream().mapToInt(Integer::intValue).toArray();
    return new TrainerSettings(spec.getAlgorithm(), spec.getEnvironment().getName(), spec.getTraining().getSeed(),
        h.getNumEnvs(), hidden, h.getLearningRate(), schedule(extra, "learningRateSchedule"), h.getGamma(),
        h.getBatchSize(), h.getMaxGradNorm(), h.getDqn() == null ? new DqnParameters() : h.getDqn(),
        Integer.parseInt(extra.getOrDefault("gradientSteps", "1")), h.getPpo() == null ? new PpoParameters() : h.getPpo(),
        schedule(extra, "clipRangeSchedule"), spec.getTraining().getTotalSteps());
  }

  private static boolean schedule(Map<String, String> extra, String key) {
    String value = extra.getOrDefault(key, "constant");
    return switch (value) {
      case "constant" -> false;
      case "linear" -> true;
      default -> throw new IllegalArgumentException("spec.hyperparameters.extra." + key
          + ": must be constant or linear, got '" + value + "'");
    };
  }

  /** The same settings with the learning rate scaled (the operator's healing lowers it after a divergence). */
  public TrainerSettings withLearningRateScale(double scale) {
    if (!(scale > 0) || scale > 1) {
      throw new IllegalArgumentException("AUTONOMY_LEARNING_RATE_SCALE: must be in (0, 1], got " + scale);
    }
    return new TrainerSettings(algorithm, environment, seed, numEnvs, hidden, learningRate * scale, linearLearningRate,
        gamma, batchSize, maxGradNorm, dqn, gradientSteps, ppo, linearClipRange, totalSteps);
  }

  /** The same settings with another seed (a resumed attempt must not replay the same episodes). */
  public TrainerSettings withSeed(long newSeed) {
    return new TrainerSettings(algorithm, environment, newSeed, numEnvs, hidden, learningRate, linearLearningRate,
        gamma, batchSize, maxGradNorm, dqn, gradientSteps, ppo, linearClipRange, totalSteps);
  }

  public boolean isDqn() {
    return algorithm == Algorithm.DQN || algorithm == Algorithm.DOUBLE_DQN;
  }

  /** Fraction of training left, 1 → 0 (linear schedules). */
  public double remaining(long steps) {
    return Math.max(0, 1 - (double) steps / totalSteps);
  }

  /** Layer sizes from observation through hidden layers to one output per action (or one value). */
  public int[] layers(int in, int out) {
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = in;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = out;
    return sizes;
  }
}
