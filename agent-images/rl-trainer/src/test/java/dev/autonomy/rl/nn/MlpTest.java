package dev.autonomy.rl.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpTest {

  @Test
  void adamFitsALinearFunctionAndClearsGradients() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Mlp mlp = Mlp.create(manager, new int[] {2, 16, 1}, Mlp.Activation.TANH, 1.0, 1);
      Adam adam = new Adam(manager, mlp.parameters(), 1e-5f);
      Random random = new Random(2);
      double loss = Double.NaN;
      for (int i = 0; i < 400; i++) {
        try (NDScope scope = new NDScope()) {
          float[] x = new float[64 * 2];
          float[] y = new float[64];
          for (int j = 0; j < 64; j++) {
            x[2 * j] = (float) random.nextGaussian();
            x[2 * j + 1] = (float) random.nextGaussian();
            y[j] = 2 * x[2 * j] - x[2 * j + 1] + 0.5f;
          }
          NDArray input = manager.create(x, new Shape(64, 2));
          NDArray target = manager.create(y, new Shape(64, 1));
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray l = mlp.forward(input).sub(target).square().mean();
            collector.backward(l);
            loss = l.getFloat();
          }
          adam.step(0.01, 10);
        }
      }
      assertThat(loss).isLessThan(0.05);
      assertThat(mlp.parameters().get(0).getGradient().abs().sum().getFloat()).isZero();
      assertThat(adam.updates()).isEqualTo(400);
    }
  }

  @Test
  void orthogonalInitialisationHasOrthonormalColumns() {
    float[] w = Initializers.orthogonal(new Random(3), 8, 4, 1.0);
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        double dot = 0;
        for (int r = 0; r < 8; r++) {
          dot += w[r * 4 + a] * w[r * 4 + b];
        }
        assertThat(dot).isCloseTo(a == b ? 1 : 0, org.assertj.core.data.Offset.offset(1e-5));
      }
    }
  }
}
