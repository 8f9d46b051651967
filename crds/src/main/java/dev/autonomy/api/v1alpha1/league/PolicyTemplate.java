package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import io.fabric8.generator.annotation.Required;

/** Template of the Policies the League creates for a role. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PolicyTemplate {

  @JsonPropertyDescription("Labels and annotations of the created Policies.")
  private TemplateMetadata metadata;

  @JsonPropertyDescription("Spec of the created Policies; its environment must be unset (the League's is used).")
  @Required
  private PolicySpec spec;

  public TemplateMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(TemplateMetadata metadata) {
    this.metadata = metadata;
  }

  public PolicySpec getSpec() {
    return spec;
  }

  public void setSpec(PolicySpec spec) {
    this.spec = spec;
  }
}
