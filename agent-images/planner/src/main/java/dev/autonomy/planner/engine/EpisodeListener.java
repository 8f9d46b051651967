package dev.autonomy.planner.engine;

/** Sees an episode's steps as they are recorded, and its end. */
public interface EpisodeListener {
  default void onStep(Episode episode, Step step) {}

  default void onApproval(Episode episode, ApprovalGate.Pending pending) {}

  default void onFinish(Episode episode) {}
}
