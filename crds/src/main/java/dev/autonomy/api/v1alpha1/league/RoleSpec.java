package dev.autonomy.api.v1alpha1.league;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** One population role: how many players and how their Policies look. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RoleSpec {

  @JsonPropertyDescription("Number of players in the role.")
  @Required
  @Min(0)
  @Max(64)
  private Integer count;

  @JsonPropertyDescription("Policy template of the role's players; exploiters default to the main agents' template.")
  private PolicyTemplate template;

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }

  public PolicyTemplate getTemplate() {
    return template;
  }

  public void setTemplate(PolicyTemplate template) {
    this.template = template;
  }
}
