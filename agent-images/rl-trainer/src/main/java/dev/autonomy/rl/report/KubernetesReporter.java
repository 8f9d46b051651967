package dev.autonomy.rl.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.EvaluationResult;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.TrainingProgress;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports to the Policy's status subresource with server-side apply. Training uses field manager
 * {@code autonomy-trainer}, serving {@code autonomy-policy-server}; the operator owns the rest.
 * A failed report is logged and retried with the next one: training never stops for it.
 */
public final class KubernetesReporter implements StatusReporter {
  public static final String TRAINER_MANAGER = "autonomy-trainer";
  public static final String SERVER_MANAGER = "autonomy-policy-server";
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesReporter.class);
  private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  public KubernetesReporter(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  @Override
  public Optional<PolicyStatus> current() {
    try {
      Policy policy = client.resources(Policy.class).inNamespace(namespace).withName(name).get();
      return Optional.ofNullable(policy).map(Policy::getStatus);
    } catch (KubernetesClientException e) {
      LOG.warn("Cannot read Policy {}/{} (HTTP {}): {}", namespace, name, e.getCode(), e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void report(TrainingProgress progress, String latestCheckpoint, List<CheckpointRecord> checkpoints,
      EvaluationResult evaluation) {
    ObjectNode status = JSON.createObjectNode();
    status.set("progress", JSON.valueToTree(progress));
    if (latestCheckpoint != null) {
      status.put("latestCheckpoint", latestCheckpoint);
      status.set("checkpoints", JSON.valueToTree(checkpoints));
    }
    if (evaluation != null) {
      status.set("evaluation", JSON.valueToTree(evaluation));
    }
    apply(status, TRAINER_MANAGER);
  }

  @Override
  public void reportLiveReward(double meanReward) {
    ObjectNode status = JSON.createObjectNode();
    status.putObject("serving").put("liveMeanReward", meanReward);
    apply(status, SERVER_MANAGER);
  }

  private void apply(ObjectNode status, String manager) {
    ObjectNode body = JSON.createObjectNode();
    body.put("apiVersion", HasMetadata.getApiVersion(Policy.class));
    body.put("kind", HasMetadata.getKind(Policy.class));
    body.putObject("metadata").put("name", name).put("namespace", namespace);
    body.set("status", status);
    PatchContext context = new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY)
        .withFieldManager(manager).withForce(true).build();
    try {
      client.resources(Policy.class).inNamespace(namespace).withName(name).subresource("status")
          .patch(context, body.toString());
    } catch (KubernetesClientException e) {
      LOG.warn("Cannot report to Policy {}/{} status (HTTP {}): {}", namespace, name, e.getCode(), e.getMessage());
    }
  }
}
