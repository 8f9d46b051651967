package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** State of the serving Deployment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServingStatus {

  @JsonPropertyDescription("URL of the serving API inside the cluster.")
  private String endpoint;

  @JsonPropertyDescription("Ready serving pods.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Revision served before the current one (the rollback target).")
  private String previousRevision;

  @JsonPropertyDescription("When the serving revision last changed (RFC 3339); live rewards are judged only a grace "
      + "period after it.")
  private String revisionTime;

  @JsonPropertyDescription("Mean reward reported from live use, if any.")
  private Double liveMeanReward;

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public String getPreviousRevision() {
    return previousRevision;
  }

  public void setPreviousRevision(String previousRevision) {
    this.previousRevision = previousRevision;
  }

  public String getRevisionTime() {
    return revisionTime;
  }

  public void setRevisionTime(String revisionTime) {
    this.revisionTime = revisionTime;
  }

  public Double getLiveMeanReward() {
    return liveMeanReward;
  }

  public void setLiveMeanReward(Double liveMeanReward) {
    this.liveMeanReward = liveMeanReward;
  }
}
