package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The Ray job of the current attempt. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RayJobStatus {

  @JsonPropertyDescription("Deterministic submission_id (per generation and attempt).")
  private String submissionId;

  @JsonPropertyDescription("Status reported by Ray: PENDING, RUNNING, STOPPED, SUCCEEDED or FAILED.")
  private String jobStatus;

  @JsonPropertyDescription("Dashboard URL the job was submitted to.")
  private String dashboardUrl;

  @JsonPropertyDescription("Message reported by Ray.")
  private String message;

  public String getSubmissionId() {
    return submissionId;
  }

  public void setSubmissionId(String submissionId) {
    this.submissionId = submissionId;
  }

  public String getJobStatus() {
    return jobStatus;
  }

  public void setJobStatus(String jobStatus) {
    this.jobStatus = jobStatus;
  }

  public String getDashboardUrl() {
    return dashboardUrl;
  }

  public void setDashboardUrl(String dashboardUrl) {
    this.dashboardUrl = dashboardUrl;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
