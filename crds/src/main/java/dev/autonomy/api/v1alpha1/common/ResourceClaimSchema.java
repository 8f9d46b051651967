package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Schema (documentation only) of a container's resource claim. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceClaimSchema {

  @JsonPropertyDescription("Name of an entry in the pod's resourceClaims.")
  @Required
  private String name;

  @JsonPropertyDescription("Name of a request in that claim; unset uses the whole claim.")
  private String request;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRequest() {
    return request;
  }

  public void setRequest(String request) {
    this.request = request;
  }
}
