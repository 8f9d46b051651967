package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.List;
import java.util.Map;

/** Schema (documentation only) of Kubernetes ResourceRequirements, used via @SchemaFrom. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceRequirementsSchema {

  @JsonPropertyDescription("Resources the container is guaranteed, e.g. cpu: 250m, memory: 256Mi.")
  private Map<String, Quantity> requests;

  @JsonPropertyDescription("Most resources the container may use, e.g. memory: 512Mi.")
  private Map<String, Quantity> limits;

  @JsonPropertyDescription("Dynamic resource claims of the pod this container uses.")
  private List<ResourceClaimSchema> claims;

  public Map<String, Quantity> getRequests() {
    return requests;
  }

  public void setRequests(Map<String, Quantity> requests) {
    this.requests = requests;
  }

  public Map<String, Quantity> getLimits() {
    return limits;
  }

  public void setLimits(Map<String, Quantity> limits) {
    this.limits = limits;
  }

  public List<ResourceClaimSchema> getClaims() {
    return claims;
  }

  public void setClaims(List<ResourceClaimSchema> claims) {
    this.claims = claims;
  }
}
