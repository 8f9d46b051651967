package dev.autonomy.planner.model;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter on the upper half: attempt 1 waits ~initial, then doubles to max. */
public record Backoff(Duration initial, Duration max, boolean jitter) {
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8), true);

  /** The wait before retry number {@code retry} (1-based). */
  public Duration delay(int retry) {
    long base = initial.toMillis() << Math.min(retry - 1, 20);
    long capped = Math.min(base, max.toMillis());
    if (!jitter || capped <= 1) {
      return Duration.ofMillis(capped);
    }
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }
}
