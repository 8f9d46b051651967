package dev.autonomy.planner.engine;

import dev.autonomy.api.v1alpha1.agent.GoalResult;

/** Where an episode (one pursuit of a goal) stands. */
public enum EpisodeState {
  QUEUED(GoalResult.RUNNING),
  RUNNING(GoalResult.RUNNING),
  SUCCEEDED(GoalResult.SUCCEEDED),
  FAILED(GoalResult.FAILED),
  BUDGET_EXHAUSTED(GoalResult.BUDGET_EXHAUSTED),
  REJECTED(GoalResult.REJECTED);

  private final GoalResult result;

  EpisodeState(GoalResult result) {
    this.result = result;
  }

  /** As the Agent's status writes it. */
  public GoalResult result() {
    return result;
  }

  public boolean finished() {
    return this != QUEUED && this != RUNNING;
  }
}
