package dev.autonomy.api.v1alpha1.memory;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.Api;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A vector database (pgvector, Chroma or Qdrant) that Agents use as long-term memory, with storage,
 * backups and a deletion policy.
 */
@Group(Api.GROUP)
@Version(Api.VERSION)
@Kind("MemoryStore")
@Plural("memorystores")
@Singular("memorystore")
@ShortNames("ms")
@Categories(Api.CATEGORY)
@AdditionalPrinterColumn(name = "Backend",
    jsonPath = ".spec.backend",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Vector database")
@AdditionalPrinterColumn(name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Lifecycle phase")
@AdditionalPrinterColumn(name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Status of the Ready condition")
@AdditionalPrinterColumn(name = "Replicas",
    jsonPath = ".spec.replicas",
    type = AdditionalPrinterColumn.Type.INTEGER,
    getDescription = "Desired replicas")
@AdditionalPrinterColumn(name = "Available",
    jsonPath = ".status.readyReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER,
    getDescription = "Ready replicas")
@AdditionalPrinterColumn(name = "Size",
    jsonPath = ".spec.storage.size",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1,
    getDescription = "Volume size per replica")
@AdditionalPrinterColumn(name = "Endpoint",
    jsonPath = ".status.endpoint",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1,
    getDescription = "Client endpoint")
@AdditionalPrinterColumn(name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE,
    getDescription = "Time since creation")
public class MemoryStore extends CustomResource<MemoryStoreSpec, MemoryStoreStatus> implements Namespaced {

  @Override
  @Required
  @JsonPropertyDescription("Desired state of the MemoryStore.")
  public MemoryStoreSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state of the MemoryStore, written by the operator.")
  public MemoryStoreStatus getStatus() {
    return super.getStatus();
  }
}
