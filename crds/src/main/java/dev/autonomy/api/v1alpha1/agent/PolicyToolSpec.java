package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Policy tool: ask a served reinforcement-learning Policy for a fast decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PolicyToolSpec {

  @JsonPropertyDescription("Offer the Policies in spec.policyRefs as a tool.")
  @Default("true")
  private Boolean enabled = true;

  @JsonPropertyDescription("Timeout of one decision request (Go duration).")
  @Pattern(Patterns.DURATION)
  @Default("2s")
  private String timeout = "2s";

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }
}
