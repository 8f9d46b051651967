package dev.autonomy.planner.engine;

/** What the planner counts; {@link MicrometerPlannerMetrics} exports it on /q/metrics. */
public interface PlannerMetrics {
  PlannerMetrics NONE = new PlannerMetrics() {};

  default void step(StepKind kind, boolean ok, double durationMs) {}

  default void reflection() {}

  default void planMemory(boolean hit) {}

  default void invalidAnswer(String purpose) {}

  default void episodeStarted() {}

  default void episodeFinished(EpisodeState end) {}
}
