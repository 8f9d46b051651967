package dev.autonomy.rl.env;

import java.util.random.RandomGenerator;

/**
 * A single-agent environment with Gymnasium's reset/step semantics: {@code terminated} when the
 * task ends, {@code truncated} when the time limit cuts the episode.
 */
public interface Environment {

  /** Length of the observation vector. */
  int observationSize();

  /** Number of discrete actions. */
  int actionCount();

  /** Steps after which an episode is truncated. */
  int maxEpisodeSteps();

  /** Starts an episode, drawing its initial state from {@code random}. */
  float[] reset(RandomGenerator random);

  /** Applies {@code action}; the observation is the state after it. */
  Step step(int action);

  /** The outcome of one step. */
  record Step(float[] observation, double reward, boolean terminated, boolean truncated) {
    public boolean done() {
      return terminated || truncated;
    }
  }
}
