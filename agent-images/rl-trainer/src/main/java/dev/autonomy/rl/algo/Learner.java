package dev.autonomy.rl.algo;

import ai.djl.ndarray.NDList;
import dev.autonomy.rl.env.VectorEnvironment;
import dev.autonomy.rl.nn.Mlp;

/** A learning algorithm bound to its vectorised environment and networks. */
public interface Learner extends AutoCloseable {

  /** Collects experience and learns from it (one vector step for DQN, one rollout for PPO). */
  void iterate(VectorEnvironment.EpisodeListener onEpisode);

  /** Environment steps taken so far (over all copies). */
  long steps();

  /** The network that acts: Q-values for DQN, logits for PPO; greedy action = argmax. */
  Mlp actor();

  /** Every network's parameters, acting network first (a checkpoint's model). */
  NDList modelState();

  /** The optimizer's state (a checkpoint's optimizer). */
  NDList optimizerState();

  /** Counters a checkpoint keeps: steps, optimizer updates. */
  long updates();

  /** Restores a checkpoint written by {@link #modelState()} and {@link #optimizerState()}. */
  void restore(NDList model, NDList optimizer, long steps, long updates);

  /** Mean of the last loss values, for progress reports (NaN before the first update). */
  double lastLoss();

  @Override
  void close();
}
