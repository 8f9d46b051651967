package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.common.ImagePullPolicy;
import dev.autonomy.api.v1alpha1.common.ResourceRequirementsSchema;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** Desired state of a MemoryStore: a vector database for Agents' long-term memory. */
@ValidationRule(value = "self.backend != 'chroma' || self.replicas == 1",
    message = "spec.replicas must be 1 for backend chroma", fieldPath = ".replicas")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemoryStoreSpec {

  @JsonPropertyDescription("Vector database: pgvector, chroma or qdrant. Immutable.")
  @Required
  @ValidationRule(value = "self == oldSelf", message = "spec.backend is immutable")
  private MemoryBackend backend;

  @JsonPropertyDescription("Backend version, e.g. 18 for PostgreSQL; unset uses the operator's default.")
  @Size(max = 64)
  private String version;

  @JsonPropertyDescription("Image override of the backend.")
  @Size(max = 1024)
  private String image;

  @JsonPropertyDescription("Pull policy of the backend image; defaults to IfNotPresent.")
  private ImagePullPolicy imagePullPolicy;

  @JsonPropertyDescription("Replicas of the backend (chroma runs a single replica).")
  @Min(1)
  @Max(9)
  @Default("1")
  private Integer replicas = 1;

  @JsonPropertyDescription("Persistent storage of each replica.")
  @Default("{}")
  @ValidationRule(value = "isQuantity(string(self.size)) && quantity(string(self.size)).isGreaterThan(quantity('0'))",
      message = "spec.storage.size must be a positive quantity such as 10Gi", fieldPath = ".size")
  @ValidationRule(value = "!isQuantity(string(self.size)) || !isQuantity(string(oldSelf.size)) || quantity(string(self.size)).compareTo(quantity(string(oldSelf.size))) >= 0",
      message = "spec.storage.size may grow but not shrink", fieldPath = ".size")
  @ValidationRule(value = "has(self.storageClassName) == has(oldSelf.storageClassName) && (!has(self.storageClassName) || self.storageClassName == oldSelf.storageClassName)",
      message = "spec.storage.storageClassName is immutable", fieldPath = ".storageClassName")
  private StorageSpec storage = new StorageSpec();

  @JsonPropertyDescription("CPU/memory requests and limits of the backend container.")
  @SchemaFrom(type = ResourceRequirementsSchema.class)
  private ResourceRequirements resources;

  @JsonPropertyDescription("Vector dimension, embedding model and distance.")
  @Default("{}")
  @ValidationRule(value = "self.dimension == oldSelf.dimension",
      message = "spec.embedding.dimension is immutable", fieldPath = ".dimension")
  private EmbeddingSpec embedding = new EmbeddingSpec();

  @JsonPropertyDescription("How long memories are kept.")
  @Default("{}")
  private RetentionSpec retention = new RetentionSpec();

  @JsonPropertyDescription("Scheduled backups; unset means none.")
  private BackupSpec backup;

  @JsonPropertyDescription("Retain keeps volumes and backups after deletion; Delete removes them.")
  @Default("Retain")
  private DeletionPolicy deletionPolicy = DeletionPolicy.RETAIN;

  @JsonPropertyDescription("Self-healing settings for this MemoryStore.")
  @Default("{}")
  private HealingSpec healing = new HealingSpec();

  public MemoryBackend getBackend() {
    return backend;
  }

  public void setBackend(MemoryBackend backend) {
    this.backend = backend;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

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

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public StorageSpec getStorage() {
    return storage;
  }

  public void setStorage(StorageSpec storage) {
    this.storage = storage;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public EmbeddingSpec getEmbedding() {
    return embedding;
  }

  public void setEmbedding(EmbeddingSpec embedding) {
    this.embedding = embedding;
  }

  public RetentionSpec getRetention() {
    return retention;
  }

  public void setRetention(RetentionSpec retention) {
    this.retention = retention;
  }

  public BackupSpec getBackup() {
    return backup;
  }

  public void setBackup(BackupSpec backup) {
    this.backup = backup;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public HealingSpec getHealing() {
    return healing;
  }

  public void setHealing(HealingSpec healing) {
    this.healing = healing;
  }
}
