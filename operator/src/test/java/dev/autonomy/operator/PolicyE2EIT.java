package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.policy.CheckpointRecord;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * End to end with the real trainer: the local runner runs the rl-trainer jar for the training Job
 * and the serving Deployment of {@code examples/policy.yaml}, applied verbatim. Training is real
 * (PPO on CartPole), progress reaches the Policy's status live, a killed pod resumes from its
 * checkpoint, promotion starts serving and {@code act} answers over HTTP on loopback.
 */
@KubernetesTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyE2EIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OperatorProcess operator;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace ns, TestCluster cluster) {
    operator = RunningOperator.start(client, ns, cluster, Map.of("AUTONOMY_LOCAL_RUNNER", "true"));
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  @Order(1) // the example trains from the start: watch it live before anything else runs
  void theExamplePolicyTrainsLiveIsPromotedAndServesDecisions(KubernetesClient client, TestNamespace ns)
      throws Exception {
    List<Long> steps = new ArrayList<>();
    await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
      PolicyStatus s = status(client, ns, "cartpole-ppo");
      if (s.getProgress() != null && s.getProgress().getStep() != null) {
        steps.add(s.getProgress().getStep());
      }
      return s.getServingRevision() != null;
    });
    PolicyStatus status = status(client, ns, "cartpole-ppo");
    assertThat(steps.stream().distinct().count()).as("distinct progress reports seen: %s", steps).isGreaterThan(1);
    assertThat(status.getEvaluation().getMeanReward()).isGreaterThanOrEqualTo(475.0);
    assertThat(status.getEvaluation().getEpisodes()).isEqualTo(100);
    assertThat(status.getEvaluation().getPassed()).isTrue();
    assertThat(status.getServingRevision()).isEqualTo(status.getEvaluation().getCheckpoint()).startsWith("g1-s");
    assertThat(condition(status, "Trained")).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True"));

    // The serving pod runs the real server: ask it for decisions on loopback.
    String address = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
        .until(() -> servingAddress(client, ns, "cartpole-ppo"), Objects::nonNull);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    JsonNode right = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
        .until(() -> act(http, address, "[0, 0, 0.1, 0.5]"), r -> r.has("action"));
    JsonNode left = act(http, address, "[0, 0, -0.1, -0.5]");
    assertThat(right.get("action").asInt()).isEqualTo(1);
    assertThat(left.get("action").asInt()).isZero();
    assertThat(right.get("revision").asText()).isEqualTo(status.getServingRevision());
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
        condition(status(client, ns, "cartpole-ppo"), "Serving").map(c -> "True".equals(c.getStatus())).orElse(false));
  }

  @Test
  @Order(2)
  void aKilledTrainerResumesFromItsLastCheckpoint(KubernetesClient client, TestNamespace ns) {
    Policy policy = client.resources(Policy.class).load(TestGround.repoRoot().resolve("examples/policy.yaml").toFile())
        .item();
    policy.getMetadata().setName("resumable");
    policy.getSpec().getTraining().setTargetMeanReward(null);   // train the whole budget
    policy.getSpec().getTraining().setTotalSteps(80_000L);
    policy.getSpec().getServing().setEnabled(false);
    client.resource(policy).inNamespace(ns.name()).create();

    String first = await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .until(() -> status(client, ns, "resumable").getLatestCheckpoint(), Objects::nonNull);
    List<Pod> pods = trainerPods(client, ns, "resumable");
    assertThat(pods).hasSize(1);
    client.resource(pods.get(0)).withGracePeriod(0).delete();

    await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
        condition(status(client, ns, "resumable"), "Trained").map(c -> "True".equals(c.getStatus())).orElse(false));
    PolicyStatus status = status(client, ns, "resumable");
    assertThat(status.getAttempt()).isGreaterThanOrEqualTo(2);
    assertThat(status.getProgress().getStep()).isGreaterThanOrEqualTo(80_000L);
    // The lineage links a checkpoint of the second attempt to one written before the kill.
    List<String> ids = status.getCheckpoints().stream().map(CheckpointRecord::getId).toList();
    assertThat(status.getCheckpoints()).anySatisfy(r -> assertThat(r.getParent()).isNotNull());
    assertThat(ids).last().isEqualTo(status.getLatestCheckpoint());
    assertThat(first).isLessThan(status.getLatestCheckpoint());
  }

  private static PolicyStatus status(KubernetesClient client, TestNamespace ns, String name) {
    return client.resources(Policy.class).inNamespace(ns.name()).withName(name).get().getStatus();
  }

  private static Optional<Condition> condition(PolicyStatus status, String type) {
    return status.getConditions() == null ? Optional.empty()
        : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static List<Pod> trainerPods(KubernetesClient client, TestNamespace ns, String policy) {
    return client.pods().inNamespace(ns.name()).withLabel("app.kubernetes.io/instance", policy)
        .withLabel("app.kubernetes.io/component", "trainer").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null && "Running".equals(p.getStatus().getPhase()))
        .toList();
  }

  /** The loopback address the local runner gave the serving pod's http port. */
  private static String servingAddress(KubernetesClient client, TestNamespace ns, String policy) throws Exception {
    for (Pod pod : client.pods().inNamespace(ns.name()).withLabel("app.kubernetes.io/instance", policy)
        .withLabel("app.kubernetes.io/component", "serving").list().getItems()) {
      String ports = pod.getMetadata().getAnnotations() == null ? null
          : pod.getMetadata().getAnnotations().get("autonomy.dev/local-ports");
      if (ports != null) {
        JsonNode map = JSON.readTree(ports);
        JsonNode port = map.has("http") ? map.get("http") : map.get("8080");
        if (port != null) {
          return "127.0.0.1:" + port.asInt();
        }
      }
    }
    return null;
  }

  private static JsonNode act(HttpClient http, String address, String observation) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/v1/act"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"observation\":" + observation + "}")).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
