package dev.autonomy.rl.algo;

/** Generalised advantage estimation over a rollout laid out [step][env]. */
public final class Gae {
  private Gae() {}

  /**
   * Fills {@code advantages} and {@code returns}. {@code episodeStarts[t][e]} is true when the
   * observation at step t began a new episode (so no value flows back across it);
   * {@code lastValues} are the values after the last step and {@code lastStarts} whether those
   * observations begin episodes. Same recursion as Stable-Baselines3's RolloutBuffer.
   */
  public static void compute(float[][] rewards, float[][] values, boolean[][] episodeStarts, float[] lastValues,
      boolean[] lastStarts, double gamma, double lambda, float[][] advantages, float[][] returns) {
    int steps = rewards.length;
    int envs = rewards[0].length;
    for (int e = 0; e < envs; e++) {
      double gae = 0;
      for (int t = steps - 1; t >= 0; t--) {
        boolean nextStart = t == steps - 1 ? lastStarts[e] : episodeStarts[t + 1][e];
        double nextValue = t == steps - 1 ? lastValues[e] : values[t + 1][e];
        double nonTerminal = nextStart ? 0 : 1;
        double delta = rewards[t][e] + gamma * nextValue * nonTerminal - values[t][e];
        gae = delta + gamma * lambda * nonTerminal * gae;
        advantages[t][e] = (float) gae;
        returns[t][e] = (float) (gae + values[t][e]);
      }
    }
  }
}
