package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Live progress of training, reported by the trainer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrainingProgress {

  @JsonPropertyDescription("Environment steps done.")
  private Long step;

  @JsonPropertyDescription("Environment steps planned.")
  private Long totalSteps;

  @JsonPropertyDescription("Episodes finished.")
  private Long episodes;

  @JsonPropertyDescription("Mean reward of the recent episodes.")
  private Double meanReward;

  @JsonPropertyDescription("Best mean reward so far.")
  private Double bestReward;

  @JsonPropertyDescription("step / totalSteps in percent.")
  @Min(0)
  @Max(100)
  private Integer progressPercent;

  @JsonPropertyDescription("Recent training throughput.")
  private Double stepsPerSecond;

  @JsonPropertyDescription("Estimated completion time (RFC 3339).")
  private String eta;

  @JsonPropertyDescription("When the trainer last reported (RFC 3339).")
  private String lastUpdateTime;

  public Long getStep() {
    return step;
  }

  public void setStep(Long step) {
    this.step = step;
  }

  public Long getTotalSteps() {
    return totalSteps;
  }

  public void setTotalSteps(Long totalSteps) {
    this.totalSteps = totalSteps;
  }

  public Long getEpisodes() {
    return episodes;
  }

  public void setEpisodes(Long episodes) {
    this.episodes = episodes;
  }

  public Double getMeanReward() {
    return meanReward;
  }

  public void setMeanReward(Double meanReward) {
    this.meanReward = meanReward;
  }

  public Double getBestReward() {
    return bestReward;
  }

  public void setBestReward(Double bestReward) {
    this.bestReward = bestReward;
  }

  public Integer getProgressPercent() {
    return progressPercent;
  }

  public void setProgressPercent(Integer progressPercent) {
    this.progressPercent = progressPercent;
  }

  public Double getStepsPerSecond() {
    return stepsPerSecond;
  }

  public void setStepsPerSecond(Double stepsPerSecond) {
    this.stepsPerSecond = stepsPerSecond;
  }

  public String getEta() {
    return eta;
  }

  public void setEta(String eta) {
    this.eta = eta;
  }

  public String getLastUpdateTime() {
    return lastUpdateTime;
  }

  public void setLastUpdateTime(String lastUpdateTime) {
    this.lastUpdateTime = lastUpdateTime;
  }
}
