package dev.autonomy.rl.algo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.autonomy.api.v1alpha1.policy.Algorithm;
import dev.autonomy.api.v1alpha1.policy.PpoParameters;
import dev.autonomy.rl.env.VectorEnvironment;
import dev.autonomy.rl.nn.Adam;
import dev.autonomy.rl.nn.Mlp;
import java.util.SplittableRandom;

/**
 * PPO (clipped surrogate, GAE, minibatch epochs, advantage normalisation) and A2C (one full-batch
 * epoch, unclipped policy gradient), with separate tanh actor and critic networks as SB3.
 */
public final class PpoLearner implements Learner {
  private final TrainerSettings settings;
  private final PpoParameters p;
  private final boolean a2c;
  private final VectorEnvironment envs;
  private final NDManager manager;
  private final Mlp actor;
  private final Mlp critic;
  private final Adam adam;
  private final SplittableRandom random;
  private final int obsSize;
  private final int actions;
  private final int steps;
  private final int n;
  private boolean[] starts;
  private long envSteps;
  private double lastLoss = Double.NaN;

  public PpoLearner(TrainerSettings settings, VectorEnvironment envs, NDManager parent) {
    this.settings = settings;
    this.p = settings.ppo();
    this.a2c = settings.algorithm() == Algorithm.A2C;
    this.envs = envs;
    this.manager = parent.newSubManager();
    this.obsSize = envs.single().observationSize();
    this.actions = envs.single().actionCount();
    this.actor = Mlp.create(manager, settings.layers(obsSize, actions), Mlp.Activation.TANH, 0.01, settings.seed());
    this.critic = Mlp.create(manager, settings.layers(obsSize, 1), Mlp.Activation.TANH, 1.0, settings.seed() + 1);
    this.adam = new Adam(manager, Networks.parameters(actor, critic), 1e-5f);
    this.random = new SplittableRandom(settings.seed() + 2);
    this.steps = p.getRolloutSteps();
    this.n = envs.size();
    this.starts = new boolean[n];
    java.util.Arrays.fill(starts, true);
    envs.reset();
  }

  @Override
  public void iterate(VectorEnvironment.EpisodeListener onEpisode) {
    int total = steps * n;
    float[] obs = new float[total * obsSize];
    int[] taken = new int[total];
    float[] logProbs = new float[total];
    float[][] values = new float[steps][n];
    float[][] rewards = new float[steps][n];
    boolean[][] episodeStarts = new boolean[steps][n];
    float[] r = new float[n];
    boolean[] term = new boolean[n];
    boolean[] trunc = new boolean[n];
    for (int t = 0; t < steps; t++) {
      float[][] current = envs.observations();
      float[] logits = Networks.forward(manager, actor, current);
      float[] v = Networks.forward(manager, critic, current);
      int[] chosen = new int[n];
      for (int e = 0; e < n; e++) {
        int k = t * n + e;
        System.arraycopy(current[e], 0, obs, k * obsSize, obsSize);
        chosen[e] = Categorical.sample(logits, e * actions, actions, random);
        taken[k] = chosen[e];
        logProbs[k] = Categorical.logProbability(logits, e * actions, actions, chosen[e]);
        values[t][e] = v[e];
        episodeStarts[t][e] = starts[e];
      }
      envs.step(chosen, r, term, trunc, onEpisode);
      bootstrapTruncated(r, trunc);
      for (int e = 0; e < n; e++) {
        rewards[t][e] = r[e];
        starts[e] = term[e] || trunc[e];
      }
    }
    envSteps += total;
    float[] lastValues = Networks.forward(manager, critic, envs.observations());
    float[][] advantages = new float[steps][n];
    float[][] returns = new float[steps][n];
    Gae.compute(rewards, values, episodeStarts, lastValues, starts, settings.gamma(), p.getGaeLambda(),
        advantages, returns);
    update(obs, taken, logProbs, flatten(advantages), flatten(returns));
  }

  /** A time-limit cut is not a failure: add the discounted value of the final observation (as SB3). */
  private void bootstrapTruncated(float[] r, boolean[] trunc) {
    for (int e = 0; e < n; e++) {
      if (trunc[e]) {
        float[] value = Networks.forward(manager, critic, new float[][] {envs.finalObservation(e)});
        r[e] += (float) (settings.gamma() * value[0]);
      }
    }
  }

