package dev.autonomy.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/** A Policy in the Agent's namespace the planner may consult. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PolicyRef {

  @JsonPropertyDescription("Name of the Policy.")
  @Required
  @Pattern(Patterns.DNS_SUBDOMAIN)
  @Size(max = 253)
  private String name;

  @JsonPropertyDescription("What the Policy decides, shown to the planner to pick the right one.")
  @Size(max = 1024)
  private String description;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PolicyRef)) {
      return false;
    }
    PolicyRef that = (PolicyRef) o;
    return Objects.equals(name, that.name)
        && Objects.equals(description, that.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description);
  }

  @Override
  public String toString() {
    return "PolicyRef{name=" + name + ", description=" + description + "}";
  }
}
