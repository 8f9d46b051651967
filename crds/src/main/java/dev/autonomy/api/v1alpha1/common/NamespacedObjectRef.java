package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/** A reference to an object by name, in the given namespace or the resource's own namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespacedObjectRef {

  @JsonPropertyDescription("Name of the referenced object.")
  @Required
  @Pattern(Patterns.DNS_SUBDOMAIN)
  @Size(max = 253)
  private String name;

  @JsonPropertyDescription("Namespace of the referenced object; defaults to the resource's own namespace.")
  @Pattern(Patterns.DNS_LABEL)
  @Size(max = 63)
  private String namespace;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NamespacedObjectRef)) {
      return false;
    }
    NamespacedObjectRef that = (NamespacedObjectRef) o;
    return Objects.equals(name, that.name)
        && Objects.equals(namespace, that.namespace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, namespace);
  }

  @Override
  public String toString() {
    return "NamespacedObjectRef{name=" + name + ", namespace=" + namespace + "}";
  }
}
