package dev.autonomy.benchmarks;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles by the nearest-rank method: p99 of 1,000 samples is the 990th smallest. */
public final class Stats {
  private final double[] sorted;

  private Stats(double[] sorted) {
    this.sorted = sorted;
  }

  public static Stats of(Collection<? extends Number> samples) {
    double[] values = samples.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    if (values.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    return new Stats(values);
  }

  public static Stats of(double... samples) {
    double[] values = samples.clone();
    Arrays.sort(values);
    if (values.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    return new Stats(values);
  }

  /** The smallest sample with at least {@code p} percent of the samples at or below it, 0 < p <= 100. */
  public double percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  public double min() {
    return sorted[0];
  }

  public double max() {
    return sorted[sorted.length - 1];
  }

  public double mean() {
    return Arrays.stream(sorted).average().orElse(Double.NaN);
  }

  public int count() {
    return sorted.length;
  }
}
