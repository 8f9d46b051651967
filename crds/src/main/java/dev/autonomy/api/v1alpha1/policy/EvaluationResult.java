package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Result of the latest evaluation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EvaluationResult {

  @JsonPropertyDescription("Identifier of the evaluated checkpoint.")
  private String checkpoint;

  @JsonPropertyDescription("Episodes evaluated.")
  private Integer episodes;

  @JsonPropertyDescription("Mean reward.")
  private Double meanReward;

  @JsonPropertyDescription("Standard deviation of the reward.")
  private Double stdReward;

  @JsonPropertyDescription("True if it passed the promotion gate.")
  private Boolean passed;

  @JsonPropertyDescription("When the evaluation finished (RFC 3339).")
  private String time;

  @JsonPropertyDescription("Why the gate passed or failed.")
  private String message;

  public String getCheckpoint() {
    return checkpoint;
  }

  public void setCheckpoint(String checkpoint) {
    this.checkpoint = checkpoint;
  }

  public Integer getEpisodes() {
    return episodes;
  }

  public void setEpisodes(Integer episodes) {
    this.episodes = episodes;
  }

  public Double getMeanReward() {
    return meanReward;
  }

  public void setMeanReward(Double meanReward) {
    this.meanReward = meanReward;
  }

  public Double getStdReward() {
    return stdReward;
  }

  public void setStdReward(Double stdReward) {
    this.stdReward = stdReward;
  }

  public Boolean getPassed() {
    return passed;
  }

  public void setPassed(Boolean passed) {
    this.passed = passed;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
