package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Budget and reproducibility of the training run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrainingSpec {

  @JsonPropertyDescription("Environment steps to train for.")
  @Min(1)
  @Default("100000")
  private Long totalSteps = 100000L;

  @JsonPropertyDescription("Stop early once the evaluation mean reward reaches this value.")
  private Double targetMeanReward;

  @JsonPropertyDescription("Wall-time limit of one training attempt in seconds.")
  @Min(1)
  private Long activeDeadlineSeconds;

  @JsonPropertyDescription("Retries after failed attempts; each resumes from the last checkpoint.")
  @Min(0)
  @Max(100)
  @Default("3")
  private Integer backoffLimit = 3;

  @JsonPropertyDescription("Random seed; the same seed and spec reproduce the same run.")
  @Min(0)
  @Max(2147483647)
  @Default("42")
  private Long seed = 42L;

  public Long getTotalSteps() {
    return totalSteps;
  }

  public void setTotalSteps(Long totalSteps) {
    this.totalSteps = totalSteps;
  }

  public Double getTargetMeanReward() {
    return targetMeanReward;
  }

  public void setTargetMeanReward(Double targetMeanReward) {
    this.targetMeanReward = targetMeanReward;
  }

  public Long getActiveDeadlineSeconds() {
    return activeDeadlineSeconds;
  }

  public void setActiveDeadlineSeconds(Long activeDeadlineSeconds) {
    this.activeDeadlineSeconds = activeDeadlineSeconds;
  }

  public Integer getBackoffLimit() {
    return backoffLimit;
  }

  public void setBackoffLimit(Integer backoffLimit) {
    this.backoffLimit = backoffLimit;
  }

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }
}
