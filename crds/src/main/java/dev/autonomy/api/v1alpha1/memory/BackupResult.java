package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Result of a backup. */
public enum BackupResult {
  /** The backup was written. */
  @JsonProperty("Succeeded")
  SUCCEEDED("Succeeded"),

  /** The backup failed. */
  @JsonProperty("Failed")
  FAILED("Failed");

  private final String value;

  BackupResult(String value) {
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
