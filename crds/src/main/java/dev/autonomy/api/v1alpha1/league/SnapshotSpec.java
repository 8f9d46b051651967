package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** When a learning player is frozen into a snapshot the league keeps playing against. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SnapshotSpec {

  @JsonPropertyDescription("Snapshot every this many generations.")
  @Min(1)
  @Max(100000)
  @Default("5")
  private Integer everyGenerations = 5;

  @JsonPropertyDescription("Snapshot earlier once the player beats its targets this often.")
  @Min(0)
  @Max(1)
  @Default("0.7")
  private Double winRateThreshold = 0.7;

  @JsonPropertyDescription("Snapshots kept per player.")
  @Min(1)
  @Max(10000)
  @Default("50")
  private Integer keepLast = 50;

  public Integer getEveryGenerations() {
    return everyGenerations;
  }

  public void setEveryGenerations(Integer everyGenerations) {
    this.everyGenerations = everyGenerations;
  }

  public Double getWinRateThreshold() {
    return winRateThreshold;
  }

  public void setWinRateThreshold(Double winRateThreshold) {
    this.winRateThreshold = winRateThreshold;
  }

  public Integer getKeepLast() {
    return keepLast;
  }

  public void setKeepLast(Integer keepLast) {
    this.keepLast = keepLast;
  }
}
