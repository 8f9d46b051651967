package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where training runs. */
public enum BackendType {
  /** A Kubernetes Job created by the operator. */
  @JsonProperty("job")
  JOB("job"),

  /** A Ray job submitted to an existing Ray cluster through the Ray Jobs API. */
  @JsonProperty("ray")
  RAY("ray");

  private final String value;

  BackendType(String value) {
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
