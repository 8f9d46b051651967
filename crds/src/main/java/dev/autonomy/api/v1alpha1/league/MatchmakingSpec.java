package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** How opponents are picked for each match. */
@ValidationRule(value = "self.selfPlayRatio + self.verificationRatio <= 1.0",
    message = "spec.matchmaking.selfPlayRatio + spec.matchmaking.verificationRatio must be <= 1", fieldPath = ".verificationRatio")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MatchmakingSpec {

  @JsonPropertyDescription("Opponent weighting of prioritised fictitious self-play.")
  @Default("squared")
  private PfspWeighting pfspWeighting = PfspWeighting.SQUARED;

  @JsonPropertyDescription("Share of a main agent's matches played against current main agents.")
  @Min(0)
  @Max(1)
  @Default("0.35")
  private Double selfPlayRatio = 0.35;

  @JsonPropertyDescription("Share of a main agent's matches against old main-agent snapshots it may have forgotten how "
      + "to beat.")
  @Min(0)
  @Max(1)
  @Default("0.15")
  private Double verificationRatio = 0.15;

  public PfspWeighting getPfspWeighting() {
    return pfspWeighting;
  }

  public void setPfspWeighting(PfspWeighting pfspWeighting) {
    this.pfspWeighting = pfspWeighting;
  }

  public Double getSelfPlayRatio() {
    return selfPlayRatio;
  }

  public void setSelfPlayRatio(Double selfPlayRatio) {
    this.selfPlayRatio = selfPlayRatio;
  }

  public Double getVerificationRatio() {
    return verificationRatio;
  }

  public void setVerificationRatio(Double verificationRatio) {
    this.verificationRatio = verificationRatio;
  }
}
