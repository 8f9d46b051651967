package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/** A reference to an object by name in the resource's own namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LocalObjectRef {

  @JsonPropertyDescription("Name of the referenced object, in the same namespace.")
  @Required
  @Pattern(Patterns.DNS_SUBDOMAIN)
  @Size(max = 253)
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof LocalObjectRef)) {
      return false;
    }
    LocalObjectRef that = (LocalObjectRef) o;
    return Objects.equals(name, that.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name);
  }

  @Override
  public String toString() {
    return "LocalObjectRef{name=" + name + "}";
  }
}
