package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** An optional NetworkPolicy restricting the Agent's egress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkPolicySpec {

  @JsonPropertyDescription("Allow egress only to the model endpoint, the memory store, DNS and allowedHosts.")
  @Default("false")
  private Boolean enabled = false;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }
}
