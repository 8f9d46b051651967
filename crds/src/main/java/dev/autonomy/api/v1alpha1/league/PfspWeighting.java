package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Prioritised fictitious self-play: how opponents are weighted by win rate x. */
public enum PfspWeighting {
  /** (1 - x)^4: almost only the opponents hardest to beat. */
  @JsonProperty("hard")
  HARD("hard"),

  /** x (1 - x): opponents of similar strength (AlphaStar's main exploiters). */
  @JsonProperty("variance")
  VARIANCE("variance"),

  /** 1 - x. */
  @JsonProperty("linear")
  LINEAR("linear"),

  /** (1 - x)^2: mostly the harder opponents (AlphaStar's main agents). */
  @JsonProperty("squared")
  SQUARED("squared");

  private final String value;

  PfspWeighting(String value) {
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
