package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/** One aspect of a resource's state, following the Kubernetes API conventions (metav1.Condition). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Condition {

  @JsonPropertyDescription("Type of the condition in CamelCase, e.g. Ready, Progressing, Degraded, Healing.")
  @Required
  @Size(max = 316)
  private String type;

  @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
  @Required
  // A string, not the enum: the CRD generator writes enum values unquoted, and YAML reads True as a boolean.
  @Pattern("^(True|False|Unknown)$")
  private String status;

  @JsonPropertyDescription("The .metadata.generation the condition was set for; older than the resource's generation "
      + "means stale.")
  @Min(0)
  private Long observedGeneration;

  @JsonPropertyDescription("Last time (RFC 3339) the status changed from one value to another; unchanged while the "
      + "status stays.")
  private String lastTransitionTime;

  @JsonPropertyDescription("Machine-readable CamelCase reason for the last transition, e.g. ModelUnavailable.")
  @Pattern(Patterns.REASON)
  @Size(max = 1024)
  private String reason;

  @JsonPropertyDescription("Human-readable details about the last transition.")
  @Size(max = 32768)
  private String message;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Condition)) {
      return false;
    }
    Condition that = (Condition) o;
    return Objects.equals(type, that.type)
        && Objects.equals(status, that.status)
        && Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(lastTransitionTime, that.lastTransitionTime)
        && Objects.equals(reason, that.reason)
        && Objects.equals(message, that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, observedGeneration, lastTransitionTime, reason, message);
  }

  @Override
  public String toString() {
    return "Condition{type=" + type + ", status=" + status + ", observedGeneration=" + observedGeneration + ", lastTransitionTime=" + lastTransitionTime + ", reason=" + reason + ", message=" + message + "}";
  }
}
