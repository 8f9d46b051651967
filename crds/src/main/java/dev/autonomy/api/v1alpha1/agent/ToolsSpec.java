package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** Tools the planner may use; each has enabled plus its own settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolsSpec {

  @JsonPropertyDescription("HTTP requests to allow-listed hosts.")
  @Default("{}")
  @ValidationRule(value = "!self.enabled || (has(self.allowedHosts) && size(self.allowedHosts) > 0)",
      message = "spec.tools.http.allowedHosts must not be empty when spec.tools.http.enabled is true", fieldPath = ".allowedHosts")
  private HttpToolSpec http = new HttpToolSpec();

  @JsonPropertyDescription("Read-only access to the Agent's namespace.")
  @Default("{}")
  @ValidationRule(value = "!has(self.resources) || !self.resources.exists(r, r == 'secrets')",
      message = "spec.tools.kubernetesRead.resources must not include secrets", fieldPath = ".resources")
  private KubernetesReadToolSpec kubernetesRead = new KubernetesReadToolSpec();

  @JsonPropertyDescription("Recall and remember.")
  @Default("{}")
  private MemoryToolSpec memory = new MemoryToolSpec();

  @JsonPropertyDescription("Decisions from served Policies.")
  @Default("{}")
  private PolicyToolSpec policy = new PolicyToolSpec();

  @JsonPropertyDescription("Human approval of sensitive steps.")
  @Default("{}")
  private HumanApprovalToolSpec humanApproval = new HumanApprovalToolSpec();

  public HttpToolSpec getHttp() {
    return http;
  }

  public void setHttp(HttpToolSpec http) {
    this.http = http;
  }

  public KubernetesReadToolSpec getKubernetesRead() {
    return kubernetesRead;
  }

  public void setKubernetesRead(KubernetesReadToolSpec kubernetesRead) {
    this.kubernetesRead = kubernetesRead;
  }

  public MemoryToolSpec getMemory() {
    return memory;
  }

  public void setMemory(MemoryToolSpec memory) {
    this.memory = memory;
  }

  public PolicyToolSpec getPolicy() {
    return policy;
  }

  public void setPolicy(PolicyToolSpec policy) {
    this.policy = policy;
  }

  public HumanApprovalToolSpec getHumanApproval() {
    return humanApproval;
  }

  public void setHumanApproval(HumanApprovalToolSpec humanApproval) {
    this.humanApproval = humanApproval;
  }
}
