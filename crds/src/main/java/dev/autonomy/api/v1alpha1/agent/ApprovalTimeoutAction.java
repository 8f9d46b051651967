package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens to a step whose approval times out. */
public enum ApprovalTimeoutAction {
  /** Treat the step as rejected. */
  @JsonProperty("reject")
  REJECT("reject"),

  /** Treat the step as approved. */
  @JsonProperty("approve")
  APPROVE("approve");

  private final String value;

  ApprovalTimeoutAction(String value) {
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
