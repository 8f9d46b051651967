package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Summary of the payoff matrix (who beats whom). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PayoffSummary {

  @JsonPropertyDescription("Matches played in total.")
  private Long matches;

  @JsonPropertyDescription("Players, snapshots included.")
  private Integer players;

  @JsonPropertyDescription("Snapshots taken.")
  private Integer snapshots;

  @JsonPropertyDescription("Win rate of the main agents against the whole league.")
  private Double mainAgentWinRate;

  @JsonPropertyDescription("Highest win rate any exploiter reaches against the current main agents (lower is better).")
  private Double exploitability;

  public Long getMatches() {
    return matches;
  }

  public void setMatches(Long matches) {
    this.matches = matches;
  }

  public Integer getPlayers() {
    return players;
  }

  public void setPlayers(Integer players) {
    this.players = players;
  }

  public Integer getSnapshots() {
    return snapshots;
  }

  public void setSnapshots(Integer snapshots) {
    this.snapshots = snapshots;
  }

  public Double getMainAgentWinRate() {
    return mainAgentWinRate;
  }

  public void setMainAgentWinRate(Double mainAgentWinRate) {
    this.mainAgentWinRate = mainAgentWinRate;
  }

  public Double getExploitability() {
    return exploitability;
  }

  public void setExploitability(Double exploitability) {
    this.exploitability = exploitability;
  }
}
