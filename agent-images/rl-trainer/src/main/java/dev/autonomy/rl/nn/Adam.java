package dev.autonomy.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Adam with gradient clipping by global norm, on PyTorch's fused update kernel (through DJL). Its
 * moments are plain NDArrays, so a checkpoint saves and restores them exactly.
 */
public final class Adam {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;

  private final NDList parameters;
  private final NDList means = new NDList();
  private final NDList variances = new NDList();
  private final float epsilon;
  private long updates;

  public Adam(NDManager manager, NDList parameters, float epsilon) {
    this.parameters = parameters;
    this.epsilon = epsilon;
    for (NDArray p : parameters) {
      means.add(manager.zeros(p.getShape()));
      variances.add(manager.zeros(p.getShape()));
    }
  }

  /**
   * One update from the gradients of the last backward pass, clearing them. Returns the gradient
   * norm before clipping (NaN when clipping is off). Call it inside an NDScope.
   */
  public double step(double learningRate, double maxGradNorm) {
    NDList grads = new NDList(parameters.size());
    NDList squares = new NDList(parameters.size());
    for (NDArray p : parameters) {
      NDArray g = p.getGradient();
      grads.add(g);
      if (maxGradNorm > 0) {
        squares.add(g.square().sum());
      }
    }
    double norm = maxGradNorm > 0 ? Math.sqrt(NDArrays.add(squares.toArray(new NDArray[0])).getFloat()) : Double.NaN;
    float scale = maxGradNorm > 0 && norm > maxGradNorm ? (float) (maxGradNorm / (norm + 1e-6)) : 1f;
    updates++;
    double bc1 = 1 - Math.pow(BETA1, updates);
    double bc2 = 1 - Math.pow(BETA2, updates);
    float corrected = (float) (learningRate * Math.sqrt(bc2) / bc1);
    for (int i = 0; i < parameters.size(); i++) {
      NDArray p = parameters.get(i);
      // Fused: m, v and p updated in place, then the gradient is zeroed.
      p.getNDArrayInternal().adamUpdate(new NDList(p, grads.get(i), means.get(i), variances.get(i)), new NDList(p),
          (float) learningRate, corrected, 0f, scale, -1f, BETA1, BETA2, epsilon, false, false);
    }
    return norm;
  }

  public long updates() {
    return updates;
  }

  /** Moments for a checkpoint: means, then variances. */
  public NDList state() {
    NDList state = new NDList();
    state.addAll(means);
    state.addAll(variances);
    return state;
  }

  public void restore(NDList state, long updates) {
    int n = parameters.size();
    if (state.size() != 2 * n) {
      throw new IllegalArgumentException("optimizer state has " + state.size() + " arrays, expected " + 2 * n);
    }
    for (int i = 0; i < n; i++) {
      if (!state.get(i).getShape().equals(means.get(i).getShape())) {
        throw new IllegalArgumentException("optimizer state " + i + " has shape " + state.get(i).getShape()
            + ", expected " + means.get(i).getShape());
      }
      means.get(i).set(state.get(i).toFloatArray());
      variances.get(i).set(state.get(n + i).toFloatArray());
    }
    this.updates = updates;
  }
}
