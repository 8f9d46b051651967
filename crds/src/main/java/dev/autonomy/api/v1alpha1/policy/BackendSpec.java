package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** Where and how training runs. */
@ValidationRule(value = "self.type != 'ray' || has(self.ray)",
    message = "spec.backend.ray is required when spec.backend.type is ray", fieldPath = ".ray")
@ValidationRule(value = "self.type != 'job' || !has(self.ray)",
    message = "spec.backend.ray must not be set when spec.backend.type is job", fieldPath = ".ray")
@ValidationRule(value = "self.type != 'ray' || !has(self.job)",
    message = "spec.backend.job must not be set when spec.backend.type is ray", fieldPath = ".job")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackendSpec {

  @JsonPropertyDescription("job (a Kubernetes Job) or ray (a job on an existing Ray cluster).")
  @Default("job")
  private BackendType type = BackendType.JOB;

  @JsonPropertyDescription("Settings for type job; must be unset for type ray.")
  private JobBackendSpec job;

  @JsonPropertyDescription("Settings for type ray; required for type ray, unset for type job.")
  @ValidationRule(value = "has(self.dashboardUrl) || has(self.rayClusterRef)",
      message = "spec.backend.ray needs dashboardUrl or rayClusterRef")
  private RayBackendSpec ray;

  public BackendType getType() {
    return type;
  }

  public void setType(BackendType type) {
    this.type = type;
  }

  public JobBackendSpec getJob() {
    return job;
  }

  public void setJob(JobBackendSpec job) {
    this.job = job;
  }

  public RayBackendSpec getRay() {
    return ray;
  }

  public void setRay(RayBackendSpec ray) {
    this.ray = ray;
  }
}
