package dev.autonomy.rl.env;

import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * N copies stepped together with automatic reset, like Gymnasium's SyncVectorEnv: after a done
 * step the returned observation is the next episode's first, and the final one is kept.
 */
public final class VectorEnvironment {
  private final Environment[] envs;
  private final SplittableRandom[] randoms;
  private final float[][] observations;
  private final float[][] finalObservations;
  private final double[] episodeReturns;
  private final int[] episodeLengths;

  public VectorEnvironment(int count, IntFunction<Environment> factory, long seed) {
    envs = new Environment[count];
    randoms = new SplittableRandom[count];
    observations = new float[count][];
    finalObservations = new float[count][];
    episodeReturns = new double[count];
    episodeLengths = new int[count];
    SplittableRandom root = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      envs[i] = factory.apply(i);
      randoms[i] = root.split();
    }
  }

  public int size() {
    return envs.length;
  }

  public Environment single() {
    return envs[0];
  }

  public float[][] reset() {
    for (int i = 0; i < envs.length; i++) {
      observations[i] = envs[i].reset(randoms[i]);
      episodeReturns[i] = 0;
      episodeLengths[i] = 0;
    }
    return observations;
  }

  public float[][] observations() {
    return observations;
  }

  /**
   * Steps every copy. Fills {@code rewards}, {@code terminated}, {@code truncated}; finished
   * episodes are passed to {@code onEpisode} (return, length) and reset.
   */
  public void step(int[] actions, float[] rewards, boolean[] terminated, boolean[] truncated, EpisodeListener onEpisode) {
    for (int i = 0; i < envs.length; i++) {
      Environment.Step s = envs[i].step(actions[i]);
      rewards[i] = (float) s.reward();
      terminated[i] = s.terminated();
      truncated[i] = s.truncated();
      episodeReturns[i] += s.reward();
      episodeLengths[i]++;
      if (s.done()) {
        finalObservations[i] = s.observation();
        onEpisode.finished(episodeReturns[i], episodeLengths[i]);
        episodeReturns[i] = 0;
        episodeLengths[i] = 0;
        observations[i] = envs[i].reset(randoms[i]);
      } else {
        finalObservations[i] = null;
        observations[i] = s.observation();
      }
    }
  }

  /** The last observation of copy {@code i} if its episode ended in the last step, else null. */
  public float[] finalObservation(int i) {
    return finalObservations[i];
  }

  @FunctionalInterface
  public interface EpisodeListener {
    void finished(double episodeReturn, int length);
  }
}
