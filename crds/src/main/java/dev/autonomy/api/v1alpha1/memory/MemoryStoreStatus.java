package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import dev.autonomy.api.v1alpha1.common.LocalObjectRef;

import java.util.List;

/** Observed state of a MemoryStore. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemoryStoreStatus {

  @JsonPropertyDescription("The .metadata.generation the status reflects.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, BackupSucceeded, Progressing, Degraded, Healing.")
  private List<Condition> conditions;

  @JsonPropertyDescription("Lifecycle phase.")
  private MemoryStorePhase phase;

  @JsonPropertyDescription("Client endpoint inside the cluster, e.g. postgresql://name.ns.svc:5432/memory.")
  private String endpoint;

  @JsonPropertyDescription("Secret with the connection details and credentials.")
  private LocalObjectRef secretRef;

  @JsonPropertyDescription("Replicas that exist.")
  private Integer replicas;

  @JsonPropertyDescription("Replicas that are ready.")
  private Integer readyReplicas;

  @JsonPropertyDescription("The most recent backup.")
  private BackupStatus lastBackup;

  @JsonPropertyDescription("Self-healing knowledge for this MemoryStore.")
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

  public MemoryStorePhase getPhase() {
    return phase;
  }

  public void setPhase(MemoryStorePhase phase) {
    this.phase = phase;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public LocalObjectRef getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectRef secretRef) {
    this.secretRef = secretRef;
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

  public BackupStatus getLastBackup() {
    return lastBackup;
  }

  public void setLastBackup(BackupStatus lastBackup) {
    this.lastBackup = lastBackup;
  }

  public HealingStatus getHealing() {
    return healing;
  }

  public void setHealing(HealingStatus healing) {
    this.healing = healing;
  }
}
