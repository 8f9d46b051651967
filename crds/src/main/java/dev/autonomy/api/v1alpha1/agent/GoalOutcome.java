package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Summary of one pursuit of a standing goal. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GoalOutcome {

  @JsonPropertyDescription("Name of the standing goal.")
  private String goal;

  @JsonPropertyDescription("Identifier of the run at the planner.")
  private String runId;

  @JsonPropertyDescription("Result of the run.")
  private GoalResult result;

  @JsonPropertyDescription("When the run started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the run ended (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription("Steps executed.")
  private Integer steps;

  @JsonPropertyDescription("Model tokens spent.")
  private Long tokens;

  @JsonPropertyDescription("True when a stored plan was reused.")
  private Boolean fromPlanMemory;

  @JsonPropertyDescription("Short summary of the result or the failure.")
  private String summary;

  public String getGoal() {
    return goal;
  }

  public void setGoal(String goal) {
    this.goal = goal;
  }

  public String getRunId() {
    return runId;
  }

  public void setRunId(String runId) {
    this.runId = runId;
  }

  public GoalResult getResult() {
    return result;
  }

  public void setResult(GoalResult result) {
    this.result = result;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public Integer getSteps() {
    return steps;
  }

  public void setSteps(Integer steps) {
    this.steps = steps;
  }

  public Long getTokens() {
    return tokens;
  }

  public void setTokens(Long tokens) {
    this.tokens = tokens;
  }

  public Boolean getFromPlanMemory() {
    return fromPlanMemory;
  }

  public void setFromPlanMemory(Boolean fromPlanMemory) {
    this.fromPlanMemory = fromPlanMemory;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }
}
