package dev.autonomy.planner.app;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when a model answers ({@link ModelProbe}'s cached check). */
@Readiness
@Singleton
public class ModelReadiness implements HealthCheck {
  private final PlannerService planner;
  private final ModelProbe probe;

  public ModelReadiness(PlannerService planner, ModelProbe probe) {
    this.planner = planner;
    this.probe = probe;
  }

  @Override
  public HealthCheckResponse call() {
    var b = HealthCheckResponse.named("model").status(probe.modelAnswers())
        .withData("model", planner.model().primary().label());
    if (planner.model().fallback() != null) {
      b.withData("fallback", planner.model().fallback().label());
    }
    b.withData("checkedAt", probe.checkedAt() == null ? "not yet" : probe.checkedAt().toString());
    b.withData("memory", planner.memory().ready() ? "open" : "opening");
    return b.build();
  }
}
