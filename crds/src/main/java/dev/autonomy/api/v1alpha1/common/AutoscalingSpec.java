package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * Horizontal autoscaling of the pods. When enabled, the operator creates a HorizontalPodAutoscaler
 * and leaves replicas to it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoscalingSpec {

  @JsonPropertyDescription("Create a HorizontalPodAutoscaler; while true, spec replicas are left to it.")
  @Default("false")
  private Boolean enabled = false;

  @JsonPropertyDescription("Lower bound of replicas the autoscaler may set.")
  @Min(1)
  @Max(1000)
  @Default("1")
  private Integer minReplicas = 1;

  @JsonPropertyDescription("Upper bound of replicas the autoscaler may set; must be >= minReplicas.")
  @Min(1)
  @Max(1000)
  @Default("3")
  private Integer maxReplicas = 3;

  @JsonPropertyDescription("Target average CPU utilisation in percent of the CPU request. Used (with 80) when metric "
      + "is not set.")
  @Min(1)
  @Max(100)
  private Integer targetCPUUtilizationPercentage;

  @JsonPropertyDescription("Scale on a custom per-pod metric instead of CPU.")
  private MetricTarget metric;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  public Integer getMaxReplicas() {
    return maxReplicas;
  }

  public void setMaxReplicas(Integer maxReplicas) {
    this.maxReplicas = maxReplicas;
  }

  public Integer getTargetCPUUtilizationPercentage() {
    return targetCPUUtilizationPercentage;
  }

  public void setTargetCPUUtilizationPercentage(Integer targetCPUUtilizationPercentage) {
    this.targetCPUUtilizationPercentage = targetCPUUtilizationPercentage;
  }

  public MetricTarget getMetric() {
    return metric;
  }

  public void setMetric(MetricTarget metric) {
    this.metric = metric;
  }
}
