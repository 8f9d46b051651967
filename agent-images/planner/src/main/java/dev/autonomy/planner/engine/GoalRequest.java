package dev.autonomy.planner.engine;

/** A goal to pursue: the text, how success is recognised (optional), and the standing goal it comes from. */
public record GoalRequest(String goal, String successCriteria, String standingGoal) {
  public GoalRequest {
    if (goal == null || goal.isBlank()) {
      throw new IllegalArgumentException("a goal needs its text");
    }
    if (goal.length() > 8192) {
      throw new IllegalArgumentException("a goal is at most 8192 characters");
    }
  }

  public static GoalRequest of(String goal) {
    return new GoalRequest(goal, null, null);
  }
}
