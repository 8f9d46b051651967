package dev.autonomy.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.autonomy.api.v1alpha1.Api;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
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
 * A reinforcement-learning policy: trained by a Kubernetes Job or on a Ray cluster, checkpointed,
 * evaluated behind a promotion gate and optionally served over HTTP.
 */
@Group(Api.GROUP)
@Version(Api.VERSION)
@Kind("Policy")
@Plural("policies")
@Singular("policy")
@ShortNames("pol")
@Categories(Api.CATEGORY)
@AdditionalPrinterColumn(name = "Algorithm",
    jsonPath = ".spec.algorithm",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Learning algorithm")
@AdditionalPrinterColumn(name = "Environment",
    jsonPath = ".spec.environment.name",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Environment trained on")
@AdditionalPrinterColumn(name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Lifecycle phase")
@AdditionalPrinterColumn(name = "Progress",
    jsonPath = ".status.progress.progressPercent",
    type = AdditionalPrinterColumn.Type.INTEGER,
    getDescription = "Training progress in percent")
@AdditionalPrinterColumn(name = "Mean Reward",
    jsonPath = ".status.progress.meanReward",
    type = AdditionalPrinterColumn.Type.NUMBER,
    getDescription = "Mean reward of recent episodes")
@AdditionalPrinterColumn(name = "Best Reward",
    jsonPath = ".status.progress.bestReward",
    type = AdditionalPrinterColumn.Type.NUMBER,
    priority = 1,
    getDescription = "Best mean reward")
@AdditionalPrinterColumn(name = "Serving",
    jsonPath = ".status.servingRevision",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1,
    getDescription = "Checkpoint being served")
@AdditionalPrinterColumn(name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE,
    getDescription = "Time since creation")
public class Policy extends CustomResource<PolicySpec, PolicyStatus> implements Namespaced {

  @Override
  @Required
  @ValidationRule(value = "has(self.environment)", message = "spec.environment is required", fieldPath = ".environment")
  @JsonPropertyDescription("Desired state of the Policy.")
  public PolicySpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state of the Policy, written by the operator and its trainer.")
  public PolicyStatus getStatus() {
    return super.getStatus();
  }
}
