package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One player's standing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LeaderboardEntry {

  @JsonPropertyDescription("Name of the player (its Policy or snapshot).")
  private String player;

  @JsonPropertyDescription("Role of the player.")
  private PlayerRole role;

  @JsonPropertyDescription("Elo rating.")
  private Double rating;

  @JsonPropertyDescription("Matches played.")
  private Long games;

  @JsonPropertyDescription("Share of matches won (draws count half).")
  private Double winRate;

  public String getPlayer() {
    return player;
  }

  public void setPlayer(String player) {
    this.player = player;
  }

  public PlayerRole getRole() {
    return role;
  }

  public void setRole(PlayerRole role) {
    this.role = role;
  }

  public Double getRating() {
    return rating;
  }

  public void setRating(Double rating) {
    this.rating = rating;
  }

  public Long getGames() {
    return games;
  }

  public void setGames(Long games) {
    this.games = games;
  }

  public Double getWinRate() {
    return winRate;
  }

  public void setWinRate(Double winRate) {
    this.winRate = winRate;
  }
}
