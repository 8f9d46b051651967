package dev.autonomy.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.memory.RetrievalScorer.Candidate;
import dev.autonomy.memory.RetrievalScorer.Combination;
import dev.autonomy.memory.RetrievalScorer.Weights;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrievalScorerTest {
  static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

  static MemoryRecord record(String id, double importance, Duration sinceAccess) {
    Instant accessed = NOW.minus(sinceAccess);
    return new MemoryRecord(id, MemoryKind.EPISODE, "a", "g", id, importance, accessed, accessed, Map.of(), null);
  }

  @Test
  void recencyDecaysExponentiallyPerHour() {
    assertThat(RetrievalScorer.recency(NOW, NOW, 0.995)).isEqualTo(1.0);
    assertThat(RetrievalScorer.recency(NOW.minus(Duration.ofHours(1)), NOW, 0.995)).isCloseTo(0.995, within(1e-12));
    assertThat(RetrievalScorer.recency(NOW.minus(Duration.ofHours(24)), NOW, 0.995))
        .isCloseTo(Math.pow(0.995, 24), within(1e-12));
    assertThat(RetrievalScorer.recency(NOW.minus(Duration.ofMinutes(30)), NOW, 0.9))
        .isCloseTo(Math.sqrt(0.9), within(1e-12));
    // half-life of 0.995/h is ~138 h
    assertThat(RetrievalScorer.recency(NOW.minus(Duration.ofHours(138)), NOW, 0.995)).isCloseTo(0.5, within(0.002));
    assertThat(RetrievalScorer.recency(NOW.plusSeconds(60), NOW, 0.995)).isEqualTo(1.0);
    assertThat(RetrievalScorer.recency(NOW.minus(Duration.ofDays(365)), NOW, 1.0)).isEqualTo(1.0);
  }

  @Test
  void cosineSimilarity() {
    assertThat(RetrievalScorer.cosine(new float[] {1, 0}, new float[] {1, 0})).isEqualTo(1.0);
    assertThat(RetrievalScorer.cosine(new float[] {1, 0}, new float[] {0, 3})).isEqualTo(0.0);
    assertThat(RetrievalScorer.cosine(new float[] {1, 1}, new float[] {-2, -2})).isCloseTo(-1.0, within(1e-12));
    assertThat(RetrievalScorer.cosine(new float[] {3, 4}, new float[] {4, 3})).isCloseTo(24.0 / 25, within(1e-7));
    assertThat(RetrievalScorer.cosine(new float[] {0, 0}, new float[] {1, 0})).isEqualTo(0.0);
    assertThatThrownBy(() -> RetrievalScorer.cosine(new float[2], new float[3])).hasMessageContaining("2 and 3");
  }

  @Test
  void weightedSumNormalisesEachPartOverTheCandidates() {
    // recency: 1, 0.995^10, 0.995^100; importance 0.2, 0.9, 0.5; relevance 0.8, 0.4, 0.6
    List<Candidate> candidates = List.of(
        new Candidate(record("fresh", 0.2, Duration.ZERO), 0.8),
        new Candidate(record("important", 0.9, Duration.ofHours(10)), 0.4),
        new Candidate(record("old", 0.5, Duration.ofHours(100)), 0.6));
    List<ScoredMemory> ranked = RetrievalScorer.defaults().rank(candidates, NOW, 3);

    double r1 = 1;
    double r2 = Math.pow(0.995, 10);
    double r3 = Math.pow(0.995, 100);
    double nRec2 = (r2 - r3) / (r1 - r3);
    // fresh: rec 1, imp 0, rel 1 -> 2; important: rec nRec2, imp 1, rel 0 -> 1 + nRec2; old: 0 + 3/7 + 1/2
    assertThat(ranked).extracting(s -> s.record().id()).containsExactly("fresh", "important", "old");
    assertThat(ranked.get(0).score()).isCloseTo(2.0, within(1e-9));
    assertThat(ranked.get(1).score()).isCloseTo(1 + nRec2, within(1e-9));
    assertThat(ranked.get(2).score()).isCloseTo(3.0 / 7 + 0.5, within(1e-9));
    assertThat(ranked.get(1).recency()).isCloseTo(r2, within(1e-12));
    assertThat(ranked.get(1).importance()).isEqualTo(0.9);
    assertThat(ranked.get(1).relevance()).isEqualTo(0.4);
  }

  @Test
  void weightsDecideTheOrder() {
    List<Candidate> candidates = List.of(
        new Candidate(record("relevant", 0.1, Duration.ofHours(500)), 0.95),
        new Candidate(record("important", 1.0, Duration.ofHours(500)), 0.30),
        new Candidate(record("recent", 0.1, Duration.ZERO), 0.30));
    assertThat(new RetrievalScorer(new Weights(0, 0, 1), 0.995, Combination.WEIGHTED_SUM).rank(candidates, NOW, 1))
        .extracting(s -> s.record().id()).containsExactly("relevant");
    assertThat(new RetrievalScorer(new Weights(0, 1, 0), 0.995, Combination.WEIGHTED_SUM).rank(candidates, NOW, 1))
        .extracting(s -> s.record().id()).containsExactly("important");
    assertThat(new RetrievalScorer(new Weights(1, 0, 0), 0.995, Combination.WEIGHTED_SUM).rank(candidates, NOW, 1))
        .extracting(s -> s.record().id()).containsExactly("recent");
    assertThat(new RetrievalScorer(new Weights(0.5, 0.5, 3), 0.995, Combination.WEIGHTED_SUM)
        .rank(candidates, NOW, 3)).extracting(s -> s.record().id()).first().isEqualTo("relevant");
  }

  @Test
  void productNeedsAllThreeParts() {
    List<Candidate> candidates = List.of(
        new Candidate(record("balanced", 0.6, Duration.ofHours(2)), 0.7),
        new Candidate(record("irrelevant", 1.0, Duration.ZERO), -0.2),
        new Candidate(record("unimportant", 0.0, Duration.ZERO), 0.99));
    List<ScoredMemory> ranked = new RetrievalScorer(Weights.EQUAL, 0.995, Combination.WEIGHTED_PRODUCT)
        .rank(candidates, NOW, 3);
    assertThat(ranked.get(0).record().id()).isEqualTo("balanced");
    assertThat(ranked.get(0).score()).isCloseTo(Math.pow(0.995, 2) * 0.6 * 0.7, within(1e-12));
    assertThat(ranked.get(1).score()).isZero();
    assertThat(ranked.get(2).score()).isZero();
  }

  @Test
  void aLoneCandidateKeepsItsOwnValues() {
    List<ScoredMemory> ranked = RetrievalScorer.defaults()
        .rank(List.of(new Candidate(record("only", 0.3, Duration.ofHours(24)), 0.2)), NOW, 5);
    assertThat(ranked).hasSize(1);
    assertThat(ranked.get(0).score()).isCloseTo(Math.pow(0.995, 24) + 0.3 + 0.2, within(1e-9));
    assertThat(RetrievalScorer.minMax(new double[] {-0.5, -0.5})).containsExactly(0, 0);
  }

  @Test
  void returnsAtMostKAndBreaksTiesByRelevance() {
    List<Candidate> candidates = List.of(
        new Candidate(record("a", 0.5, Duration.ZERO), 0.5),
        new Candidate(record("b", 0.5, Duration.ZERO), 0.5),
        new Candidate(record("c", 0.5, Duration.ZERO), 0.5));
    assertThat(RetrievalScorer.defaults().rank(candidates, NOW, 2)).extracting(s -> s.record().id())
        .containsExactly("a", "b");
    assertThat(RetrievalScorer.defaults().rank(List.of(), NOW, 2)).isEmpty();
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new Weights(0, 0, 0)).hasMessageContaining("not all 0");
    assertThatThrownBy(() -> new Weights(-1, 1, 1)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new RetrievalScorer(Weights.EQUAL, 1.5, Combination.WEIGHTED_SUM))
        .hasMessageContaining("(0, 1]");
    assertThat(Combination.parse("product")).isEqualTo(Combination.WEIGHTED_PRODUCT);
    assertThat(Combination.parse("Weighted-Sum")).isEqualTo(Combination.WEIGHTED_SUM);
  }
}
