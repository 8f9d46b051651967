package dev.autonomy.planner.app;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the process serves; a model outage is a readiness matter, not a reason to restart. */
@Liveness
@Singleton
public class PlannerLiveness implements HealthCheck {
  private final PlannerService planner;

  public PlannerLiveness(PlannerService planner) {
    this.planner = planner;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("planner").up().withData("agent", planner.config().getAgent()).build();
  }
}
