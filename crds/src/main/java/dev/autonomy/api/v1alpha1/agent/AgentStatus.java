package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;

import java.util.List;

/** Observed state of an Agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentStatus {

  @JsonPropertyDescription("The .metadata.generation the status reflects.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, ModelAvailable, MemoryBound, Progressing, Degraded, Healing.")
  private List<Condition> conditions;

  @JsonPropertyDescription("Coarse lifecycle phase.")
  private AgentPhase phase;

  @JsonPropertyDescription("Planner pods that exist (the scale subresource's status.replicas).")
  @StatusReplicas
  private Integer replicas;

  @JsonPropertyDescription("Planner pods that are ready.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Label selector of the planner pods (the scale subresource's selector).")
  @LabelSelector
  private String selector;

  @JsonPropertyDescription("URL of the planner API inside the cluster.")
  private String endpoint;

  @JsonPropertyDescription("The model currently used: the primary or, after a failover, the fallback.")
  private String activeModel;

  @JsonPropertyDescription("Name of the MemoryStore the Agent is bound to.")
  private String boundMemoryStore;

  @JsonPropertyDescription("Names of the Policies the Agent is bound to.")
  private List<String> boundPolicies;

  @JsonPropertyDescription("The most recent goal outcomes, newest last (spec.planner.outcomeHistory).")
  private List<GoalOutcome> goalOutcomes;

  @JsonPropertyDescription("Self-healing knowledge for this Agent.")
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

  public AgentPhase getPhase() {
    return phase;
  }

  public void setPhase(AgentPhase phase) {
    this.phase = phase;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public String getSelector() {
    return selector;
  }

  public void setSelector(String selector) {
    this.selector = selector;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getActiveModel() {
    return activeModel;
  }

  public void setActiveModel(String activeModel) {
    this.activeModel = activeModel;
  }

  public String getBoundMemoryStore() {
    return boundMemoryStore;
  }

  public void setBoundMemoryStore(String boundMemoryStore) {
    this.boundMemoryStore = boundMemoryStore;
  }

  public List<String> getBoundPolicies() {
    return boundPolicies;
  }

  public void setBoundPolicies(List<String> boundPolicies) {
    this.boundPolicies = boundPolicies;
  }

  public List<GoalOutcome> getGoalOutcomes() {
    return goalOutcomes;
  }

  public void setGoalOutcomes(List<GoalOutcome> goalOutcomes) {
    this.goalOutcomes = goalOutcomes;
  }

  public HealingStatus getHealing() {
    return healing;
  }

  public void setHealing(HealingStatus healing) {
    this.healing = healing;
  }
}
