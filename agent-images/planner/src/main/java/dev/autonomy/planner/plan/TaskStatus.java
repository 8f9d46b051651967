package dev.autonomy.planner.plan;

/** Where a task stands. */
public enum TaskStatus {
  PENDING, RUNNING, DONE, FAILED, SKIPPED
}
