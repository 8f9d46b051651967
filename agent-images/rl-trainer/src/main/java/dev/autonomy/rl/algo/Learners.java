package dev.autonomy.rl.algo;

import ai.djl.ndarray.NDManager;
import dev.autonomy.rl.env.Environments;
import dev.autonomy.rl.env.VectorEnvironment;

/** Builds the learner a Policy's algorithm names. */
public final class Learners {
  private Learners() {}

  public static Learner create(TrainerSettings settings, NDManager manager) {
    VectorEnvironment envs = new VectorEnvironment(settings.numEnvs(),
        i -> Environments.create(settings.environment(), settings.seed() * 1000 + i), settings.seed());
    return settings.isDqn() ? new DqnLearner(settings, envs, manager) : new PpoLearner(settings, envs, manager);
  }
}
