package dev.autonomy.rl.serve;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.autonomy.rl.algo.Networks;
import dev.autonomy.rl.checkpoint.CheckpointMeta;
import dev.autonomy.rl.checkpoint.CheckpointStore;
import dev.autonomy.rl.nn.Mlp;

/**
 * A checkpoint's acting network, loaded for decisions: {@code act(observation) → action}
 * (greedy). Thread-safe; embed it in-process or serve it over HTTP with {@link PolicyServer}.
 */
public final class PolicyModel implements AutoCloseable {
  private final NDManager manager;
  private final Mlp network;
  private final CheckpointMeta meta;
  private final int actions;

  private PolicyModel(NDManager manager, Mlp network, CheckpointMeta meta) {
    this.manager = manager;
    this.network = network;
    this.meta = meta;
    int[] sizes = meta.actorSizes();
    this.actions = sizes[sizes.length - 1];
  }

  public static PolicyModel load(CheckpointStore store, String id) {
    CheckpointMeta meta = store.read(id).orElseThrow(() ->
        new IllegalArgumentException("checkpoint " + id + " is missing or incomplete in " + store.dir()));
    NDManager manager = NDManager.newBaseManager();
    try {
      NDList all = store.loadModel(id, manager);
      Mlp network = Mlp.create(manager, meta.actorSizes(), meta.actorActivation(), 1.0, 0);
      network.copyFrom(new NDList(all.subList(0, meta.actorArrays())));
      return new PolicyModel(manager, network, meta);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The acting network (for evaluation). */
  public Mlp network() {
    return network;
  }

  public String revision() {
    return meta.id();
  }

  public int observationSize() {
    return meta.actorSizes()[0];
  }

  public int act(float[] observation) {
    return act(new float[][] {observation})[0];
  }

  public int[] act(float[][] observations) {
    for (float[] o : observations) {
      if (o.length != observationSize()) {
        throw new IllegalArgumentException("observation has " + o.length + " values, the policy expects "
            + observationSize());
      }
    }
    return Networks.greedy(manager, network, observations, actions);
  }

  @Override
  public void close() {
    manager.close();
  }
}
