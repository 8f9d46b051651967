package dev.autonomy.rl.nn;

import java.util.Random;

/** Weight initialisers computed in Java, so they are seeded and identical on every engine. */
final class Initializers {
  private Initializers() {}

  /** An (in × out) matrix with orthonormal rows or columns (Gram-Schmidt on a Gaussian), times gain. */
  static float[] orthogonal(Random random, int in, int out, double gain) {
    boolean transpose = in < out; // orthonormalise the longer side's vectors
    int rows = transpose ? out : in;
    int cols = transpose ? in : out;
    double[][] m = new double[cols][rows]; // cols vectors of length rows
    for (int c = 0; c < cols; c++) {
      for (int r = 0; r < rows; r++) {
        m[c][r] = random.nextGaussian();
      }
      for (int p = 0; p < c; p++) {
        double dot = 0;
        for (int r = 0; r < rows; r++) {
          dot += m[c][r] * m[p][r];
        }
        for (int r = 0; r < rows; r++) {
          m[c][r] -= dot * m[p][r];
        }
      }
      double norm = 0;
      for (int r = 0; r < rows; r++) {
        norm += m[c][r] * m[c][r];
      }
      norm = Math.sqrt(norm);
      for (int r = 0; r < rows; r++) {
        m[c][r] /= norm;
      }
    }
    float[] w = new float[in * out];
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        double value = transpose ? m[i][j] : m[j][i];
        w[i * out + j] = (float) (value * gain);
      }
    }
    return w;
  }
}
