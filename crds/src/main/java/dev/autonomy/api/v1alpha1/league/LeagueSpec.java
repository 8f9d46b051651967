package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.EnvironmentSpec;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Desired state of a League: a self-play population that trains Policies against each other. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LeagueSpec {

  @JsonPropertyDescription("The two-player game (environment) the league plays.")
  @Required
  private EnvironmentSpec environment;

  @JsonPropertyDescription("Population roles with their counts and Policy templates.")
  @Required
  private PopulationSpec population;

  @JsonPropertyDescription("Opponent selection.")
  @Default("{}")
  private MatchmakingSpec matchmaking = new MatchmakingSpec();

  @JsonPropertyDescription("Elo rating.")
  @Default("{}")
  private RatingSpec rating = new RatingSpec();

  @JsonPropertyDescription("Snapshot triggers.")
  @Default("{}")
  private SnapshotSpec snapshots = new SnapshotSpec();

  @JsonPropertyDescription("Matches played per generation.")
  @Min(1)
  @Max(10000000)
  @Default("100")
  private Integer matchesPerGeneration = 100;

  @JsonPropertyDescription("Generations after which the league completes.")
  @Min(1)
  @Max(10000000)
  @Default("100")
  private Integer maxGenerations = 100;

  @JsonPropertyDescription("Pause the league (and its Policies' training).")
  @Default("false")
  private Boolean suspend = false;

  @JsonPropertyDescription("Self-healing settings for this League.")
  @Default("{}")
  private HealingSpec healing = new HealingSpec();

  public EnvironmentSpec getEnvironment() {
    return environment;
  }

  public void setEnvironment(EnvironmentSpec environment) {
    this.environment = environment;
  }

  public PopulationSpec getPopulation() {
    return population;
  }

  public void setPopulation(PopulationSpec population) {
    this.population = population;
  }

  public MatchmakingSpec getMatchmaking() {
    return matchmaking;
  }

  public void setMatchmaking(MatchmakingSpec matchmaking) {
    this.matchmaking = matchmaking;
  }

  public RatingSpec getRating() {
    return rating;
  }

  public void setRating(RatingSpec rating) {
    this.rating = rating;
  }

  public SnapshotSpec getSnapshots() {
    return snapshots;
  }

  public void setSnapshots(SnapshotSpec snapshots) {
    this.snapshots = snapshots;
  }

  public Integer getMatchesPerGeneration() {
    return matchesPerGeneration;
  }

  public void setMatchesPerGeneration(Integer matchesPerGeneration) {
    this.matchesPerGeneration = matchesPerGeneration;
  }

  public Integer getMaxGenerations() {
    return maxGenerations;
  }

  public void setMaxGenerations(Integer maxGenerations) {
    this.maxGenerations = maxGenerations;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public HealingSpec getHealing() {
    return healing;
  }

  public void setHealing(HealingSpec healing) {
    this.healing = healing;
  }
}
