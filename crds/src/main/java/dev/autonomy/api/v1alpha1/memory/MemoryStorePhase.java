package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle phase of a MemoryStore. */
public enum MemoryStorePhase {
  /** Accepted, children not created yet. */
  @JsonProperty("Pending")
  PENDING("Pending"),

  /** Children created, replicas not ready yet. */
  @JsonProperty("Provisioning")
  PROVISIONING("Provisioning"),

  /** All replicas ready and the endpoint answers. */
  @JsonProperty("Ready")
  READY("Ready"),

  /** Serving with fewer replicas, or backups failing. */
  @JsonProperty("Degraded")
  DEGRADED("Degraded"),

  /** Cannot run; see the conditions. */
  @JsonProperty("Failed")
  FAILED("Failed");

  private final String value;

  MemoryStorePhase(String value) {
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
