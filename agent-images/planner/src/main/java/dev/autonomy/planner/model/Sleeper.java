package dev.autonomy.planner.model;

import java.time.Duration;

/** Waits between retries; tests record instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
