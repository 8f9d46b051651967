package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;

/** A PersistentVolumeClaim for backups. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PvcBackupTarget {

  @JsonPropertyDescription("An existing claim to write to; otherwise the operator creates one.")
  @Pattern(Patterns.DNS_SUBDOMAIN)
  @Size(max = 253)
  private String existingClaim;

  @JsonPropertyDescription("Size of the claim the operator creates.")
  @Default("5Gi")
  private Quantity size = new Quantity("5Gi");

  @JsonPropertyDescription("StorageClass of the created claim.")
  @Size(max = 253)
  private String storageClassName;

  public String getExistingClaim() {
    return existingClaim;
  }

  public void setExistingClaim(String existingClaim) {
    this.existingClaim = existingClaim;
  }

  public Quantity getSize() {
    return size;
  }

  public void setSize(Quantity size) {
    this.size = size;
  }

  public String getStorageClassName() {
    return storageClassName;
  }

  public void setStorageClassName(String storageClassName) {
    this.storageClassName = storageClassName;
  }
}
