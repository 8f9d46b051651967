package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Result of one remediation. */
public enum HealingOutcome {
  /** The symptom was gone after the remediation. */
  @JsonProperty("Succeeded")
  SUCCEEDED("Succeeded"),

  /** The remediation was applied but the symptom stayed. */
  @JsonProperty("Failed")
  FAILED("Failed"),

  /** The server-side dry run rejected the remediation; nothing applied. */
  @JsonProperty("DryRunRejected")
  DRY_RUN_REJECTED("DryRunRejected"),

  /** Not applied: budget, cooldown, circuit breaker or dryRunOnly. */
  @JsonProperty("Skipped")
  SKIPPED("Skipped"),

  /** Applied; the outcome is not known yet. */
  @JsonProperty("InProgress")
  IN_PROGRESS("InProgress");

  private final String value;

  HealingOutcome(String value) {
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
