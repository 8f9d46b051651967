package dev.autonomy.planner.app;

import dev.autonomy.planner.model.ModelEndpointClient;
import dev.autonomy.planner.model.ModelErrors;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
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
  private final ModelHealth health = new ModelHealth();
  private final OutcomeWriter writer;
  private List<Object> reported = List.of();
  /** Streaks longer than this are reported as this: the healer acts at 3. */
  static final int REPORT_CAP = 5;

  public ModelProbe(PlannerService planner) {
    this.planner = planner;
    this.writer = new OutcomeWriter(planner::kubernetes, planner.config().getNamespace(),
        planner.loader().outcomesConfigMap().orElse(null));
  }

  @Scheduled(every = "${autonomy.planner.readiness-interval:15s}", delayed = "0s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    if (!checking.compareAndSet(false, true)) {
      return;
    }
    try {
      Instant now = Instant.now();
      // Each endpoint on its own: the operator's healer switches to the fallback when only the primary fails.
      boolean primary = check(planner.model().primary(), now);
      boolean fallback = planner.model().fallback() != null && check(planner.model().fallback(), now);
      answers = primary || fallback;
      checkedAt = now;
      report();
    } finally {
      checking.set(false);
    }
  }

  private boolean check(ModelEndpointClient endpoint, Instant now) {
    try {
      endpoint.ping();
      health.record(endpoint.role(), endpoint.label(), null, now);
      return true;
    } catch (RuntimeException e) {
      health.record(endpoint.role(), endpoint.label(), ModelErrors.describe(e), now);
      return false;
    }
  }

  /** Writes the model health to the outcomes ConfigMap when something the healer reads changed. */
  private void report() {
    List<Object> signature = health.signature(REPORT_CAP);
    if (!signature.equals(reported) && writer.put(ModelHealth.KEY, health.toJson())) {
      reported = signature;
    }
  }

  /** The last health record (for tests and diagnostics). */
  public ModelHealth health() {
    return health;
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
