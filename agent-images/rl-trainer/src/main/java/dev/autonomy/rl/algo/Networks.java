package dev.autonomy.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.autonomy.rl.nn.Mlp;

/** Batched inference helpers: Java arrays in, Java arrays out, no NDArray left behind. */
public final class Networks {
  private Networks() {}

  /** Forward pass of a batch of observations; returns the outputs flat [batch * outputs]. */
  public static float[] forward(NDManager manager, Mlp network, float[][] observations) {
    int n = observations.length;
    int size = observations[0].length;
    float[] flat = new float[n * size];
    for (int i = 0; i < n; i++) {
      System.arraycopy(observations[i], 0, flat, i * size, size);
    }
    try (NDScope scope = new NDScope()) {
      NDArray out = network.forward(manager.create(flat, new Shape(n, size)));
      return out.toFloatArray();
    }
  }

  /** The parameters of an acting network and its companion (target or critic), acting first. */
  public static NDList parameters(Mlp acting, Mlp companion) {
    NDList list = new NDList();
    list.addAll(acting.parameters());
    list.addAll(companion.parameters());
    return list;
  }

  /** Restores what {@link #parameters(Mlp, Mlp)} saved. */
  public static void restore(NDList saved, Mlp acting, Mlp companion) {
    int split = acting.parameters().size();
    acting.copyFrom(new NDList(saved.subList(0, split)));
    companion.copyFrom(new NDList(saved.subList(split, saved.size())));
  }

  /** Greedy actions (argmax of the outputs) for a batch. */
  public static int[] greedy(NDManager manager, Mlp network, float[][] observations, int actions) {
    float[] out = forward(manager, network, observations);
    int[] chosen = new int[observations.length];
    for (int i = 0; i < chosen.length; i++) {
      chosen[i] = Categorical.argmax(out, i * actions, actions);
    }
    return chosen;
  }
}
