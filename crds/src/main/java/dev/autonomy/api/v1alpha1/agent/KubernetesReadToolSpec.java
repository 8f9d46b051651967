package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;

import java.util.ArrayList;
import java.util.List;

/** Kubernetes read tool: get/list/watch in the Agent's own namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KubernetesReadToolSpec {

  @JsonPropertyDescription("Offer the tool; the Agent's ServiceAccount gets a read-only Role.")
  @Default("true")
  private Boolean enabled = true;

  @JsonPropertyDescription("Resources (plural, lower case) the Agent may read. Secrets are never allowed.")
  @Size(max = 32)
  @Default("[\"pods\", \"services\", \"events\", \"configmaps\", \"deployments\", \"jobs\"]")
  private List<String> resources = new ArrayList<>(List.of("pods", "services", "events", "configmaps", "deployments", "jobs"));

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public List<String> getResources() {
    return resources;
  }

  public void setResources(List<String> resources) {
    this.resources = resources;
  }
}
