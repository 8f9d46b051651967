package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hyperparameters of the training run; the algorithm's own block holds the rest. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Hyperparameters {

  @JsonPropertyDescription("Optimizer learning rate (Adam).")
  @Min(value = 0, inclusive = false)
  @Max(1)
  @Default("0.0003")
  private Double learningRate = 0.0003;

  @JsonPropertyDescription("Discount factor.")
  @Min(0)
  @Max(1)
  @Default("0.99")
  private Double gamma = 0.99;

  @JsonPropertyDescription("Samples per gradient step.")
  @Min(1)
  @Max(1048576)
  @Default("64")
  private Integer batchSize = 64;

  @JsonPropertyDescription("Environments stepped in parallel (vectorised).")
  @Min(1)
  @Max(1024)
  @Default("4")
  private Integer numEnvs = 4;

  @JsonPropertyDescription("Sizes of the hidden layers of the networks.")
  @Size(min = 1, max = 8)
  @Default("[64, 64]")
  private List<Integer> hiddenLayers = new ArrayList<>(List.of(64, 64));

  @JsonPropertyDescription("Gradient clipping by global norm; 0 disables clipping.")
  @Min(0)
  @Default("0.5")
  private Double maxGradNorm = 0.5;

  @JsonPropertyDescription("DQN settings; only for algorithms dqn and double-dqn. Defaults apply when unset.")
  private DqnParameters dqn;

  @JsonPropertyDescription("Actor-critic settings; only for algorithms ppo and a2c. Defaults apply when unset.")
  private PpoParameters ppo;

  @JsonPropertyDescription("Further algorithm-specific settings passed to the trainer as strings.")
  @Size(max = 64)
  private Map<String, String> extra;

  public Double getLearningRate() {
    return learningRate;
  }

  public void setLearningRate(Double learningRate) {
    this.learningRate = learningRate;
  }

  public Double getGamma() {
    return gamma;
  }

  public void setGamma(Double gamma) {
    this.gamma = gamma;
  }

  public Integer getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(Integer batchSize) {
    this.batchSize = batchSize;
  }

  public Integer getNumEnvs() {
    return numEnvs;
  }

  public void setNumEnvs(Integer numEnvs) {
    this.numEnvs = numEnvs;
  }

  public List<Integer> getHiddenLayers() {
    return hiddenLayers;
  }

  public void setHiddenLayers(List<Integer> hiddenLayers) {
    this.hiddenLayers = hiddenLayers;
  }

  public Double getMaxGradNorm() {
    return maxGradNorm;
  }

  public void setMaxGradNorm(Double maxGradNorm) {
    this.maxGradNorm = maxGradNorm;
  }

  public DqnParameters getDqn() {
    return dqn;
  }

  public void setDqn(DqnParameters dqn) {
    this.dqn = dqn;
  }

  public PpoParameters getPpo() {
    return ppo;
  }

  public void setPpo(PpoParameters ppo) {
    this.ppo = ppo;
  }

  public Map<String, String> getExtra() {
    return extra;
  }

  public void setExtra(Map<String, String> extra) {
    this.extra = extra;
  }
}
