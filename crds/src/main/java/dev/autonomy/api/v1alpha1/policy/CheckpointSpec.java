package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/** Where checkpoints are stored and how many are kept. */
@ValidationRule(value = "!(has(self.existingClaim) && has(self.storageClassName))",
    message = "spec.checkpoint.storageClassName must not be set together with spec.checkpoint.existingClaim", fieldPath = ".storageClassName")
@ValidationRule(value = "isQuantity(string(self.size)) && quantity(string(self.size)).isGreaterThan(quantity('0'))",
    message = "spec.checkpoint.size must be a positive quantity such as 1Gi", fieldPath = ".size")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CheckpointSpec {

  @JsonPropertyDescription("An existing PersistentVolumeClaim to store checkpoints in.")
  @Pattern(Patterns.DNS_SUBDOMAIN)
  @Size(max = 253)
  private String existingClaim;

  @JsonPropertyDescription("Size of the PersistentVolumeClaim the operator creates.")
  @Default("1Gi")
  private Quantity size = new Quantity("1Gi");

  @JsonPropertyDescription("StorageClass of the created claim; unset uses the cluster default.")
  @Size(max = 253)
  private String storageClassName;

  @JsonPropertyDescription("Environment steps between checkpoints.")
  @Min(1)
  @Default("10000")
  private Integer intervalSteps = 10000;

  @JsonPropertyDescription("Checkpoints kept (the promoted and the best are always kept).")
  @Min(1)
  @Max(1000)
  @Default("5")
  private Integer keepLast = 5;

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

  public Integer getIntervalSteps() {
    return intervalSteps;
  }

  public void setIntervalSteps(Integer intervalSteps) {
    this.intervalSteps = intervalSteps;
  }

  public Integer getKeepLast() {
    return keepLast;
  }

  public void setKeepLast(Integer keepLast) {
    this.keepLast = keepLast;
  }
}
