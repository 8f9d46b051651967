package dev.autonomy.rl.algo;

import ai.djl.ndarray.NDManager;
import dev.autonomy.rl.env.Environment;
import dev.autonomy.rl.nn.Mlp;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/** Greedy evaluation: N episodes played side by side, one per environment copy, batched decisions. */
public final class Evaluator {
  private Evaluator() {}

  /** Mean and standard deviation of the episode returns. */
  public record Result(int episodes, double mean, double std) {}

  public static Result evaluate(NDManager manager, Mlp network, IntFunction<Environment> factory, int episodes, long seed) {
    Environment[] envs = new Environment[episodes];
    float[][] obs = new float[episodes][];
    double[] returns = new double[episodes];
    boolean[] done = new boolean[episodes];
    SplittableRandom root = new SplittableRandom(seed);
    for (int i = 0; i < episodes; i++) {
      envs[i] = factory.apply(i);
      obs[i] = envs[i].reset(root.split());
    }
    int actions = envs[0].actionCount();
    int running = episodes;
    while (running > 0) {
      int[] live = new int[running];
      float[][] batch = new float[running][];
      for (int i = 0, k = 0; i < episodes; i++) {
        if (!done[i]) {
          live[k] = i;
          batch[k++] = obs[i];
        }
      }
      int[] chosen = Networks.greedy(manager, network, batch, actions);
      for (int k = 0; k < live.length; k++) {
        int i = live[k];
        Environment.Step s = envs[i].step(chosen[k]);
        returns[i] += s.reward();
        obs[i] = s.observation();
        if (s.done()) {
          done[i] = true;
          running--;
        }
      }
    }
    double mean = 0;
    for (double r : returns) {
      mean += r;
    }
    mean /= episodes;
    double var = 0;
    for (double r : returns) {
      var += (r - mean) * (r - mean);
    }
    return new Result(episodes, mean, Math.sqrt(var / episodes));
  }
}
