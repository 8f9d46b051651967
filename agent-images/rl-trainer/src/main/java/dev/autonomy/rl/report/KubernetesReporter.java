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
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports to the Policy's status subresource with server-side apply. Training uses field manager
 * {@code autonomy-trainer}, serving {@code autonomy-policy-server}; the operator owns the rest.
 * Reports go out on a background thread, latest wins: training never waits for the API server, and
 * a failed report is logged and superseded by the next one. {@link #close()} sends the last one.
 */
public final class KubernetesReporter implements StatusReporter {
  public static final String TRAINER_MANAGER = "autonomy-trainer";
  public static final String SERVER_MANAGER = "autonomy-policy-server";
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesReporter.class);
  private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final AtomicReference<Runnable> pending = new AtomicReference<>();
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "status-reporter");
    t.setDaemon(true);
    return t;
  });

  public KubernetesReporter(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  /** A client from the pod's service account or KUBECONFIG, failing fast rather than retrying long. */
  public static KubernetesReporter connect(String namespace, String name) {
    Config config = Config.autoConfigure(null);
    config.setConnectionTimeout(5_000);
    config.setRequestTimeout(10_000);
    config.setRequestRetryBackoffLimit(1);
    return new KubernetesReporter(new KubernetesClientBuilder().withConfig(config).build(), namespace, name);
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

  /** Queues a status apply; only the newest queued one is sent. */
  private void apply(ObjectNode status, String manager) {
    if (pending.getAndSet(() -> send(status, manager)) == null) {
      sender.execute(() -> {
        Runnable next = pending.getAndSet(null);
        if (next != null) {
          next.run();
        }
      });
    }
  }

  /** Sends what is queued and stops; waits at most 30 s. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("The last status report to Policy {}/{} did not finish in 30 s", namespace, name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }

  private void send(ObjectNode status, String manager) {
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
