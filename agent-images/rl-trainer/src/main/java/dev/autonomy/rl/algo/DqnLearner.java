package dev.autonomy.rl.algo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.autonomy.api.v1alpha1.policy.Algorithm;
import dev.autonomy.api.v1alpha1.policy.DqnParameters;
import dev.autonomy.rl.env.VectorEnvironment;
import dev.autonomy.rl.nn.Adam;
import dev.autonomy.rl.nn.Mlp;
import java.util.SplittableRandom;

/** DQN and double DQN: replay buffer, target network, linear epsilon schedule, Huber loss. */
public final class DqnLearner implements Learner {
  private final TrainerSettings settings;
  private final DqnParameters p;
  private final VectorEnvironment envs;
  private final NDManager manager;
  private final Mlp online;
  private final Mlp target;
  private final Adam adam;
  private final ReplayBuffer buffer;
  private final SplittableRandom random;
  private final int obsSize;
  private final int actions;
  private final float[] rewards;
  private final boolean[] terminated;
  private final boolean[] truncated;
  private long steps;
  private long sinceTrain;
  private long sinceTargetUpdate;
  private double lastLoss = Double.NaN;

  public DqnLearner(TrainerSettings settings, VectorEnvironment envs, NDManager parent) {
    this.settings = settings;
    this.p = settings.dqn();
    this.envs = envs;
    this.manager = parent.newSubManager();
    this.obsSize = envs.single().observationSize();
    this.actions = envs.single().actionCount();
    int[] sizes = settings.layers(obsSize, actions);
    this.online = Mlp.create(manager, sizes, Mlp.Activation.RELU, Double.NaN, settings.seed());
    this.target = Mlp.create(manager, sizes, Mlp.Activation.RELU, Double.NaN, settings.seed());
    target.copyFrom(online.parameters());
    this.adam = new Adam(manager, online.parameters(), 1e-8f);
    this.buffer = new ReplayBuffer(p.getReplayBufferSize(), obsSize);
    this.random = new SplittableRandom(settings.seed() + 1);
    this.rewards = new float[envs.size()];
    this.terminated = new boolean[envs.size()];
    this.truncated = new boolean[envs.size()];
    envs.reset();
  }

  /** Epsilon at {@code step}: linear from epsilonStart to epsilonEnd over epsilonDecaySteps. */
  public static double epsilon(DqnParameters p, long step) {
    double fraction = Math.min(1.0, (double) step / p.getEpsilonDecaySteps());
    return p.getEpsilonStart() + fraction * (p.getEpsilonEnd() - p.getEpsilonStart());
  }

  @Override
  public void iterate(VectorEnvironment.EpisodeListener onEpisode) {
    float[][] obs = envs.observations().clone();
    int[] chosen = chooseActions(obs, epsilon(p, steps));
    envs.step(chosen, rewards, terminated, truncated, onEpisode);
    for (int i = 0; i < envs.size(); i++) {
      float[] next = terminated[i] || truncated[i] ? envs.finalObservation(i) : envs.observations()[i];
      buffer.add(obs[i], chosen[i], rewards[i], next, terminated[i]);
    }
    steps += envs.size();
    sinceTrain += envs.size();
    sinceTargetUpdate += envs.size();
    if (steps > p.getLearningStarts() && sinceTrain >= p.getTrainFrequency()) {
      sinceTrain = 0;
      double loss = 0;
      for (int g = 0; g < settings.gradientSteps(); g++) {
        loss += trainBatch();
      }
      lastLoss = loss / settings.gradientSteps();
    }
    if (sinceTargetUpdate >= p.getTargetUpdateInterval()) {
      sinceTargetUpdate = 0;
      target.copyFrom(online.parameters());
    }
  }

  private int[] chooseActions(float[][] obs, double epsilon) {
    int n = obs.length;
    int[] chosen = new int[n];
    boolean anyGreedy = false;
    for (int i = 0; i < n; i++) {
      chosen[i] = random.nextDouble() < epsilon ? random.nextInt(actions) : -1;
      anyGreedy |= chosen[i] < 0;
    }
    if (anyGreedy) {
      float[] q = Networks.forward(manager, online, obs);
      for (int i = 0; i < n; i++) {
        if (chosen[i] < 0) {
          chosen[i] = Categorical.argmax(q, i * actions, actions);
        }
      }
    }
    return chosen;
  }

  private double trainBatch() {
    int n = settings.batchSize();
    ReplayBuffer.Batch b = buffer.sample(n, random);
    try (NDScope scope = new NDScope()) {
      NDArray next = manager.create(b.nextObservations, new Shape(n, obsSize));
      NDArray nextQ = target.forward(next);
      NDArray bootstrap = settings.algorithm() == Algorithm.DOUBLE_DQN
          ? nextQ.mul(online.forward(next).argMax(1).oneHot(actions)).sum(new int[] {1})
          : nextQ.max(new int[] {1});
      NDArray y = manager.create(b.rewards).add(bootstrap.mul(manager.create(b.notDone)).mul((float) settings.gamma()));
      NDArray taken = manager.create(Categorical.oneHot(b.actions, actions), new Shape(n, actions));
      NDArray obs = manager.create(b.observations, new Shape(n, obsSize));
      float loss;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray q = online.forward(obs).mul(taken).sum(new int[] {1});
        NDArray error = q.sub(y).abs();
        NDArray quadratic = error.minimum(1f);
        NDArray huber = quadratic.square().mul(0.5f).add(error.sub(quadratic)).mean();
        collector.backward(huber);
        loss = huber.getFloat();
      }
      double lr = settings.linearLearningRate() ? settings.learningRate() * settings.remaining(steps) : settings.learningRate();
      adam.step(lr, settings.maxGradNorm());
      return loss;
    }
  }

  @Override
  public long steps() {
    return steps;
  }

  @Override
  public Mlp actor() {
    return online;
  }

  @Override
  public NDList modelState() {
    return Networks.parameters(online, target);
  }

  @Override
  public NDList optimizerState() {
    return adam.state();
  }

  @Override
  public long updates() {
    return adam.updates();
  }

  @Override
  public void restore(NDList model, NDList optimizer, long steps, long updates) {
    Networks.restore(model, online, target);
    adam.restore(optimizer, updates);
    this.steps = steps;
  }

  @Override
  public double lastLoss() {
    return lastLoss;
  }

  @Override
  public void close() {
    manager.close();
  }
}
