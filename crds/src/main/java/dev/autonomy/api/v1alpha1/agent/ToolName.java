package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tool the planner can use. */
public enum ToolName {
  /** The HTTP tool. */
  @JsonProperty("http")
  HTTP("http"),

  /** The Kubernetes read tool. */
  @JsonProperty("kubernetesRead")
  KUBERNETES_READ("kubernetesRead"),

  /** The memory tool. */
  @JsonProperty("memory")
  MEMORY("memory"),

  /** The Policy tool. */
  @JsonProperty("policy")
  POLICY("policy");

  private final String value;

  ToolName(String value) {
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
