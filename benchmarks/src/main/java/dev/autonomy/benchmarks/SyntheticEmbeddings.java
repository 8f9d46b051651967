package dev.autonomy.benchmarks;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded synthetic vectors shaped like sentence embeddings: unit vectors from a hierarchical
 * Gaussian mixture. Each vector is normalize(a·g + b·S + c·T + d·B z + e·ε): a direction g shared by
 * all (embeddings occupy a cone: unrelated sentences still have cosine ≈ 0.1), one of
 * {@code supertopics} directions S (a domain), one of {@code topics} directions T (a subject within
 * it), a point z of the topic's {@code rank}-dimensional subspace B (low intrinsic dimension:
 * neighbours differ along a few directions) and isotropic noise ε. With the default weights
 * unrelated pairs have cosine ≈ 0.11, same domain ≈ 0.34, same topic ≈ 0.67 and nearest neighbours
 * ≈ 0.8–0.9, as sentence embeddings do. Vector {@code i} of a stream depends only on (seed, stream,
 * i), so any prefix is the same data set at any thread count.
 */
final class SyntheticEmbeddings {
  static final double SHARED = 0.35;
  static final double DOMAIN = 0.5;
  static final double TOPIC = 0.6;
  static final double SPREAD = 0.55;
  static final double NOISE = 0.25;

  final int dim;
  final int supertopics;
  final int topics;
  final int rank;
  private final float[] shared;
  private final float[][] domains;
  private final float[][] topicCenters;
  private final int[] topicDomain;
  private final float[][] bases;

  SyntheticEmbeddings(int dim, int supertopics, int topics, int rank, long seed) {
    this.dim = dim;
    this.supertopics = supertopics;
    this.topics = topics;
    this.rank = rank;
    SplittableRandom random = new SplittableRandom(seed);
    shared = unit(random, dim);
    domains = new float[supertopics][];
    for (int s = 0; s < supertopics; s++) {
      domains[s] = unit(random, dim);
    }
    topicCenters = new float[topics][];
    topicDomain = new int[topics];
    bases = new float[topics][dim * rank];
    double scale = 1 / Math.sqrt(dim);
    for (int t = 0; t < topics; t++) {
      topicCenters[t] = unit(random, dim);
      topicDomain[t] = random.nextInt(supertopics);
      for (int j = 0; j < dim * rank; j++) {
        bases[t][j] = (float) (random.nextGaussian() * scale);
      }
    }
  }

  /** Parameters as written to the results. */
  String describe() {
    return String.format(java.util.Locale.ROOT, "unit vectors, normalize(%.2f shared + %.2f domain (1 of %d) + %.2f "
        + "topic (1 of %d) + %.2f in a %d-d topic subspace + %.2f isotropic noise)", SHARED, DOMAIN, supertopics, TOPIC,
        topics, SPREAD, rank, NOISE);
  }

  /** {@code n} vectors of stream {@code stream}, row-major in one array. */
  float[] generate(int n, long stream) {
    float[] out = new float[Math.multiplyExact(n, dim)];
    IntStream.range(0, n).parallel().forEach(i -> vector(stream, i, out, i * dim));
    return out;
  }

  void vector(long stream, long i, float[] out, int offset) {
    SplittableRandom random = new SplittableRandom(stream * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + 17);
    int t = random.nextInt(topics);
    float[] domain = domains[topicDomain[t]];
    float[] topic = topicCenters[t];
    float[] basis = bases[t];
    double[] z = new double[rank];
    double zScale = SPREAD / Math.sqrt(rank);
    for (int j = 0; j < rank; j++) {
      z[j] = random.nextGaussian() * zScale;
    }
    double noiseScale = NOISE / Math.sqrt(dim);
    for (int d = 0; d < dim; d++) {
      double v = SHARED * shared[d] + DOMAIN * domain[d] + TOPIC * topic[d] + random.nextGaussian() * noiseScale;
      int row = d * rank;
      for (int j = 0; j < rank; j++) {
        v += basis[row + j] * z[j];
      }
      out[offset + d] = (float) v;
    }
    normalize(out, offset, dim);
  }

  private static float[] unit(SplittableRandom random, int dim) {
    float[] v = new float[dim];
    for (int d = 0; d < dim; d++) {
      v[d] = (float) random.nextGaussian();
    }
    normalize(v, 0, dim);
    return v;
  }

  static void normalize(float[] v, int offset, int dim) {
    double norm = 0;
    for (int d = 0; d < dim; d++) {
      norm += (double) v[offset + d] * v[offset + d];
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < dim; d++) {
      v[offset + d] *= inv;
    }
  }
}
