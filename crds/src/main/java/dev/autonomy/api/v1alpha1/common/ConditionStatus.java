package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The status of a condition, as the Kubernetes API conventions define it. */
public enum ConditionStatus {
  /** The condition holds. */
  @JsonProperty("True")
  TRUE("True"),

  /** The condition does not hold. */
  @JsonProperty("False")
  FALSE("False"),

  /** The controller cannot tell (yet). */
  @JsonProperty("Unknown")
  UNKNOWN("Unknown");

  private final String value;

  ConditionStatus(String value) {
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
