package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.ImagePullPolicy;
import dev.autonomy.api.v1alpha1.common.ResourceRequirementsSchema;
import dev.autonomy.api.v1alpha1.common.TolerationSchema;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Map;

/** Settings of the Kubernetes Job that runs the trainer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JobBackendSpec {

  @JsonPropertyDescription("Trainer image override; defaults to the operator's trainer image.")
  @Size(max = 1024)
  private String image;

  @JsonPropertyDescription("Pull policy of the trainer image; defaults to IfNotPresent.")
  private ImagePullPolicy imagePullPolicy;

  @JsonPropertyDescription("GPUs requested (as limits of gpuResourceName).")
  @Min(0)
  @Max(64)
  @Default("0")
  private Integer gpus = 0;

  @JsonPropertyDescription("Extended resource name of the GPUs.")
  @Size(max = 253)
  @Default("nvidia.com/gpu")
  private String gpuResourceName = "nvidia.com/gpu";

  @JsonPropertyDescription("CPU/memory requests and limits of the trainer container.")
  @SchemaFrom(type = ResourceRequirementsSchema.class)
  private ResourceRequirements resources;

  @JsonPropertyDescription("Node labels the trainer pod must be scheduled on.")
  private Map<String, String> nodeSelector;

  @JsonPropertyDescription("Tolerations of the trainer pod, e.g. for GPU node taints.")
  @SchemaFrom(type = TolerationSchema[].class)
  private List<Toleration> tolerations;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public ImagePullPolicy getImagePullPolicy() {
    return imagePullPolicy;
  }

  public void setImagePullPolicy(ImagePullPolicy imagePullPolicy) {
    this.imagePullPolicy = imagePullPolicy;
  }

  public Integer getGpus() {
    return gpus;
  }

  public void setGpus(Integer gpus) {
    this.gpus = gpus;
  }

  public String getGpuResourceName() {
    return gpuResourceName;
  }

  public void setGpuResourceName(String gpuResourceName) {
    this.gpuResourceName = gpuResourceName;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }
}
