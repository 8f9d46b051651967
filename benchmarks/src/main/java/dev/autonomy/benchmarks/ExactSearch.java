package dev.autonomy.benchmarks;

import java.util.stream.IntStream;

/**
 * Exact k nearest neighbours by cosine (the vectors are unit: the largest dot products), brute force
 * over every base vector: the ground truth for recall. Blocked (a slab of base vectors against every
 * query) so both stay in cache, parallel over slabs.
 */
final class ExactSearch {
  private ExactSearch() {}

  /** For each query, the indexes of its {@code k} nearest base vectors, nearest first. */
  static int[][] topK(float[] base, int n, float[] queries, int q, int dim, int k) {
    int slab = 4096;
    int slabs = (n + slab - 1) / slab;
    int[][][] partialIds = new int[slabs][][];
    float[][][] partialScores = new float[slabs][][];
    IntStream.range(0, slabs).parallel().forEach(s -> {
      int from = s * slab;
      int to = Math.min(n, from + slab);
      int[][] ids = new int[q][k];
      float[][] scores = new float[q][k];
      for (int qi = 0; qi < q; qi++) {
        java.util.Arrays.fill(scores[qi], Float.NEGATIVE_INFINITY);
        java.util.Arrays.fill(ids[qi], -1);
      }
      float[] block = new float[4];
      for (int i = from; i < to; i += 4) {
        int rows = Math.min(4, to - i);
        for (int qi = 0; qi < q; qi++) {
          dot4(base, i, rows, queries, qi * dim, dim, block);
          for (int r = 0; r < rows; r++) {
            if (block[r] > scores[qi][k - 1]) {
              insert(ids[qi], scores[qi], i + r, block[r]);
            }
          }
        }
      }
      partialIds[s] = ids;
      partialScores[s] = scores;
    });
    int[][] result = new int[q][];
    for (int qi = 0; qi < q; qi++) {
      int[] ids = new int[k];
      float[] scores = new float[k];
      java.util.Arrays.fill(scores, Float.NEGATIVE_INFINITY);
      java.util.Arrays.fill(ids, -1);
      for (int s = 0; s < slabs; s++) {
        for (int j = 0; j < k; j++) {
          if (partialIds[s][qi][j] >= 0 && partialScores[s][qi][j] > scores[k - 1]) {
            insert(ids, scores, partialIds[s][qi][j], partialScores[s][qi][j]);
          }
        }
      }
      result[qi] = ids;
    }
    return result;
  }

  private static void insert(int[] ids, float[] scores, int id, float score) {
    int j = scores.length - 1;
    while (j > 0 && scores[j - 1] < score) {
      scores[j] = scores[j - 1];
      ids[j] = ids[j - 1];
      j--;
    }
    scores[j] = score;
    ids[j] = id;
  }

  /**
   * Dot products of base rows i..i+rows-1 (rows <= 4) with one query: four rows at once, each query
   * element loaded once for four independent accumulators.
   */
  static void dot4(float[] base, int i, int rows, float[] q, int qo, int dim, float[] out) {
    if (rows < 4) {
      for (int r = 0; r < rows; r++) {
        out[r] = dot(base, (i + r) * dim, q, qo, dim);
      }
      return;
    }
    int b0 = i * dim;
    int b1 = b0 + dim;
    int b2 = b1 + dim;
    int b3 = b2 + dim;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float t0 = 0;
    float t1 = 0;
    float t2 = 0;
    float t3 = 0;
    int d = 0;
    for (; d + 1 < dim; d += 2) {
      float x = q[qo + d];
      float y = q[qo + d + 1];
      s0 += base[b0 + d] * x;
      s1 += base[b1 + d] * x;
      s2 += base[b2 + d] * x;
      s3 += base[b3 + d] * x;
      t0 += base[b0 + d + 1] * y;
      t1 += base[b1 + d + 1] * y;
      t2 += base[b2 + d + 1] * y;
      t3 += base[b3 + d + 1] * y;
    }
    for (; d < dim; d++) {
      float x = q[qo + d];
      s0 += base[b0 + d] * x;
      s1 += base[b1 + d] * x;
      s2 += base[b2 + d] * x;
      s3 += base[b3 + d] * x;
    }
    out[0] = s0 + t0;
    out[1] = s1 + t1;
    out[2] = s2 + t2;
    out[3] = s3 + t3;
  }

  static float dot(float[] a, int ao, float[] b, int bo, int dim) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < dim; d += 4) {
      s0 += a[ao + d] * b[bo + d];
      s1 += a[ao + d + 1] * b[bo + d + 1];
      s2 += a[ao + d + 2] * b[bo + d + 2];
      s3 += a[ao + d + 3] * b[bo + d + 3];
    }
    for (; d < dim; d++) {
      s0 += a[ao + d] * b[bo + d];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Mean over queries of |found ∩ exact| / k. */
  static double recall(int[][] exact, int[][] found, int k) {
    double sum = 0;
    for (int qi = 0; qi < exact.length; qi++) {
      java.util.Set<Integer> truth = new java.util.HashSet<>();
      for (int j = 0; j < k; j++) {
        truth.add(exact[qi][j]);
      }
      int hit = 0;
      for (int j = 0; j < Math.min(k, found[qi].length); j++) {
        if (truth.contains(found[qi][j])) {
          hit++;
        }
      }
      sum += hit / (double) k;
    }
    return sum / exact.length;
  }
}
