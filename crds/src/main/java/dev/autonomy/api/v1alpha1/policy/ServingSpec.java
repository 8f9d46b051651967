package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.AutoscalingSpec;
import dev.autonomy.api.v1alpha1.common.ResourceRequirementsSchema;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** Serving of the promoted checkpoint over HTTP (act(observation) -> action). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServingSpec {

  @JsonPropertyDescription("Run a serving Deployment and Service for the promoted checkpoint.")
  @Default("false")
  private Boolean enabled = false;

  @JsonPropertyDescription("Serving pods (ignored while autoscaling is enabled).")
  @Min(0)
  @Max(100)
  @Default("1")
  private Integer replicas = 1;

  @JsonPropertyDescription("Horizontal autoscaling of the serving pods.")
  @ValidationRule(value = "self.maxReplicas >= self.minReplicas",
      message = "spec.serving.autoscaling.maxReplicas must be >= spec.serving.autoscaling.minReplicas", fieldPath = ".maxReplicas")
  @ValidationRule(value = "!(has(self.targetCPUUtilizationPercentage) && has(self.metric))",
      message = "spec.serving.autoscaling: set targetCPUUtilizationPercentage or metric, not both")
  private AutoscalingSpec autoscaling;

  @JsonPropertyDescription("CPU/memory requests and limits of a serving container.")
  @SchemaFrom(type = ResourceRequirementsSchema.class)
  private ResourceRequirements resources;

  @JsonPropertyDescription("Serving image override; defaults to the trainer image in serve mode.")
  @Size(max = 1024)
  private String image;

  @JsonPropertyDescription("Roll back to the previous revision when the live reward regresses.")
  @Default("true")
  private Boolean rollbackOnRegression = true;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public AutoscalingSpec getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(AutoscalingSpec autoscaling) {
    this.autoscaling = autoscaling;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public Boolean getRollbackOnRegression() {
    return rollbackOnRegression;
  }

  public void setRollbackOnRegression(Boolean rollbackOnRegression) {
    this.rollbackOnRegression = rollbackOnRegression;
  }
}
