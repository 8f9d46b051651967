package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.RayJobStatus;
import dev.autonomy.controllers.policy.ray.RayJob;
import dev.autonomy.controllers.policy.ray.RayJobsClient;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/ray/policy.yaml} against the test ground's real Ray 2.60.0 head: the operator
 * submits the real trainer as the Ray job's entrypoint, the job reaches SUCCEEDED (the trainer
 * reports its progress and evaluation through the kubeconfig passed in runtime_env), repeated
 * reconciles submit nothing new, and deleting a Policy stops its running job.
 */
@KubernetesTest
class PolicyRayIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(240);
  private static OperatorProcess operator;
  private static RayJobsClient ray;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace ns, TestCluster cluster) {
    String dashboard = TestGround.services("ray").get("AUTONOMY_RAY_DASHBOARD_URL");
    ray = new RayJobsClient(RayJobsClient.httpClient(Duration.ofSeconds(2), Duration.ofSeconds(5)), dashboard);
    String jar = TestGround.repoRoot().resolve("agent-images/rl-trainer/target/rl-trainer.jar").toString();
    operator = RunningOperator.start(client, ns, cluster, Map.of("AUTONOMY_RAY_TRAINER_ENTRYPOINT",
        "java -XX:+UseSerialGC -Xmx256m -jar " + jar));
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
  }

  private static Policy example(KubernetesClient client, TestNamespace ns, TestCluster cluster, String name, long steps) {
    Policy policy = client.resources(Policy.class)
        .load(TestGround.repoRoot().resolve("examples/ray/policy.yaml").toFile()).item();
    policy.getMetadata().setName(name);
    policy.getMetadata().setNamespace(ns.name());
    policy.getSpec().getTraining().setTotalSteps(steps);
    policy.getSpec().getCheckpoint().setIntervalSteps(1_000);
    policy.getSpec().getHyperparameters().getDqn().setLearningStarts(500);
    ObjectNode env = (ObjectNode) policy.getSpec().getBackend().getRay().getRuntimeEnv().get("env_vars");
    env.put("DJL_CACHE_DIR", TestGround.repoRoot().resolve("agent-images/rl-trainer/target/djl").toString());
    env.put("AUTONOMY_REPORT_STATUS", "true");
    env.put("KUBECONFIG", kubeconfigFile(cluster).toString());
    return policy;
  }

  /** The trainer on Ray reads the cluster's kubeconfig from a file. */
  private static Path kubeconfigFile(TestCluster cluster) {
    try {
      Path file = Files.createTempFile("policy-ray-it-", ".kubeconfig");
      file.toFile().deleteOnExit();
      return Files.writeString(file, cluster.kubeconfig());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theTrainerRunsOnRayToSucceededAndReportsItsEvaluation(KubernetesClient client, TestNamespace ns,
      TestCluster cluster) {
    client.resource(example(client, ns, cluster, "ray-trained", 3_000)).create();
    await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
        "SUCCEEDED".equals(status(client, ns, "ray-trained").getRay().getJobStatus()));
    PolicyStatus status = status(client, ns, "ray-trained");
    String id = status.getRay().getSubmissionId();
    assertThat(id).contains("ray-trained").endsWith("-g1-a1");
    assertThat(status.getRay().getDashboardUrl()).startsWith("http://127.0.0.1:");
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
        status(client, ns, "ray-trained").getEvaluation() != null);
    assertThat(status(client, ns, "ray-trained").getEvaluation().getEpisodes()).isEqualTo(20);
    assertThat(status(client, ns, "ray-trained").getProgress().getStep()).isGreaterThanOrEqualTo(3_000L);
    Optional<RayJob> job = ray.get(id);
    assertThat(job).hasValueSatisfying(j -> assertThat(j.status()).isEqualTo("SUCCEEDED"));
    // Later reconciles (a label change bumps none of the spec) submit nothing new.
    client.resources(Policy.class).inNamespace(ns.name()).withName("ray-trained")
        .edit(p -> { p.getMetadata().getLabels().put("touched", "yes"); return p; });
    // Give the operator a few reconciles (it looks at Ray jobs every 5 s) before checking.
    await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20)).until(() -> true);
    assertThat(ray.get(id.replace("-a1", "-a2"))).isEmpty();
  }

  @Test
  void deletingAPolicyStopsItsRunningRayJob(KubernetesClient client, TestNamespace ns, TestCluster cluster) {
    client.resource(example(client, ns, cluster, "ray-stopped", 5_000_000)).create();
    String id = await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
      RayJobStatus ray = status(client, ns, "ray-stopped").getRay();
      return "RUNNING".equals(ray.getJobStatus()) ? ray.getSubmissionId() : null;
    }, java.util.Objects::nonNull);
    client.resources(Policy.class).inNamespace(ns.name()).withName("ray-stopped").delete();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
        client.resources(Policy.class).inNamespace(ns.name()).withName("ray-stopped").get() == null);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
        ray.get(id).map(j -> j.terminal()).orElse(true));
    ray.get(id).ifPresent(j -> assertThat(j.status()).isEqualTo("STOPPED"));
  }

  private static PolicyStatus status(KubernetesClient client, TestNamespace ns, String name) {
    return client.resources(Policy.class).inNamespace(ns.name()).withName(name).get().getStatus();
  }
}
