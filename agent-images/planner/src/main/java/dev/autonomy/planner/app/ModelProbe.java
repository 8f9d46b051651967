package dev.autonomy.planner.app;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a model answers: a one-token chat to the primary (else the fallback), refreshed in the
 * background every 15 s, so readiness probes read a cached answer and never wait on the model.
 */
@Singleton
public class ModelProbe {
  private final PlannerService planner;
  private final AtomicBoolean checking = new AtomicBoolean();
  private volatile Boolean answers;
  private volatile Instant checkedAt;

  public ModelProbe(PlannerService planner) {
    this.planner = planner;
  }

  @Scheduled(every = "${autonomy.planner.readiness-interval:15s}", delayed = "0s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    if (!checking.compareAndSet(false, true)) {
      return;
    }
    try {
      answers = planner.model().ping();
      checkedAt = Instant.now();
    } finally {
      checking.set(false);
    }
  }

  /** True when a model answered at the last check. */
  public boolean modelAnswers() {
    return Boolean.TRUE.equals(answers);
  }

  /** When the last check ended; null before the first. */
  public Instant checkedAt() {
    return checkedAt;
  }
}
