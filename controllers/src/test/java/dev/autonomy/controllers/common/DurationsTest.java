package dev.autonomy.controllers.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesGoStyleDurations() {
    assertThat(Durations.parse("90s")).contains(Duration.ofSeconds(90));
    assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(Durations.parse("2m5s")).contains(Duration.ofSeconds(125));
  }

  @Test
  void rejectsEverythingElse() {
    assertThat(Durations.parse("10")).isEmpty();
    assertThat(Durations.parse("ten minutes")).isEmpty();
    assertThat(Durations.parse("5m x")).isEmpty();
    assertThat(Durations.parse("")).isEmpty();
    assertThat(Durations.parse(null)).isEmpty();
  }

  @Test
  void labelsCarryTheRecommendedSetAndASelectorSubset() {
    assertThat(Labels.of("autonomy-agent", "a1", "planner")).containsEntry("app.kubernetes.io/managed-by", "autonomy-operator")
        .containsEntry("app.kubernetes.io/part-of", "autonomy").containsEntry("app.kubernetes.io/instance", "a1");
    assertThat(Labels.selectorString(Labels.selector("autonomy-agent", "a1", "planner")))
        .isEqualTo("app.kubernetes.io/name=autonomy-agent,app.kubernetes.io/instance=a1,app.kubernetes.io/component=planner");
  }
}
