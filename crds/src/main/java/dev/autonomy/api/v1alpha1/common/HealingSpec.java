package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.List;

/** Tuning of the operator's self-healing (MAPE-K) loop for this resource. It never edits the spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HealingSpec {

  @JsonPropertyDescription("Let the operator diagnose and remediate faults of this resource's children.")
  @Default("true")
  private Boolean enabled = true;

  @JsonPropertyDescription("Only plan and dry-run remediations (recorded in status.healing), never apply them.")
  @Default("false")
  private Boolean dryRunOnly = false;

  @JsonPropertyDescription("Budget of remediations applied per rolling hour.")
  @Min(0)
  @Max(1000)
  @Default("6")
  private Integer maxAttemptsPerHour = 6;

  @JsonPropertyDescription("Minimum time between two remediations of the same symptom (Go duration).")
  @Pattern(Patterns.DURATION)
  @Default("1m")
  private String cooldown = "1m";

  @JsonPropertyDescription("Consecutive failed remediations after which healing stops and the resource reports "
      + "Degraded with reason RemediationExhausted.")
  @Min(1)
  @Max(100)
  @Default("3")
  private Integer circuitBreakerThreshold = 3;

  @JsonPropertyDescription("Highest memory limit the healer may raise a container to after OOMKilled; unset means "
      + "never raise.")
  private Quantity memoryLimitCeiling;

  @JsonPropertyDescription("Remediations the healer must not use for this resource.")
  @Size(max = 16)
  private List<RemediationAction> disabledActions;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Boolean getDryRunOnly() {
    return dryRunOnly;
  }

  public void setDryRunOnly(Boolean dryRunOnly) {
    this.dryRunOnly = dryRunOnly;
  }

  public Integer getMaxAttemptsPerHour() {
    return maxAttemptsPerHour;
  }

  public void setMaxAttemptsPerHour(Integer maxAttemptsPerHour) {
    this.maxAttemptsPerHour = maxAttemptsPerHour;
  }

  public String getCooldown() {
    return cooldown;
  }

  public void setCooldown(String cooldown) {
    this.cooldown = cooldown;
  }

  public Integer getCircuitBreakerThreshold() {
    return circuitBreakerThreshold;
  }

  public void setCircuitBreakerThreshold(Integer circuitBreakerThreshold) {
    this.circuitBreakerThreshold = circuitBreakerThreshold;
  }

  public Quantity getMemoryLimitCeiling() {
    return memoryLimitCeiling;
  }

  public void setMemoryLimitCeiling(Quantity memoryLimitCeiling) {
    this.memoryLimitCeiling = memoryLimitCeiling;
  }

  public List<RemediationAction> getDisabledActions() {
    return disabledActions;
  }

  public void setDisabledActions(List<RemediationAction> disabledActions) {
    this.disabledActions = disabledActions;
  }
}
