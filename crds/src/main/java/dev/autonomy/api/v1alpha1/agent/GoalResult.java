package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Result of one pursuit of a goal. */
public enum GoalResult {
  /** Still being pursued. */
  @JsonProperty("Running")
  RUNNING("Running"),

  /** Reached; its success criteria were met. */
  @JsonProperty("Succeeded")
  SUCCEEDED("Succeeded"),

  /** Given up after retries and re-planning. */
  @JsonProperty("Failed")
  FAILED("Failed"),

  /** Stopped by the step, token or time budget. */
  @JsonProperty("BudgetExhausted")
  BUDGET_EXHAUSTED("BudgetExhausted"),

  /** A required human approval was rejected. */
  @JsonProperty("Rejected")
  REJECTED("Rejected");

  private final String value;

  GoalResult(String value) {
    this.value = value;
  }

  /** The value as written in a manifest. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
