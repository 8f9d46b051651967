package dev.autonomy.rl.train;

import ai.djl.ndarray.NDManager;
import dev.autonomy.rl.algo.Evaluator;
import dev.autonomy.rl.algo.Learner;
import dev.autonomy.rl.env.Environment;
import java.util.ArrayDeque;
import java.util.function.IntFunction;

/**
 * Drives a learner to its step budget: episode statistics, periodic evaluation (early stop at the
 * target), checkpoints and progress reports through {@link Hooks}. Training wall time excludes
 * evaluations, so it compares fairly with other libraries.
 */
public final class TrainingLoop {

  /** When to evaluate, checkpoint and report; {@code targetMeanReward} null trains the full budget. */
  public record Options(long totalSteps, long evaluationInterval, int evaluationEpisodes, Double targetMeanReward,
      long checkpointInterval, long reportIntervalMillis, long evaluationSeed) {}

  /** A snapshot of training. */
  public record Progress(long step, long totalSteps, long episodes, double meanReward, double bestReward,
      double stepsPerSecond, double trainSeconds, double loss) {}

  /** What the loop tells the outside world. */
  public interface Hooks {
    default void progress(Progress progress) {}

    default void checkpoint(Progress progress) {}

    default void evaluated(Progress progress, Evaluator.Result result) {}
  }

  /** How the run ended. */
  public record Outcome(Progress last, boolean reachedTarget, Evaluator.Result lastEvaluation) {}

  /** NaN or infinite loss: training diverged. */
  public static final class DivergedException extends RuntimeException {
    public DivergedException(String message) {
      super(message);
    }
  }

  private final ArrayDeque<Double> recent = new ArrayDeque<>();
  private long episodes;
  private double best = Double.NEGATIVE_INFINITY;

  public Outcome run(Learner learner, NDManager manager, IntFunction<Environment> evalEnvs, Options options, Hooks hooks) {
    long trainNanos = 0;
    long lastReport = System.nanoTime();
    long nextEval = nextMultiple(learner.steps(), options.evaluationInterval());
    long nextCheckpoint = nextMultiple(learner.steps(), options.checkpointInterval());
    long startSteps = learner.steps();
    Evaluator.Result lastEval = null;
    long lastCheckpoint = learner.steps();
    while (learner.steps() < options.totalSteps()) {
      long t0 = System.nanoTime();
      learner.iterate(this::episode);
      trainNanos += System.nanoTime() - t0;
      if (Double.isNaN(learner.lastLoss()) && learner.updates() > 0 || Double.isInfinite(learner.lastLoss())) {
        throw new DivergedException("the loss became " + learner.lastLoss() + " at step " + learner.steps());
      }
      Progress progress = progress(learner, options, trainNanos, startSteps);
      if (learner.steps() >= nextCheckpoint) {
        nextCheckpoint = nextMultiple(learner.steps(), options.checkpointInterval());
        if (learner.actor().hasNonFinite()) {
          throw new DivergedException("the network's parameters became non-finite at step " + learner.steps());
        }
        hooks.checkpoint(progress);
        lastCheckpoint = learner.steps();
      }
      if (options.evaluationInterval() > 0 && learner.steps() >= nextEval) {
        nextEval = nextMultiple(learner.steps(), options.evaluationInterval());
        lastEval = Evaluator.evaluate(manager, learner.actor(), evalEnvs, options.evaluationEpisodes(),
            options.evaluationSeed());
        hooks.evaluated(progress, lastEval);
        if (options.targetMeanReward() != null && lastEval.mean() >= options.targetMeanReward()) {
          if (lastCheckpoint != learner.steps()) {
            hooks.checkpoint(progress);
          }
          return new Outcome(progress, true, lastEval);
        }
      }
      if (System.nanoTime() - lastReport >= options.reportIntervalMillis() * 1_000_000L) {
        lastReport = System.nanoTime();
        hooks.progress(progress);
      }
    }
    Progress last = progress(learner, options, trainNanos, startSteps);
    if (lastCheckpoint != learner.steps()) {
      hooks.checkpoint(last);
    }
    return new Outcome(last, false, lastEval);
  }

  private void episode(double episodeReturn, int length) {
    episodes++;
    recent.addLast(episodeReturn);
    if (recent.size() > 100) {
      recent.removeFirst();
    }
    if (recent.size() >= Math.min(10, episodes)) {
      best = Math.max(best, mean());
    }
  }

  private double mean() {
    return recent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private Progress progress(Learner learner, Options options, long trainNanos, long startSteps) {
    double seconds = trainNanos / 1e9;
    double rate = seconds > 0 ? (learner.steps() - startSteps) / seconds : 0;
    return new Progress(learner.steps(), options.totalSteps(), episodes, mean(),
        best == Double.NEGATIVE_INFINITY ? Double.NaN : best, rate, seconds, learner.lastLoss());
  }

  private static long nextMultiple(long value, long interval) {
    return interval <= 0 ? Long.MAX_VALUE : (value / interval + 1) * interval;
  }
}
