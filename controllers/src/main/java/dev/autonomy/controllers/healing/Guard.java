package dev.autonomy.controllers.healing;

import dev.autonomy.api.v1alpha1.common.HealingEntry;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import dev.autonomy.controllers.common.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The safety rules around every remediation: on/off, budget per hour, cooldown with exponential
 * backoff after failures, and a circuit breaker that stops healing (and reports Degraded with
 * RemediationExhausted) after {@code circuitBreakerThreshold} failures in a row. Pure: it returns
 * the new knowledge to keep in status.
 */
public final class Guard {
  static final Duration WINDOW = Duration.ofHours(1);
  static final int ENTRIES_KEPT = 10;
  static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

  /** Whether a remediation may be applied now. */
  public enum Verdict { ALLOW, DISABLED, DRY_RUN_ONLY, COOLDOWN, BUDGET_EXHAUSTED, CIRCUIT_OPEN }

  private Guard() {}

  public static Verdict check(HealingSpec spec, HealingStatus status, Instant now) {
    HealingSpec s = spec == null ? new HealingSpec() : spec;
    HealingStatus k = status == null ? new HealingStatus() : status;
    if (!Boolean.TRUE.equals(s.getEnabled())) {
      return Verdict.DISABLED;
    }
    if (Boolean.TRUE.equals(k.getCircuitOpen())) {
      return Verdict.CIRCUIT_OPEN;
    }
    if (k.getCooldownUntil() != null && now.isBefore(Instant.parse(k.getCooldownUntil()))) {
      return Verdict.COOLDOWN;
    }
    if (attemptsInWindow(k, now) >= s.getMaxAttemptsPerHour()) {
      return Verdict.BUDGET_EXHAUSTED;
    }
    return Boolean.TRUE.equals(s.getDryRunOnly()) ? Verdict.DRY_RUN_ONLY : Verdict.ALLOW;
  }

  /** Knowledge after applying a remediation now (its outcome comes later). */
  public static HealingStatus attempted(HealingSpec spec, HealingStatus status, HealingEntry entry, Instant now) {
    HealingStatus k = copy(status);
    if (k.getWindowStart() == null || !now.isBefore(Instant.parse(k.getWindowStart()).plus(WINDOW))) {
      k.setWindowStart(now.toString());
      k.setAttemptsInWindow(0);
    }
    k.setAttemptsInWindow(k.getAttemptsInWindow() + 1);
    k.setLastAction(entry.getAction());
    k.setLastActionTime(now.toString());
    k.setCooldownUntil(now.plus(cooldown(spec, k.getConsecutiveFailures())).toString());
    List<HealingEntry> entries = new ArrayList<>(k.getEntries() == null ? List.of() : k.getEntries());
    entries.add(entry);
    k.setEntries(entries.subList(Math.max(0, entries.size() - ENTRIES_KEPT), entries.size()));
    return k;
  }

  /** Knowledge once the outcome of the last remediation is known. */
  public static HealingStatus concluded(HealingSpec spec, HealingStatus status, boolean success, Instant now) {
    HealingSpec s = spec == null ? new HealingSpec() : spec;
    HealingStatus k = copy(status);
    int failures = success ? 0 : (k.getConsecutiveFailures() == null ? 0 : k.getConsecutiveFailures()) + 1;
    k.setConsecutiveFailures(failures);
    k.setCircuitOpen(failures >= s.getCircuitBreakerThreshold());
    k.setCooldownUntil(now.plus(cooldown(s, failures)).toString());
    return k;
  }

  /** spec.healing.cooldown (1m when unset or unreadable). */
  public static Duration cooldown(HealingSpec spec) {
    return cooldown(spec, 0);
  }

  /** The cooldown doubled per consecutive failure, at most {@link #MAX_BACKOFF}. */
  static Duration cooldown(HealingSpec spec, Integer failures) {
    Duration base = Durations.parse(spec == null || spec.getCooldown() == null ? "1m" : spec.getCooldown())
        .orElse(Duration.ofMinutes(1));
    int n = failures == null ? 0 : Math.min(failures, 20);
    Duration d = base.multipliedBy(1L << n);
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private static int attemptsInWindow(HealingStatus k, Instant now) {
    if (k.getWindowStart() == null || !now.isBefore(Instant.parse(k.getWindowStart()).plus(WINDOW))) {
      return 0;
    }
    return k.getAttemptsInWindow() == null ? 0 : k.getAttemptsInWindow();
  }

  private static HealingStatus copy(HealingStatus status) {
    return dev.autonomy.controllers.common.Copies.deepCopy(status, HealingStatus.class, HealingStatus::new);
  }
}
