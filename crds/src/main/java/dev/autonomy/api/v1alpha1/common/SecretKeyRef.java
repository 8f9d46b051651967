package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/**
 * A reference to one key of a Secret in the resource's namespace. Secrets are only ever
 * referenced, never inlined.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyRef {

  @JsonPropertyDescription("Name of the Secret, in the same namespace as the resource.")
  @Required
  @Pattern(Patterns.DNS_SUBDOMAIN)
  @Size(max = 253)
  private String name;

  @JsonPropertyDescription("Key inside the Secret whose value is used.")
  @Pattern(Patterns.CONFIG_KEY)
  @Size(max = 253)
  @Default("api-key")
  private String key = "api-key";

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SecretKeyRef)) {
      return false;
    }
    SecretKeyRef that = (SecretKeyRef) o;
    return Objects.equals(name, that.name)
        && Objects.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, key);
  }

  @Override
  public String toString() {
    return "SecretKeyRef{name=" + name + ", key=" + key + "}";
  }
}
