package dev.autonomy.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Generative-Agents retrieval (Park et al., 2023, §4.1): each candidate gets
 * <ul>
 *   <li>recency = {@code decayPerHour ^ hours since it was last accessed} (0.995 per hour by default),
 *   <li>importance as written (0..1),
 *   <li>relevance = cosine similarity of its embedding and the query's,
 * </ul>
 * and the memories with the highest combination are returned. {@link Combination#WEIGHTED_SUM} is the
 * paper's: each part min-max normalised over the candidates, then {@code w_rec·rec + w_imp·imp +
 * w_rel·rel}. {@link Combination#WEIGHTED_PRODUCT} multiplies the raw parts ({@code rec^w_rec ·
 * imp^w_imp · max(rel,0)^w_rel}): a memory must be recent, important and relevant at once.
 */
public final class RetrievalScorer {

  public enum Combination {
    WEIGHTED_SUM,
    WEIGHTED_PRODUCT;

    public static Combination parse(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
        case "sum", "weighted_sum" -> WEIGHTED_SUM;
        case "product", "weighted_product" -> WEIGHTED_PRODUCT;
        default -> throw new IllegalArgumentException("unknown scoring '" + value + "' (sum, product)");
      };
    }
  }

  /** Non-negative weights of the three parts; the paper uses 1, 1, 1. */
  public record Weights(double recency, double importance, double relevance) {
    public static final Weights EQUAL = new Weights(1, 1, 1);

    public Weights {
      if (!(recency >= 0 && importance >= 0 && relevance >= 0) || recency + importance + relevance == 0) {
        throw new IllegalArgumentException("weights must be >= 0 and not all 0: " + recency + ", " + importance + ", "
            + relevance);
      }
    }
  }

  /** A store's nearest neighbour with its cosine similarity to the query. */
  public record Candidate(MemoryRecord record, double relevance) {}

  /** The paper's decay per hour. */
  public static final double DEFAULT_DECAY_PER_HOUR = 0.995;

  private static final double EPSILON = 1e-12;

  private final Weights weights;
  private final double decayPerHour;
  private final Combination combination;

  public RetrievalScorer(Weights weights, double decayPerHour, Combination combination) {
    if (!(decayPerHour > 0 && decayPerHour <= 1)) {
      throw new IllegalArgumentException("recency decay per hour must be within (0, 1], was " + decayPerHour);
    }
    this.weights = weights;
    this.decayPerHour = decayPerHour;
    this.combination = combination;
  }

  public static RetrievalScorer defaults() {
    return new RetrievalScorer(Weights.EQUAL, DEFAULT_DECAY_PER_HOUR, Combination.WEIGHTED_SUM);
  }

  public Weights weights() {
    return weights;
  }

  public double decayPerHour() {
    return decayPerHour;
  }

  public Combination combination() {
    return combination;
  }

  /** {@code decayPerHour ^ hours(now - lastAccessed)}; 1 for a time in the future. */
  public static double recency(Instant lastAccessed, Instant now, double decayPerHour) {
    double hours = Math.max(0, Duration.between(lastAccessed, now).toMillis()) / 3_600_000.0;
    return Math.pow(decayPerHour, hours);
  }

  public double recency(Instant lastAccessed, Instant now) {
    return recency(lastAccessed, now, decayPerHour);
  }

  /** Cosine similarity; 0 when either vector is zero. */
  public static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of different dimensions: " + a.length + " and " + b.length);
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    if (na == 0 || nb == 0) {
      return 0;
    }
    return dot / (Math.sqrt(na) * Math.sqrt(nb));
  }

  /** Scores every candidate and returns the best {@code k}, best first (ties: more relevant first). */
  public List<ScoredMemory> rank(List<Candidate> candidates, Instant now, int k) {
    int n = candidates.size();
    double[] rec = new double[n];
    double[] imp = new double[n];
    double[] rel = new double[n];
    for (int i = 0; i < n; i++) {
      MemoryRecord r = candidates.get(i).record();
      Instant accessed = r.lastAccessedAt() != null ? r.lastAccessedAt() : r.createdAt() != null ? r.createdAt() : now;
      rec[i] = recency(accessed, now);
      imp[i] = r.importance();
      rel[i] = candidates.get(i).relevance();
    }
    double[] score = new double[n];
    if (combination == Combination.WEIGHTED_SUM) {
      double[] nRec = minMax(rec);
      double[] nImp = minMax(imp);
      double[] nRel = minMax(rel);
      for (int i = 0; i < n; i++) {
        score[i] = weights.recency() * nRec[i] + weights.importance() * nImp[i] + weights.relevance() * nRel[i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        score[i] = Math.pow(rec[i], weights.recency()) * Math.pow(clamp(imp[i]), weights.importance())
            * Math.pow(clamp(rel[i]), weights.relevance());
      }
    }
    List<ScoredMemory> scored = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      scored.add(new ScoredMemory(candidates.get(i).record(), score[i], rec[i], imp[i], rel[i]));
    }
    scored.sort(Comparator.comparingDouble(ScoredMemory::score).reversed()
        .thenComparing(Comparator.comparingDouble(ScoredMemory::relevance).reversed())
        .thenComparing(s -> s.record().id()));
    return scored.size() > k ? List.copyOf(scored.subList(0, k)) : List.copyOf(scored);
  }

  /**
   * Min-max normalisation to 0..1 over the candidates (the paper's). When all values are equal there
   * is no spread to normalise: each keeps its own value, clamped to 0..1, so one lone candidate is
   * not inflated to a perfect score.
   */
  static double[] minMax(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = max - min < EPSILON ? clamp(values[i]) : (values[i] - min) / (max - min);
    }
    return out;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
