package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Hyperparameters of dqn and double-dqn. */
@ValidationRule(value = "self.epsilonEnd <= self.epsilonStart",
    message = "spec.hyperparameters.dqn.epsilonEnd must be <= spec.hyperparameters.dqn.epsilonStart", fieldPath = ".epsilonEnd")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DqnParameters {

  @JsonPropertyDescription("Transitions kept in the replay buffer.")
  @Min(1)
  @Default("50000")
  private Integer replayBufferSize = 50000;

  @JsonPropertyDescription("Environment steps collected before learning starts.")
  @Min(0)
  @Default("1000")
  private Integer learningStarts = 1000;

  @JsonPropertyDescription("Environment steps between gradient updates.")
  @Min(1)
  @Default("1")
  private Integer trainFrequency = 1;

  @JsonPropertyDescription("Environment steps between target network updates.")
  @Min(1)
  @Default("500")
  private Integer targetUpdateInterval = 500;

  @JsonPropertyDescription("Initial exploration rate (epsilon-greedy).")
  @Min(0)
  @Max(1)
  @Default("1.0")
  private Double epsilonStart = 1.0;

  @JsonPropertyDescription("Final exploration rate; must be <= epsilonStart.")
  @Min(0)
  @Max(1)
  @Default("0.05")
  private Double epsilonEnd = 0.05;

  @JsonPropertyDescription("Environment steps over which epsilon decays linearly.")
  @Min(1)
  @Default("10000")
  private Integer epsilonDecaySteps = 10000;

  public Integer getReplayBufferSize() {
    return replayBufferSize;
  }

  public void setReplayBufferSize(Integer replayBufferSize) {
    this.replayBufferSize = replayBufferSize;
  }

  public Integer getLearningStarts() {
    return learningStarts;
  }

  public void setLearningStarts(Integer learningStarts) {
    this.learningStarts = learningStarts;
  }

  public Integer getTrainFrequency() {
    return trainFrequency;
  }

  public void setTrainFrequency(Integer trainFrequency) {
    this.trainFrequency = trainFrequency;
  }

  public Integer getTargetUpdateInterval() {
    return targetUpdateInterval;
  }

  public void setTargetUpdateInterval(Integer targetUpdateInterval) {
    this.targetUpdateInterval = targetUpdateInterval;
  }

  public Double getEpsilonStart() {
    return epsilonStart;
  }

  public void setEpsilonStart(Double epsilonStart) {
    this.epsilonStart = epsilonStart;
  }

  public Double getEpsilonEnd() {
    return epsilonEnd;
  }

  public void setEpsilonEnd(Double epsilonEnd) {
    this.epsilonEnd = epsilonEnd;
  }

  public Integer getEpsilonDecaySteps() {
    return epsilonDecaySteps;
  }

  public void setEpsilonDecaySteps(Integer epsilonDecaySteps) {
    this.epsilonDecaySteps = epsilonDecaySteps;
  }
}
