package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.common.HealingStatus;

import java.util.List;

/** Observed state of a Policy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PolicyStatus {

  @JsonPropertyDescription("The .metadata.generation the status reflects.")
  private Long observedGeneration;

  @JsonPropertyDescription("Accepted, Ready, Training, Trained, Serving, Degraded (and Healing).")
  private List<Condition> conditions;

  @JsonPropertyDescription("Lifecycle phase.")
  private PolicyPhase phase;

  @JsonPropertyDescription("Live training progress.")
  private TrainingProgress progress;

  @JsonPropertyDescription("The .metadata.generation whose spec the current training run trains; checkpoint ids of "
      + "the run start with g<it>-.")
  private Long trainingGeneration;

  @JsonPropertyDescription("Hash of the training part of the spec (all but serving, suspend, the promotion thresholds, "
      + "TTL and healing) of the current run; a change starts a new run.")
  private String trainingSpecHash;

  @JsonPropertyDescription("Number of the current training attempt (1 for the first).")
  private Integer attempt;

  @JsonPropertyDescription("Retries used of spec.training.backoffLimit; survives recreation of children.")
  private Integer retriesUsed;

  @JsonPropertyDescription("Name of the Job of the current attempt (backend job).")
  private String trainingJobName;

  @JsonPropertyDescription("The Ray job of the current attempt (backend ray).")
  private RayJobStatus ray;

  @JsonPropertyDescription("When training started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When training finished (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription("Identifier of the newest valid checkpoint.")
  private String latestCheckpoint;

  @JsonPropertyDescription("Checkpoint lineage, oldest first (the last spec.checkpoint.keepLast).")
  private List<CheckpointRecord> checkpoints;

  @JsonPropertyDescription("The latest evaluation.")
  private EvaluationResult evaluation;

  @JsonPropertyDescription("Identifier of the checkpoint being served.")
  private String servingRevision;

  @JsonPropertyDescription("State of serving.")
  private ServingStatus serving;

  @JsonPropertyDescription("Self-healing knowledge for this Policy.")
  private HealingStatus healing;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public PolicyPhase getPhase() {
    return phase;
  }

  public void setPhase(PolicyPhase phase) {
    this.phase = phase;
  }

  public TrainingProgress getProgress() {
    return progress;
  }

  public void setProgress(TrainingProgress progress) {
    this.progress = progress;
  }

  public Integer getAttempt() {
    return attempt;
  }

  public void setAttempt(Integer attempt) {
    this.attempt = attempt;
  }

  public Integer getRetriesUsed() {
    return retriesUsed;
  }

  public void setRetriesUsed(Integer retriesUsed) {
    this.retriesUsed = retriesUsed;
  }

  public String getTrainingJobName() {
    return trainingJobName;
  }

  public void setTrainingJobName(String trainingJobName) {
    this.trainingJobName = trainingJobName;
  }

  public RayJobStatus getRay() {
    return ray;
  }

  public void setRay(RayJobStatus ray) {
    this.ray = ray;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public String getLatestCheckpoint() {
    return latestCheckpoint;
  }

  public void setLatestCheckpoint(String latestCheckpoint) {
    this.latestCheckpoint = latestCheckpoint;
  }

  public List<CheckpointRecord> getCheckpoints() {
    return checkpoints;
  }

  public void setCheckpoints(List<CheckpointRecord> checkpoints) {
    this.checkpoints = checkpoints;
  }

  public EvaluationResult getEvaluation() {
    return evaluation;
  }

  public void setEvaluation(EvaluationResult evaluation) {
    this.evaluation = evaluation;
  }

  public String getServingRevision() {
    return servingRevision;
  }

  public void setServingRevision(String servingRevision) {
    this.servingRevision = servingRevision;
  }

  public ServingStatus getServing() {
    return serving;
  }

  public void setServing(ServingStatus serving) {
    this.serving = serving;
  }

  public Long getTrainingGeneration() {
    return trainingGeneration;
  }

  public void setTrainingGeneration(Long trainingGeneration) {
    this.trainingGeneration = trainingGeneration;
  }

  public String getTrainingSpecHash() {
    return trainingSpecHash;
  }

  public void setTrainingSpecHash(String trainingSpecHash) {
    this.trainingSpecHash = trainingSpecHash;
  }

  public HealingStatus getHealing() {
    return healing;
  }

  public void setHealing(HealingStatus healing) {
    this.healing = healing;
  }
}
