package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One checkpoint in the lineage. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CheckpointRecord {

  @JsonPropertyDescription("Identifier of the checkpoint, unique within the Policy.")
  private String id;

  @JsonPropertyDescription("Environment steps at the checkpoint.")
  private Long step;

  @JsonPropertyDescription("Mean reward when it was written (or its evaluation mean, once evaluated).")
  private Double meanReward;

  @JsonPropertyDescription("Identifier of the checkpoint it was resumed from, if any.")
  private String parent;

  @JsonPropertyDescription("When it was written (RFC 3339).")
  private String time;

  @JsonPropertyDescription("Path on the checkpoint volume (or URI for Ray).")
  private String path;

  @JsonPropertyDescription("True if it passed the promotion gate.")
  private Boolean promoted;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Long getStep() {
    return step;
  }

  public void setStep(Long step) {
    this.step = step;
  }

  public Double getMeanReward() {
    return meanReward;
  }

  public void setMeanReward(Double meanReward) {
    this.meanReward = meanReward;
  }

  public String getParent() {
    return parent;
  }

  public void setParent(String parent) {
    this.parent = parent;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public Boolean getPromoted() {
    return promoted;
  }

  public void setPromoted(Boolean promoted) {
    this.promoted = promoted;
  }
}
