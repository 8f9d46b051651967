package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.api.v1alpha1.common.NamespacedObjectRef;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

import java.util.Map;

/** Settings of the Ray job that runs the trainer on an existing Ray cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RayBackendSpec {

  @JsonPropertyDescription("URL of the Ray dashboard (Jobs API), e.g. http://raycluster-head-svc:8265; takes "
      + "precedence over rayClusterRef.")
  @Pattern(Patterns.HTTP_URL)
  @Size(max = 2048)
  private String dashboardUrl;

  @JsonPropertyDescription("A KubeRay RayCluster whose head service serves the dashboard on port 8265.")
  private NamespacedObjectRef rayClusterRef;

  @JsonPropertyDescription("Shell command Ray runs; defaults to the trainer for this Policy.")
  @Size(max = 4096)
  private String entrypoint;

  @JsonPropertyDescription("Ray runtime_env of the job, passed as is, e.g. {working_dir: ..., pip: [...], env_vars: "
      + "{...}}.")
  private Map<String, JsonNode> runtimeEnv;

  @JsonPropertyDescription("CPUs reserved for the entrypoint.")
  @Min(0)
  private Double entrypointNumCpus;

  @JsonPropertyDescription("GPUs reserved for the entrypoint.")
  @Min(0)
  private Double entrypointNumGpus;

  public String getDashboardUrl() {
    return dashboardUrl;
  }

  public void setDashboardUrl(String dashboardUrl) {
    this.dashboardUrl = dashboardUrl;
  }

  public NamespacedObjectRef getRayClusterRef() {
    return rayClusterRef;
  }

  public void setRayClusterRef(NamespacedObjectRef rayClusterRef) {
    this.rayClusterRef = rayClusterRef;
  }

  public String getEntrypoint() {
    return entrypoint;
  }

  public void setEntrypoint(String entrypoint) {
    this.entrypoint = entrypoint;
  }

  public Map<String, JsonNode> getRuntimeEnv() {
    return runtimeEnv;
  }

  public void setRuntimeEnv(Map<String, JsonNode> runtimeEnv) {
    this.runtimeEnv = runtimeEnv;
  }

  public Double getEntrypointNumCpus() {
    return entrypointNumCpus;
  }

  public void setEntrypointNumCpus(Double entrypointNumCpus) {
    this.entrypointNumCpus = entrypointNumCpus;
  }

  public Double getEntrypointNumGpus() {
    return entrypointNumGpus;
  }

  public void setEntrypointNumGpus(Double entrypointNumGpus) {
    this.entrypointNumGpus = entrypointNumGpus;
  }
}
