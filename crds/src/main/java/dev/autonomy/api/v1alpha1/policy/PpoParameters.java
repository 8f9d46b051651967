package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Hyperparameters of ppo (and of a2c, which ignores clipRange, epochs and minibatches). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PpoParameters {

  @JsonPropertyDescription("Environment steps per environment and rollout.")
  @Min(1)
  @Default("128")
  private Integer rolloutSteps = 128;

  @JsonPropertyDescription("Optimisation epochs per rollout.")
  @Min(1)
  @Max(100)
  @Default("4")
  private Integer epochs = 4;

  @JsonPropertyDescription("Minibatches per epoch.")
  @Min(1)
  @Default("4")
  private Integer minibatches = 4;

  @JsonPropertyDescription("PPO clipping range of the probability ratio.")
  @Min(0)
  @Max(1)
  @Default("0.2")
  private Double clipRange = 0.2;

  @JsonPropertyDescription("Lambda of generalised advantage estimation.")
  @Min(0)
  @Max(1)
  @Default("0.95")
  private Double gaeLambda = 0.95;

  @JsonPropertyDescription("Weight of the entropy bonus.")
  @Min(0)
  @Default("0.0")
  private Double entropyCoef = 0.0;

  @JsonPropertyDescription("Weight of the value loss.")
  @Min(0)
  @Default("0.5")
  private Double valueCoef = 0.5;

  public Integer getRolloutSteps() {
    return rolloutSteps;
  }

  public void setRolloutSteps(Integer rolloutSteps) {
    this.rolloutSteps = rolloutSteps;
  }

  public Integer getEpochs() {
    return epochs;
  }

  public void setEpochs(Integer epochs) {
    this.epochs = epochs;
  }

  public Integer getMinibatches() {
    return minibatches;
  }

  public void setMinibatches(Integer minibatches) {
    this.minibatches = minibatches;
  }

  public Double getClipRange() {
    return clipRange;
  }

  public void setClipRange(Double clipRange) {
    this.clipRange = clipRange;
  }

  public Double getGaeLambda() {
    return gaeLambda;
  }

  public void setGaeLambda(Double gaeLambda) {
    this.gaeLambda = gaeLambda;
  }

  public Double getEntropyCoef() {
    return entropyCoef;
  }

  public void setEntropyCoef(Double entropyCoef) {
    this.entropyCoef = entropyCoef;
  }

  public Double getValueCoef() {
    return valueCoef;
  }

  public void setValueCoef(Double valueCoef) {
    this.valueCoef = valueCoef;
  }
}
