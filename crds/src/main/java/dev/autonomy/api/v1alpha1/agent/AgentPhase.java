package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Coarse lifecycle phase of an Agent; details are in the conditions. */
public enum AgentPhase {
  /** Accepted, children not created yet. */
  @JsonProperty("Pending")
  PENDING("Pending"),

  /** Children created, pods not ready yet or rolling out. */
  @JsonProperty("Progressing")
  PROGRESSING("Progressing"),

  /** All desired replicas ready and the model answers. */
  @JsonProperty("Ready")
  READY("Ready"),

  /** Running with fewer ready replicas, a failing model or exhausted healing. */
  @JsonProperty("Degraded")
  DEGRADED("Degraded"),

  /** Cannot run, e.g. an invalid reference; see the conditions. */
  @JsonProperty("Failed")
  FAILED("Failed");

  private final String value;

  AgentPhase(String value) {
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
