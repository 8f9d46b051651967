package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The effect of a taint. */
public enum TaintEffect {
  /** New pods are not scheduled on the node. */
  @JsonProperty("NoSchedule")
  NO_SCHEDULE("NoSchedule"),

  /** The scheduler avoids the node. */
  @JsonProperty("PreferNoSchedule")
  PREFER_NO_SCHEDULE("PreferNoSchedule"),

  /** Running pods are evicted too. */
  @JsonProperty("NoExecute")
  NO_EXECUTE("NoExecute");

  private final String value;

  TaintEffect(String value) {
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
