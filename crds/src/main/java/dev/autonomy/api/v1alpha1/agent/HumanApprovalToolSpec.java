package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

import java.util.ArrayList;
import java.util.List;

/** Human approval: steps with the listed tools wait until approved through the API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HumanApprovalToolSpec {

  @JsonPropertyDescription("Require human approval before the listed tools run.")
  @Default("false")
  private Boolean enabled = false;

  @JsonPropertyDescription("Tools whose steps need approval.")
  @Size(max = 8)
  @Default("[\"http\"]")
  private List<ToolName> requiredFor = new ArrayList<>(List.of(ToolName.HTTP));

  @JsonPropertyDescription("How long a step waits for approval (Go duration).")
  @Pattern(Patterns.DURATION)
  @Default("1h")
  private String timeout = "1h";

  @JsonPropertyDescription("What a timed-out approval counts as.")
  @Default("reject")
  private ApprovalTimeoutAction onTimeout = ApprovalTimeoutAction.REJECT;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public List<ToolName> getRequiredFor() {
    return requiredFor;
  }

  public void setRequiredFor(List<ToolName> requiredFor) {
    this.requiredFor = requiredFor;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public ApprovalTimeoutAction getOnTimeout() {
    return onTimeout;
  }

  public void setOnTimeout(ApprovalTimeoutAction onTimeout) {
    this.onTimeout = onTimeout;
  }
}
