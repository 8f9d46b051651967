package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Role of a player in the league. */
public enum PlayerRole {
  /** A main agent. */
  @JsonProperty("mainAgent")
  MAIN_AGENT("mainAgent"),

  /** A main exploiter. */
  @JsonProperty("mainExploiter")
  MAIN_EXPLOITER("mainExploiter"),

  /** A league exploiter. */
  @JsonProperty("leagueExploiter")
  LEAGUE_EXPLOITER("leagueExploiter"),

  /** A frozen snapshot of a player. */
  @JsonProperty("snapshot")
  SNAPSHOT("snapshot");

  private final String value;

  PlayerRole(String value) {
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
