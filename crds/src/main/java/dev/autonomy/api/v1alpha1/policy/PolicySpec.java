package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.EnvironmentSpec;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired state of a Policy: what to learn, where, with which budget, and how to serve it. */
@ValidationRule(value = "!has(self.hyperparameters) || !has(self.hyperparameters.dqn) || self.algorithm in ['dqn', 'double-dqn']",
    message = "spec.hyperparameters.dqn is only valid for algorithms dqn and double-dqn", fieldPath = ".hyperparameters.dqn")
@ValidationRule(value = "!has(self.hyperparameters) || !has(self.hyperparameters.ppo) || self.algorithm in ['ppo', 'a2c']",
    message = "spec.hyperparameters.ppo is only valid for algorithms ppo and a2c", fieldPath = ".hyperparameters.ppo")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PolicySpec {

  @JsonPropertyDescription("Learning algorithm: dqn, double-dqn, ppo or a2c.")
  @Required
  private Algorithm algorithm;

  @JsonPropertyDescription("Hyperparameters; unset ones take their defaults.")
  @Default("{}")
  private Hyperparameters hyperparameters = new Hyperparameters();

  @JsonPropertyDescription("Environment to train on (required for a Policy; set by the League for its members).")
  private EnvironmentSpec environment;

  @JsonPropertyDescription("Where training runs: a Kubernetes Job or a Ray cluster.")
  @Default("{}")
  private BackendSpec backend = new BackendSpec();

  @JsonPropertyDescription("Training budget: steps, deadline, retries, seed.")
  @Default("{}")
  private TrainingSpec training = new TrainingSpec();

  @JsonPropertyDescription("Checkpoint storage and retention.")
  @Default("{}")
  private CheckpointSpec checkpoint = new CheckpointSpec();

  @JsonPropertyDescription("Evaluation and the promotion gate.")
  @Default("{}")
  private EvaluationSpec evaluation = new EvaluationSpec();

  @JsonPropertyDescription("Serving of the promoted checkpoint.")
  @Default("{}")
  private ServingSpec serving = new ServingSpec();

  @JsonPropertyDescription("Pause training (a running attempt is stopped and resumes later from its checkpoint).")
  @Default("false")
  private Boolean suspend = false;

  @JsonPropertyDescription("Delete the finished training Job (not the Policy or its checkpoints) this many seconds "
      + "after it ends.")
  @Min(0)
  private Integer ttlSecondsAfterFinished;

  @JsonPropertyDescription("Self-healing settings for this Policy.")
  @Default("{}")
  private HealingSpec healing = new HealingSpec();

  public Algorithm getAlgorithm() {
    return algorithm;
  }

  public void setAlgorithm(Algorithm algorithm) {
    this.algorithm = algorithm;
  }

  public Hyperparameters getHyperparameters() {
    return hyperparameters;
  }

  public void setHyperparameters(Hyperparameters hyperparameters) {
    this.hyperparameters = hyperparameters;
  }

  public EnvironmentSpec getEnvironment() {
    return environment;
  }

  public void setEnvironment(EnvironmentSpec environment) {
    this.environment = environment;
  }

  public BackendSpec getBackend() {
    return backend;
  }

  public void setBackend(BackendSpec backend) {
    this.backend = backend;
  }

  public TrainingSpec getTraining() {
    return training;
  }

  public void setTraining(TrainingSpec training) {
    this.training = training;
  }

  public CheckpointSpec getCheckpoint() {
    return checkpoint;
  }

  public void setCheckpoint(CheckpointSpec checkpoint) {
    this.checkpoint = checkpoint;
  }

  public EvaluationSpec getEvaluation() {
    return evaluation;
  }

  public void setEvaluation(EvaluationSpec evaluation) {
    this.evaluation = evaluation;
  }

  public ServingSpec getServing() {
    return serving;
  }

  public void setServing(ServingSpec serving) {
    this.serving = serving;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public Integer getTtlSecondsAfterFinished() {
    return ttlSecondsAfterFinished;
  }

  public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) {
    this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
  }

  public HealingSpec getHealing() {
    return healing;
  }

  public void setHealing(HealingSpec healing) {
    this.healing = healing;
  }
}
