package dev.autonomy.api.v1alpha1.agent;

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
 * An autonomous AI agent: a language model with a hierarchical planner, tools and memory, running as
 * planner pods. Supports the scale subresource ({@code kubectl scale agent}, HorizontalPodAutoscaler).
 */
@Group(Api.GROUP)
@Version(Api.VERSION)
@Kind("Agent")
@Plural("agents")
@Singular("agent")
@ShortNames("ag")
@Categories(Api.CATEGORY)
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
    getDescription = "Desired planner pods")
@AdditionalPrinterColumn(name = "Available",
    jsonPath = ".status.readyReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER,
    getDescription = "Ready planner pods")
@AdditionalPrinterColumn(name = "Model",
    jsonPath = ".spec.model.modelName",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Primary model")
@AdditionalPrinterColumn(name = "Provider",
    jsonPath = ".spec.model.provider",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1,
    getDescription = "Model provider")
@AdditionalPrinterColumn(name = "Endpoint",
    jsonPath = ".status.endpoint",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1,
    getDescription = "Planner API")
@AdditionalPrinterColumn(name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE,
    getDescription = "Time since creation")
public class Agent extends CustomResource<AgentSpec, AgentStatus> implements Namespaced {

  @Override
  @Required
  @JsonPropertyDescription("Desired state of the Agent.")
  public AgentSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state of the Agent, written by the operator.")
  public AgentStatus getStatus() {
    return super.getStatus();
  }
}
