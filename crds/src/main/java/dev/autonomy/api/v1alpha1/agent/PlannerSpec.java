package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** Bounds and behaviour of the hierarchical planner. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlannerSpec {

  @JsonPropertyDescription("Deepest level a task may be decomposed to.")
  @Min(1)
  @Max(10)
  @Default("3")
  private Integer maxDepth = 3;

  @JsonPropertyDescription("Maximum tool/model steps spent on one goal.")
  @Min(1)
  @Max(10000)
  @Default("50")
  private Integer maxSteps = 50;

  @JsonPropertyDescription("After a failed step, reflect on why, store the lesson, and retry or re-plan.")
  @Default("true")
  private Boolean reflection = true;

  @JsonPropertyDescription("Retries of one task after failed evaluations before re-planning.")
  @Min(0)
  @Max(10)
  @Default("2")
  private Integer maxRetriesPerTask = 2;

  @JsonPropertyDescription("Maximum model tokens (prompt + completion) spent on one goal.")
  @Min(1)
  @Default("50000")
  private Long tokenBudget = 50000L;

  @JsonPropertyDescription("Maximum wall time spent on one goal (Go duration).")
  @Pattern(Patterns.DURATION)
  @Default("10m")
  private String timeBudget = "10m";

  @JsonPropertyDescription("Reuse and adapt the plan of a solved goal close enough to a new one.")
  @Default("true")
  private Boolean planMemory = true;

  @JsonPropertyDescription("Similarity (0 to 1) above which a stored plan is reused.")
  @Min(0)
  @Max(1)
  @Default("0.9")
  private Double planReuseThreshold = 0.9;

  @JsonPropertyDescription("Number of recent goal outcomes kept in status.goalOutcomes.")
  @Min(1)
  @Max(50)
  @Default("10")
  private Integer outcomeHistory = 10;

  public Integer getMaxDepth() {
    return maxDepth;
  }

  public void setMaxDepth(Integer maxDepth) {
    this.maxDepth = maxDepth;
  }

  public Integer getMaxSteps() {
    return maxSteps;
  }

  public void setMaxSteps(Integer maxSteps) {
    this.maxSteps = maxSteps;
  }

  public Boolean getReflection() {
    return reflection;
  }

  public void setReflection(Boolean reflection) {
    this.reflection = reflection;
  }

  public Integer getMaxRetriesPerTask() {
    return maxRetriesPerTask;
  }

  public void setMaxRetriesPerTask(Integer maxRetriesPerTask) {
    this.maxRetriesPerTask = maxRetriesPerTask;
  }

  public Long getTokenBudget() {
    return tokenBudget;
  }

  public void setTokenBudget(Long tokenBudget) {
    this.tokenBudget = tokenBudget;
  }

  public String getTimeBudget() {
    return timeBudget;
  }

  public void setTimeBudget(String timeBudget) {
    this.timeBudget = timeBudget;
  }

  public Boolean getPlanMemory() {
    return planMemory;
  }

  public void setPlanMemory(Boolean planMemory) {
    this.planMemory = planMemory;
  }

  public Double getPlanReuseThreshold() {
    return planReuseThreshold;
  }

  public void setPlanReuseThreshold(Double planReuseThreshold) {
    this.planReuseThreshold = planReuseThreshold;
  }

  public Integer getOutcomeHistory() {
    return outcomeHistory;
  }

  public void setOutcomeHistory(Integer outcomeHistory) {
    this.outcomeHistory = outcomeHistory;
  }
}
