package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens to data when the MemoryStore is deleted. */
public enum DeletionPolicy {
  /** Keep volumes and backups. */
  @JsonProperty("Retain")
  RETAIN("Retain"),

  /** Delete volumes and operator-created backup claims. */
  @JsonProperty("Delete")
  DELETE("Delete");

  private final String value;

  DeletionPolicy(String value) {
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
