package dev.autonomy.controllers.healing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.common.HealingEntry;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuardTest {
  static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

  private static HealingEntry entry(String action) {
    HealingEntry e = new HealingEntry();
    e.setAction(action);
    return e;
  }

  @Test
  void offDryRunOnlyAndFreshKnowledge() {
    HealingSpec off = new HealingSpec();
    off.setEnabled(false);
    assertThat(Guard.check(off, null, T0)).isEqualTo(Guard.Verdict.DISABLED);
    HealingSpec dry = new HealingSpec();
    dry.setDryRunOnly(true);
    assertThat(Guard.check(dry, null, T0)).isEqualTo(Guard.Verdict.DRY_RUN_ONLY);
    assertThat(Guard.check(new HealingSpec(), null, T0)).isEqualTo(Guard.Verdict.ALLOW);
  }

  @Test
  void cooldownThenBudgetPerHour() {
    HealingSpec spec = new HealingSpec();
    spec.setMaxAttemptsPerHour(2);
    spec.setCooldown("1m");
    HealingStatus k = Guard.attempted(spec, null, entry("restart"), T0);
    assertThat(Guard.check(spec, k, T0.plusSeconds(30))).isEqualTo(Guard.Verdict.COOLDOWN);
    assertThat(Guard.check(spec, k, T0.plusSeconds(61))).isEqualTo(Guard.Verdict.ALLOW);
    k = Guard.attempted(spec, k, entry("restart"), T0.plusSeconds(61));
    assertThat(Guard.check(spec, k, T0.plusSeconds(200))).isEqualTo(Guard.Verdict.BUDGET_EXHAUSTED);
    assertThat(Guard.check(spec, k, T0.plus(Duration.ofMinutes(61)))).isEqualTo(Guard.Verdict.ALLOW);
    assertThat(k.getLastAction()).isEqualTo("restart");
    assertThat(k.getEntries()).hasSize(2);
  }

  @Test
  void failuresBackOffExponentiallyAndOpenTheCircuit() {
    HealingSpec spec = new HealingSpec();
    spec.setCooldown("1m");
    spec.setCircuitBreakerThreshold(3);
    HealingStatus k = Guard.concluded(spec, null, false, T0);
    assertThat(Instant.parse(k.getCooldownUntil())).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    k = Guard.concluded(spec, k, false, T0);
    assertThat(Instant.parse(k.getCooldownUntil())).isEqualTo(T0.plus(Duration.ofMinutes(4)));
    assertThat(k.getCircuitOpen()).isFalse();
    k = Guard.concluded(spec, k, false, T0);
    assertThat(k.getCircuitOpen()).isTrue();
    assertThat(Guard.check(spec, k, T0.plus(Duration.ofHours(5)))).isEqualTo(Guard.Verdict.CIRCUIT_OPEN);
    // A success closes it and resets the backoff.
    k = Guard.concluded(spec, k, true, T0);
    assertThat(k.getCircuitOpen()).isFalse();
    assertThat(k.getConsecutiveFailures()).isZero();
  }

  @Test
  void backoffIsCapped() {
    assertThat(Guard.cooldown(new HealingSpec(), 30)).isEqualTo(Guard.MAX_BACKOFF);
  }

  @Test
  void onlyTheLastEntriesAreKept() {
    HealingSpec spec = new HealingSpec();
    spec.setMaxAttemptsPerHour(1000);
    HealingStatus k = null;
    for (int i = 0; i < 25; i++) {
      k = Guard.attempted(spec, k, entry("a" + i), T0.plusSeconds(i));
    }
    assertThat(k.getEntries()).hasSize(Guard.ENTRIES_KEPT);
    assertThat(k.getEntries().get(Guard.ENTRIES_KEPT - 1).getAction()).isEqualTo("a24");
  }
}
