package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;

/** Persistent storage of each replica. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageSpec {

  @JsonPropertyDescription("Size of each replica's volume; may grow, never shrink.")
  @Default("1Gi")
  private Quantity size = new Quantity("1Gi");

  @JsonPropertyDescription("StorageClass of the volumes; unset uses the cluster default. Immutable.")
  @Size(max = 253)
  private String storageClassName;

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
