package dev.autonomy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void nearestRankPercentiles() {
    Stats stats = Stats.of(IntStream.rangeClosed(1, 1000).boxed().toList());
    assertThat(stats.percentile(50)).isEqualTo(500);
    assertThat(stats.percentile(99)).isEqualTo(990);
    assertThat(stats.percentile(100)).isEqualTo(1000);
    assertThat(stats.max()).isEqualTo(1000);
    assertThat(stats.min()).isEqualTo(1);
    assertThat(stats.mean()).isEqualTo(500.5);
  }

  @Test
  void unsortedAndSmallSamples() {
    Stats stats = Stats.of(30.0, 10.0, 20.0);
    assertThat(stats.percentile(50)).isEqualTo(20);
    assertThat(stats.percentile(99)).isEqualTo(30);
    assertThat(stats.percentile(1)).isEqualTo(10);
    assertThat(Stats.of(List.of(7)).percentile(99)).isEqualTo(7);
  }

  @Test
  void refusesNoSamplesAndBadPercentiles() {
    assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Stats.of(1.0).percentile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Stats.of(1.0).percentile(101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sumsPrometheusSeriesByLabels() {
    String text = """
        # HELP reconciliations_started_total
        # TYPE reconciliations_started_total counter
        reconciliations_started_total{controller_name="agent",group="autonomy.dev",namespace="a"} 998.0
        reconciliations_started_total{controller_name="agent",group="autonomy.dev",namespace="b"} 2.0
        reconciliations_started_total{controller_name="policy",namespace="a"} 5.0
        reconciliations_success_total{controller_name="agent",message="say \\"hi\\", ok",namespace="a"} 1.5E3
        jvm_threads_live_threads 42
        """;
    PrometheusText metrics = PrometheusText.parse(text);
    assertThat(metrics.sum("reconciliations_started_total", Map.of("controller_name", "agent"))).isEqualTo(1000);
    assertThat(metrics.sum("reconciliations_started_total", Map.of("controller_name", "agent", "namespace", "a")))
        .isEqualTo(998);
    assertThat(metrics.sum("reconciliations_success_total", Map.of("namespace", "a"))).isEqualTo(1500);
    assertThat(metrics.sum("jvm_threads_live_threads", Map.of())).isEqualTo(42);
    assertThat(metrics.samples().get(3).labels()).containsEntry("message", "say \"hi\", ok");
    assertThat(metrics.has("reconciliations_failed_total")).isFalse();
  }
}
