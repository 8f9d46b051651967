package dev.autonomy.planner.engine;

/** A step, token or wall-time budget ran out. */
public class BudgetExhaustedException extends RuntimeException {
  private final String budget;

  public BudgetExhaustedException(String budget, String message) {
    super(message);
    this.budget = budget;
  }

  /** {@code steps}, {@code tokens} or {@code time}. */
  public String budget() {
    return budget;
  }
}
