package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Evaluation of checkpoints and the gate a checkpoint must pass to be promoted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EvaluationSpec {

  @JsonPropertyDescription("Episodes per evaluation.")
  @Min(1)
  @Max(100000)
  @Default("100")
  private Integer episodes = 100;

  @JsonPropertyDescription("Minimum mean evaluation reward to promote a checkpoint; unset means any.")
  private Double minMeanReward;

  @JsonPropertyDescription("Promote only if no worse than the currently served checkpoint.")
  @Default("true")
  private Boolean mustNotRegress = true;

  public Integer getEpisodes() {
    return episodes;
  }

  public void setEpisodes(Integer episodes) {
    this.episodes = episodes;
  }

  public Double getMinMeanReward() {
    return minMeanReward;
  }

  public void setMinMeanReward(Double minMeanReward) {
    this.minMeanReward = minMeanReward;
  }

  public Boolean getMustNotRegress() {
    return mustNotRegress;
  }

  public void setMustNotRegress(Boolean mustNotRegress) {
    this.mustNotRegress = mustNotRegress;
  }
}
