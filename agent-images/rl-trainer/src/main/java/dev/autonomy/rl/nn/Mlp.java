package dev.autonomy.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A multi-layer perceptron on DJL NDArrays: hidden layers with ReLU or tanh, a linear output.
 * Parameters live in the manager given at creation; activations of a call belong to the caller's
 * scope.
 */
public final class Mlp {
  /** Hidden-layer non-linearity. */
  public enum Activation { RELU, TANH }

  private final List<NDArray> weights = new ArrayList<>();
  private final List<NDArray> biases = new ArrayList<>();
  private final Activation activation;
  private final int[] sizes;

  private Mlp(int[] sizes, Activation activation) {
    this.sizes = sizes.clone();
    this.activation = activation;
  }

  /**
   * PyTorch's default initialisation (uniform ±1/√fan_in) when {@code outputGain} is NaN, else
   * orthogonal with gain √2 on hidden layers and {@code outputGain} on the output (as SB3's PPO).
   */
  public static Mlp create(NDManager manager, int[] sizes, Activation activation, double outputGain, long seed) {
    Mlp mlp = new Mlp(sizes, activation);
    Random random = new Random(seed);
    for (int l = 0; l + 1 < sizes.length; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      float[] w;
      float[] b = new float[out];
      if (Double.isNaN(outputGain)) {
        double bound = 1 / Math.sqrt(in);
        w = uniform(random, in * out, bound);
        b = uniform(random, out, bound);
      } else {
        w = Initializers.orthogonal(random, in, out, l + 2 == sizes.length ? outputGain : Math.sqrt(2));
      }
      mlp.weights.add(trainable(manager.create(w, new Shape(in, out))));
      mlp.biases.add(trainable(manager.create(b, new Shape(1, out))));
    }
    return mlp;
  }

  private static NDArray trainable(NDArray array) {
    array.setRequiresGradient(true);
    return array;
  }

  private static float[] uniform(Random random, int n, double bound) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    }
    return values;
  }

  public NDArray forward(NDArray input) {
    NDArray x = input;
    for (int l = 0; l < weights.size(); l++) {
      x = x.matMul(weights.get(l)).add(biases.get(l));
      if (l + 1 < weights.size()) {
        x = activation == Activation.RELU ? x.maximum(0f) : x.tanh();
      }
    }
    return x;
  }

  /** Weights and biases, layer by layer (the order of checkpoints and optimizers). */
  public NDList parameters() {
    NDList list = new NDList();
    for (int l = 0; l < weights.size(); l++) {
      list.add(weights.get(l));
      list.add(biases.get(l));
    }
    return list;
  }

  public Activation activation() {
    return activation;
  }

  public int[] sizes() {
    return sizes.clone();
  }

  /** Overwrites this network's parameters with {@code source}'s (target networks, checkpoints). */
  public void copyFrom(NDList source) {
    NDList own = parameters();
    if (own.size() != source.size()) {
      throw new IllegalArgumentException("expected " + own.size() + " parameter arrays, got " + source.size());
    }
    for (int i = 0; i < own.size(); i++) {
      if (!own.get(i).getShape().equals(source.get(i).getShape())) {
        throw new IllegalArgumentException("parameter " + i + " has shape " + source.get(i).getShape()
            + ", expected " + own.get(i).getShape());
      }
      own.get(i).set(source.get(i).toFloatArray());
    }
  }

  /** True if any parameter is NaN or infinite (training diverged). */
  public boolean hasNonFinite() {
    for (NDArray p : parameters()) {
      for (float v : p.toFloatArray()) {
        if (!Float.isFinite(v)) {
          return true;
        }
      }
    }
    return false;
  }
}
