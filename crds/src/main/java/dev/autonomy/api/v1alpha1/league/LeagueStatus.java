package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.common.HealingStatus;

import java.util.List;

/** Observed state of a League. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LeagueStatus {

  @JsonPropertyDescription("The .metadata.generation the status reflects.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, Progressing, Degraded, Healing.")
  private List<Condition> conditions;

  @JsonPropertyDescription("Lifecycle phase.")
  private LeaguePhase phase;

  @JsonPropertyDescription("Generations completed.")
  private Long generation;

  @JsonPropertyDescription("Players by rating, best first.")
  private List<LeaderboardEntry> leaderboard;

  @JsonPropertyDescription("Summary of the payoff matrix.")
  private PayoffSummary payoff;

  @JsonPropertyDescription("The best-rated main agent.")
  private String champion;

  @JsonPropertyDescription("When the last generation finished (RFC 3339).")
  private String lastGenerationTime;

  @JsonPropertyDescription("Self-healing knowledge for this League.")
  private HealingStatus healing;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public LeaguePhase getPhase() {
    return phase;
  }

  public void setPhase(LeaguePhase phase) {
    this.phase = phase;
  }

  public Long getGeneration() {
    return generation;
  }

  public void setGeneration(Long generation) {
    this.generation = generation;
  }

  public List<LeaderboardEntry> getLeaderboard() {
    return leaderboard;
  }

  public void setLeaderboard(List<LeaderboardEntry> leaderboard) {
    this.leaderboard = leaderboard;
  }

  public PayoffSummary getPayoff() {
    return payoff;
  }

  public void setPayoff(PayoffSummary payoff) {
    this.payoff = payoff;
  }

  public String getChampion() {
    return champion;
  }

  public void setChampion(String champion) {
    this.champion = champion;
  }

  public String getLastGenerationTime() {
    return lastGenerationTime;
  }

  public void setLastGenerationTime(String lastGenerationTime) {
    this.lastGenerationTime = lastGenerationTime;
  }

  public HealingStatus getHealing() {
    return healing;
  }

  public void setHealing(HealingStatus healing) {
    this.healing = healing;
  }
}
