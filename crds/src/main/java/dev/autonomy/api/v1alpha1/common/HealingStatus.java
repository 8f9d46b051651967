package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

/** Self-healing knowledge kept for this resource, so a restarted operator continues. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HealingStatus {

  @JsonPropertyDescription("Remediations applied in the current rolling hour.")
  private Integer attemptsInWindow;

  @JsonPropertyDescription("Start of the current budget window (RFC 3339).")
  private String windowStart;

  @JsonPropertyDescription("Failed remediations in a row; reaching the threshold opens the circuit.")
  private Integer consecutiveFailures;

  @JsonPropertyDescription("True when healing stopped after too many failures (reported as Degraded).")
  private Boolean circuitOpen;

  @JsonPropertyDescription("The last remediation applied.")
  private String lastAction;

  @JsonPropertyDescription("When the last remediation was applied (RFC 3339).")
  private String lastActionTime;

  @JsonPropertyDescription("No remediation of the same symptom before this time (RFC 3339).")
  private String cooldownUntil;

  @JsonPropertyDescription("The last .metadata.generation that ran healthy.")
  private Long lastStableGeneration;

  @JsonPropertyDescription("The last spec that ran healthy (JSON), the target of a rollback.")
  private String lastStableSpec;

  @JsonPropertyDescription("The most recent remediations, newest last.")
  private List<HealingEntry> entries;

  @JsonPropertyDescription("Values the healer applies over the spec without editing it, e.g. memoryLimit: 768Mi "
      + "after OOMKilled (within spec.healing.memoryLimitCeiling).")
  private java.util.Map<String, String> overrides;

  public java.util.Map<String, String> getOverrides() {
    return overrides;
  }

  public void setOverrides(java.util.Map<String, String> overrides) {
    this.overrides = overrides;
  }

  public Integer getAttemptsInWindow() {
    return attemptsInWindow;
  }

  public void setAttemptsInWindow(Integer attemptsInWindow) {
    this.attemptsInWindow = attemptsInWindow;
  }

  public String getWindowStart() {
    return windowStart;
  }

  public void setWindowStart(String windowStart) {
    this.windowStart = windowStart;
  }

  public Integer getConsecutiveFailures() {
    return consecutiveFailures;
  }

  public void setConsecutiveFailures(Integer consecutiveFailures) {
    this.consecutiveFailures = consecutiveFailures;
  }

  public Boolean getCircuitOpen() {
    return circuitOpen;
  }

  public void setCircuitOpen(Boolean circuitOpen) {
    this.circuitOpen = circuitOpen;
  }

  public String getLastAction() {
    return lastAction;
  }

  public void setLastAction(String lastAction) {
    this.lastAction = lastAction;
  }

  public String getLastActionTime() {
    return lastActionTime;
  }

  public void setLastActionTime(String lastActionTime) {
    this.lastActionTime = lastActionTime;
  }

  public String getCooldownUntil() {
    return cooldownUntil;
  }

  public void setCooldownUntil(String cooldownUntil) {
    this.cooldownUntil = cooldownUntil;
  }

  public Long getLastStableGeneration() {
    return lastStableGeneration;
  }

  public void setLastStableGeneration(Long lastStableGeneration) {
    this.lastStableGeneration = lastStableGeneration;
  }

  public String getLastStableSpec() {
    return lastStableSpec;
  }

  public void setLastStableSpec(String lastStableSpec) {
    this.lastStableSpec = lastStableSpec;
  }

  public List<HealingEntry> getEntries() {
    return entries;
  }

  public void setEntries(List<HealingEntry> entries) {
    this.entries = entries;
  }
}
