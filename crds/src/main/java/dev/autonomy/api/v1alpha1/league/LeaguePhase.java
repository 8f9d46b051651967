package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle phase of a League. */
public enum LeaguePhase {
  /** Accepted, players not created yet. */
  @JsonProperty("Pending")
  PENDING("Pending"),

  /** Generations are being played. */
  @JsonProperty("Running")
  RUNNING("Running"),

  /** spec.maxGenerations reached. */
  @JsonProperty("Completed")
  COMPLETED("Completed"),

  /** Cannot continue; see the conditions. */
  @JsonProperty("Failed")
  FAILED("Failed"),

  /** spec.suspend is true. */
  @JsonProperty("Suspended")
  SUSPENDED("Suspended");

  private final String value;

  LeaguePhase(String value) {
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