  private void update(float[] obs, int[] taken, float[] oldLogProbs, float[] advantages, float[] returns) {
    int total = taken.length;
    int epochs = a2c ? 1 : p.getEpochs();
    int batches = a2c ? 1 : Math.min(p.getMinibatches(), total);
    int batchSize = total / batches;
    double remaining = settings.remaining(envSteps);
    double lr = settings.learningRate() * (settings.linearLearningRate() ? remaining : 1);
    double clip = p.getClipRange() * (settings.linearClipRange() ? remaining : 1);
    double loss = 0;
    int updates = 0;
    int[] order = new int[total];
    for (int i = 0; i < total; i++) {
      order[i] = i;
    }
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order);
      for (int b = 0; b < batches; b++) {
        loss += minibatch(order, b * batchSize, batchSize, obs, taken, oldLogProbs, advantages, returns, lr, clip);
        updates++;
      }
    }
    lastLoss = loss / updates;
  }

  private double minibatch(int[] order, int from, int size, float[] obs, int[] taken, float[] oldLogProbs,
      float[] advantages, float[] returns, double lr, double clip) {
    float[] mbObs = new float[size * obsSize];
    int[] mbActions = new int[size];
    float[] mbOld = new float[size];
    float[] mbAdv = new float[size];
    float[] mbRet = new float[size];
    for (int i = 0; i < size; i++) {
      int k = order[from + i];
      System.arraycopy(obs, k * obsSize, mbObs, i * obsSize, obsSize);
      mbActions[i] = taken[k];
      mbOld[i] = oldLogProbs[k];
      mbAdv[i] = advantages[k];
      mbRet[i] = returns[k];
    }
    normalise(mbAdv);
    try (NDScope scope = new NDScope()) {
      NDArray x = manager.create(mbObs, new Shape(size, obsSize));
      NDArray oneHot = manager.create(Categorical.oneHot(mbActions, actions), new Shape(size, actions));
      NDArray adv = manager.create(mbAdv);
      NDArray ret = manager.create(mbRet);
      NDArray old = manager.create(mbOld);
      float value;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logAll = actor.forward(x).logSoftmax(1);
        NDArray logp = logAll.mul(oneHot).sum(new int[] {1});
        NDArray policyLoss;
        if (a2c) {
          policyLoss = logp.mul(adv).mean().neg();
        } else {
          policyLoss = clippedSurrogateLoss(logp, old, adv, clip);
        }
        NDArray valueLoss = ret.sub(critic.forward(x).reshape(size)).square().mean();
        NDArray entropy = logAll.exp().mul(logAll).sum(new int[] {1}).mean().neg();
        NDArray total = policyLoss.add(valueLoss.mul(p.getValueCoef().floatValue()))
            .sub(entropy.mul(p.getEntropyCoef().floatValue()));
        collector.backward(total);
        value = total.getFloat();
      }
      adam.step(lr, settings.maxGradNorm());
      return value;
    }
  }

  /** PPO's clipped surrogate objective, negated to a loss: -mean(min(r·A, clip(r, 1±ε)·A)). */
  static NDArray clippedSurrogateLoss(NDArray logp, NDArray oldLogp, NDArray advantages, double clip) {
    NDArray ratio = logp.sub(oldLogp).exp();
    NDArray clipped = ratio.clip(1 - clip, 1 + clip);
    return ratio.mul(advantages).minimum(clipped.mul(advantages)).mean().neg();
  }

  private static void normalise(float[] values) {
    if (values.length < 2) {
      return;
    }
    double mean = 0;
    for (float v : values) {
      mean += v;
    }
    mean /= values.length;
    double var = 0;
    for (float v : values) {
      var += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(var / (values.length - 1));
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((values[i] - mean) / (std + 1e-8));
    }
  }

  private void shuffle(int[] order) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
  }

  private static float[] flatten(float[][] grid) {
    int cols = grid[0].length;
    float[] out = new float[grid.length * cols];
    for (int t = 0; t < grid.length; t++) {
      System.arraycopy(grid[t], 0, out, t * cols, cols);
    }
    return out;
  }

  @Override
  public long steps() {
    return envSteps;
  }

  @Override
  public Mlp actor() {
    return actor;
  }

  @Override
  public NDList modelState() {
    return Networks.parameters(actor, critic);
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
    Networks.restore(model, actor, critic);
    adam.restore(optimizer, updates);
    this.envSteps = steps;
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
