package dev.autonomy.rl.algo;

import java.util.random.RandomGenerator;

/** Discrete action choice from logits or Q-values, in Java (seeded, engine-independent). */
public final class Categorical {
  private Categorical() {}

  public static int argmax(float[] values, int offset, int n) {
    int best = 0;
    for (int a = 1; a < n; a++) {
      if (values[offset + a] > values[offset + best]) {
        best = a;
      }
    }
    return best;
  }

  /** Samples from softmax(logits[offset .. offset+n)); returns the action. */
  public static int sample(float[] logits, int offset, int n, RandomGenerator random) {
    double max = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < n; a++) {
      max = Math.max(max, logits[offset + a]);
    }
    double total = 0;
    double[] weights = new double[n];
    for (int a = 0; a < n; a++) {
      weights[a] = Math.exp(logits[offset + a] - max);
      total += weights[a];
    }
    double u = random.nextDouble() * total;
    for (int a = 0; a < n; a++) {
      u -= weights[a];
      if (u <= 0) {
        return a;
      }
    }
    return n - 1;
  }

  /** log softmax(logits)[action]. */
  public static float logProbability(float[] logits, int offset, int n, int action) {
    double max = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < n; a++) {
      max = Math.max(max, logits[offset + a]);
    }
    double total = 0;
    for (int a = 0; a < n; a++) {
      total += Math.exp(logits[offset + a] - max);
    }
    return (float) (logits[offset + action] - max - Math.log(total));
  }

  /** One-hot rows for a batch of actions, flat [batch * n]. */
  public static float[] oneHot(int[] actions, int n) {
    float[] out = new float[actions.length * n];
    for (int i = 0; i < actions.length; i++) {
      out[i * n + actions[i]] = 1f;
    }
    return out;
  }
}
