package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Elo rating of the players. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RatingSpec {

  @JsonPropertyDescription("Elo K-factor: how far one match moves a rating.")
  @Min(value = 0, inclusive = false)
  @Max(400)
  @Default("32")
  private Double eloK = 32.0;

  @JsonPropertyDescription("Rating of a new player.")
  @Min(0)
  @Default("1200")
  private Double initialRating = 1200.0;

  public Double getEloK() {
    return eloK;
  }

  public void setEloK(Double eloK) {
    this.eloK = eloK;
  }

  public Double getInitialRating() {
    return initialRating;
  }

  public void setInitialRating(Double initialRating) {
    this.initialRating = initialRating;
  }
}
