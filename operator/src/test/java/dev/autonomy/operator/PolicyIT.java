package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyPhase;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import dev.autonomy.testsupport.Crds;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Policy reconciler, packaged, against the test ground with {@code examples/policy.yaml}. The
 * trainer image is not run here: kwok completes (or, by chaos label, fails) the Job pods, and the
 * test writes the trainer's status (server-side apply, field manager autonomy-trainer) as the
 * trainer would. The namespace enforces Pod Security {@code restricted}.
 */
@KubernetesTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String EXAMPLE = "cartpole-ppo";
  private static final String TRAINER = "autonomy-trainer";
  private static final String REVISION = "g1-s0000200000";
  /** A node label no node has: pods with it in their nodeSelector stay Pending until a test puts it on a node. */
  private static final String HOLD_LABEL = "autonomy.dev/policy-it";
  private static final String FAIL_STAGE = "pod-container-running-failed.stage.kwok.x-k8s.io";
  private static OperatorProcess operator;

  @BeforeAll
  static void startOperator(KubernetesClient client, TestNamespace ns, TestCluster cluster) {
    Crds.install(client);
    client.namespaces().withName(ns.name()).edit(n -> {
      n.getMetadata().getLabels().put("pod-security.kubernetes.io/enforce", "restricted");
      n.getMetadata().getLabels().put("pod-security.kubernetes.io/enforce-version", "latest");
      return n;
    });
    operator = OperatorProcess.start(OperatorProcess.defaultJar(), cluster, List.of(),
        Map.of("AUTONOMY_LEADER_ELECTION_LEASE_NAMESPACE", ns.name(), "QUARKUS_OPERATOR_SDK_NAMESPACES", ns.name()));
    TestGround.run(60, "kubectl", "apply", "-n", ns.name(), "-f",
        TestGround.repoRoot().resolve("examples/policy.yaml").toString());
  }

  @AfterAll
  static void stopOperator(KubernetesClient client, TestNamespace ns) {
    holdLabel(client, null);
    if (operator != null) {
      // Policies hold a finalizer: let the operator release them, or the namespace cannot go.
      client.resources(Policy.class).inNamespace(ns.name()).delete();
      await().atMost(TIMEOUT).until(() -> client.resources(Policy.class).inNamespace(ns.name()).list().getItems().isEmpty());
      operator.close();
      assertThat(operator.errorLines()).as("ERROR lines in the operator log").isEmpty();
    }
  }

  @Test
  @Order(1)
  void theExampleTrainsInARestrictedJobByTheTrainerContract(KubernetesClient client, TestNamespace ns) {
    String n = ns.name();
    Job job = awaitChild(client.batch().v1().jobs().inNamespace(n).withName(EXAMPLE + "-train-g1-a1"));
    assertOwned(job);
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(3600L);
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getServiceAccountName()).isEqualTo(EXAMPLE + "-trainer");
    Container trainer = pod.getContainers().get(0);
    assertThat(trainer.getImage()).isEqualTo("ghcr.io/autonomy-dev/rl-trainer:0.1.0");
    assertThat(trainer.getArgs()).containsExactly("train");
    assertThat(env(trainer)).containsEntry("AUTONOMY_POLICY_NAME", EXAMPLE).containsEntry("AUTONOMY_POLICY_NAMESPACE", n)
        .containsEntry("AUTONOMY_POLICY_GENERATION", "1").containsEntry("AUTONOMY_ATTEMPT", "1")
        .containsEntry("AUTONOMY_POLICY_CONFIG", "/etc/autonomy/policy/policy.json")
        .containsEntry("AUTONOMY_CHECKPOINT_DIR", "/var/lib/autonomy/checkpoints")
        .containsEntry("DJL_OFFLINE", "true").containsEntry("OPT_OUT_TRACKING", "true");
    assertThat(trainer.getResources().getRequests()).containsEntry("cpu", new Quantity("500m"));
    assertThat(trainer.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();

    assertThat(awaitChild(client.configMaps().inNamespace(n).withName(EXAMPLE + "-trainer")).getData().get("policy.json"))
        .contains("\"algorithm\":\"ppo\"");
    var claim = awaitChild(client.persistentVolumeClaims().inNamespace(n).withName(EXAMPLE + "-checkpoints"));
    assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("1Gi"));
    assertOwned(claim);
    var role = awaitChild(client.rbac().roles().inNamespace(n).withName(EXAMPLE + "-trainer"));
    assertThat(role.getRules()).singleElement().satisfies(r -> {
      assertThat(r.getResourceNames()).containsExactly(EXAMPLE);
      assertThat(r.getVerbs()).containsExactlyInAnyOrder("get", "patch");
    });
    awaitChild(client.rbac().roleBindings().inNamespace(n).withName(EXAMPLE + "-trainer"));

    // kwok completes the pod: the run is over, the trainer's evaluation is awaited.
    Policy evaluating = awaitPolicy(client, ns, EXAMPLE, p -> p.getStatus().getPhase() == PolicyPhase.EVALUATING);
    assertThat(evaluating.getStatus().getAttempt()).isEqualTo(1);
    assertThat(evaluating.getStatus().getRetriesUsed()).isZero();
    assertThat(evaluating.getStatus().getTrainingGeneration()).isEqualTo(1L);
    assertThat(evaluating.getStatus().getCompletionTime()).isNotNull();
    assertThat(condition(evaluating, "Training").getReason()).isEqualTo("TrainingSucceeded");
    assertThat(condition(evaluating, "Trained").getReason()).isEqualTo("EvaluationPending");
    assertThat(client.apps().deployments().inNamespace(n).withName(EXAMPLE + "-serve").get()).as("nothing promoted yet")
        .isNull();
  }

  @Test
  @Order(2)
  void theTrainersPassingEvaluationIsPromotedAndServed(KubernetesClient client, TestNamespace ns) {
    awaitPolicy(client, ns, EXAMPLE, p -> p.getStatus().getPhase() == PolicyPhase.EVALUATING);
    trainerApply(client, ns, EXAMPLE, Map.of(
        "latestCheckpoint", REVISION,
        "checkpoints", List.of(Map.of("id", REVISION, "step", 200000, "meanReward", 480.5)),
        "evaluation", Map.of("checkpoint", REVISION, "episodes", 100, "meanReward", 480.5, "stdReward", 12.5,
            "time", "2026-03-01T12:00:00Z")));

    Policy served = awaitPolicy(client, ns, EXAMPLE, p -> p.getStatus().getPhase() == PolicyPhase.SERVING
        && "True".equals(condition(p, "Ready").getStatus()));
    assertThat(served.getStatus().getServingRevision()).isEqualTo(REVISION);
    assertThat(served.getStatus().getEvaluation().getPassed()).isTrue();
    assertThat(served.getStatus().getEvaluation().getMeanReward()).as("the trainer's measurement stays").isEqualTo(480.5);
    assertThat(served.getStatus().getServing().getEndpoint()).isEqualTo("http://" + EXAMPLE + "." + ns.name() + ".svc:80");
    assertThat(served.getStatus().getServing().getReadyReplicas()).isEqualTo(1);
    assertThat(condition(served, "Trained").getReason()).isEqualTo("Promoted");

    Deployment serving = client.apps().deployments().inNamespace(ns.name()).withName(EXAMPLE + "-serve").get();
    assertOwned(serving);
    Container server = serving.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(server.getArgs()).containsExactly("serve");
    assertThat(env(server)).containsEntry("AUTONOMY_SERVING_REVISION", REVISION);
    assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    var service = client.services().inNamespace(ns.name()).withName(EXAMPLE).get();
    assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getPort()).isEqualTo(80);
      assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
    });
    assertThat(events(client, ns, EXAMPLE)).extracting(Event::getReason).contains("Promoted");
  }

  @Test
  @Order(3)
  void theTrainersStatusFieldsSurviveTheOperatorsNextReconcile(KubernetesClient client, TestNamespace ns) {
    awaitPolicy(client, ns, EXAMPLE, p -> p.getStatus().getServingRevision() != null);
    trainerApply(client, ns, EXAMPLE, Map.of(
        "progress", Map.of("step", 123456, "totalSteps", 200000, "meanReward", 301.5, "progressPercent", 61),
        "latestCheckpoint", REVISION,
        "checkpoints", List.of(Map.of("id", REVISION, "step", 200000, "meanReward", 480.5)),
        "evaluation", Map.of("checkpoint", REVISION, "episodes", 100, "meanReward", 480.5, "stdReward", 12.5,
            "time", "2026-03-01T12:00:00Z"),
        "serving", Map.of("liveMeanReward", 479.0)));
    long generation = patchSpec(client, ns, EXAMPLE, "{\"serving\":{\"replicas\":2}}").getMetadata().getGeneration();

    Policy after = awaitPolicy(client, ns, EXAMPLE, p -> p.getStatus().getObservedGeneration() == generation
        && Integer.valueOf(2).equals(p.getStatus().getServing().getReadyReplicas()));
    assertThat(after.getStatus().getProgress().getStep()).isEqualTo(123456L);
    assertThat(after.getStatus().getProgress().getProgressPercent()).isEqualTo(61);
    assertThat(after.getStatus().getServing().getLiveMeanReward()).isEqualTo(479.0);
    assertThat(after.getStatus().getLatestCheckpoint()).isEqualTo(REVISION);
    assertThat(after.getStatus().getCheckpoints()).singleElement().satisfies(c -> assertThat(c.getStep()).isEqualTo(200000L));
    assertThat(after.getStatus().getEvaluation().getStdReward()).isEqualTo(12.5);
    assertThat(after.getStatus().getEvaluation().getPassed()).isTrue();
    assertThat(after.getStatus().getTrainingGeneration()).as("a serving change is not a new run").isEqualTo(1L);
    assertThat(client.batch().v1().jobs().inNamespace(ns.name()).list().getItems()).extracting(j -> j.getMetadata().getName())
        .containsExactly(EXAMPLE + "-train-g1-a1");

    List<ManagedFieldsEntry> status = after.getMetadata().getManagedFields().stream()
        .filter(m -> "status".equals(m.getSubresource())).toList();
    assertThat(status).extracting(ManagedFieldsEntry::getManager).contains(TRAINER).hasSizeGreaterThan(1);
    status.stream().filter(m -> !TRAINER.equals(m.getManager())).forEach(m -> assertThat(Serialization.asJson(m.getFieldsV1()))
        .as("fields of manager " + m.getManager()).doesNotContain("f:progress", "f:checkpoints", "f:latestCheckpoint",
            "f:meanReward", "f:stdReward", "f:liveMeanReward"));
  }

  @Test
  @Order(4)
  void aGpuPolicysPodLandsOnTheGpuNode(KubernetesClient client, TestNamespace ns) {
    create(client, ns, "gpu-dqn", spec -> {
      spec.getBackend().getJob().setGpus(1);
      spec.getBackend().getJob().setNodeSelector(Map.of("nvidia.com/gpu.present", "true"));
    });
    Pod pod = awaitPod(client, ns, "gpu-dqn-train-g1-a1", p -> p.getSpec().getNodeName() != null);
    assertThat(pod.getSpec().getNodeName()).isEqualTo("kwok-gpu-0");
    assertThat(pod.getSpec().getContainers().get(0).getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
    awaitPolicy(client, ns, "gpu-dqn", p -> p.getStatus().getCompletionTime() != null);
  }

  @Test
  @Order(5)
  void failedAttemptsAreRetriedUntilTheBudgetIsUsedUpThenThePolicyIsDegraded(KubernetesClient client, TestNamespace ns) {
    create(client, ns, "flaky", spec -> {
      spec.getTraining().setBackoffLimit(1);
      spec.getBackend().getJob().setNodeSelector(Map.of(HOLD_LABEL, ns.name()));
    });
    failNextPod(client, ns, "flaky-train-g1-a1");
    Policy retrying = awaitPolicy(client, ns, "flaky", p -> Integer.valueOf(2).equals(p.getStatus().getAttempt()));
    assertThat(retrying.getStatus().getRetriesUsed()).isEqualTo(1);
    assertThat(retrying.getStatus().getTrainingJobName()).isEqualTo("flaky-train-g1-a2");
    assertThat(env(awaitChild(client.batch().v1().jobs().inNamespace(ns.name()).withName("flaky-train-g1-a2"))
        .getSpec().getTemplate().getSpec().getContainers().get(0))).containsEntry("AUTONOMY_ATTEMPT", "2")
        .as("the healer halves the learning rate after a divergence").containsEntry("AUTONOMY_LEARNING_RATE_SCALE", "0.5");
    assertThat(retrying.getStatus().getHealing().getEntries()).last().satisfies(e -> {
      assertThat(e.getSymptom()).isEqualTo("LOSS_NAN run/g1");
      assertThat(e.getAction()).isEqualTo("lower-learning-rate");
    });
    assertThat(condition(retrying, "Healing").getStatus()).isEqualTo("True");
    assertThat(events(client, ns, "flaky")).filteredOn(e -> "AttemptFailed".equals(e.getReason())).singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains("code 3").contains("training diverged").contains("loss is NaN"));

    failNextPod(client, ns, "flaky-train-g1-a2");
    Policy failed = awaitPolicy(client, ns, "flaky", p -> p.getStatus().getPhase() == PolicyPhase.FAILED);
    assertThat(condition(failed, "Degraded")).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("TrainingFailed");
    });
    assertThat(failed.getStatus().getRetriesUsed()).isEqualTo(1);
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
        client.batch().v1().jobs().inNamespace(ns.name()).withName("flaky-train-g1-a3").get() == null);
  }

  @Test
  @Order(6)
  void suspendDeletesTheRunningJobAndResumingStartsTheNextAttempt(KubernetesClient client, TestNamespace ns) {
    create(client, ns, "paused", spec -> spec.getBackend().getJob().setNodeSelector(Map.of(HOLD_LABEL, "nowhere")));
    awaitChild(client.batch().v1().jobs().inNamespace(ns.name()).withName("paused-train-g1-a1"));
    patchSpec(client, ns, "paused", "{\"suspend\":true}");
    await().atMost(TIMEOUT).until(() -> client.batch().v1().jobs().inNamespace(ns.name()).withName("paused-train-g1-a1").get() == null);
    Policy suspended = awaitPolicy(client, ns, "paused", p -> p.getStatus().getPhase() == PolicyPhase.SUSPENDED);
    assertThat(condition(suspended, "Training").getReason()).isEqualTo("Suspended");

    patchSpec(client, ns, "paused", "{\"suspend\":false}");
    awaitChild(client.batch().v1().jobs().inNamespace(ns.name()).withName("paused-train-g1-a2"));
    Policy resumed = awaitPolicy(client, ns, "paused", p -> p.getStatus().getPhase() == PolicyPhase.TRAINING);
    assertThat(resumed.getStatus().getAttempt()).isEqualTo(2);
    assertThat(resumed.getStatus().getRetriesUsed()).as("a suspend is not a failure").isZero();
  }

  @Test
  @Order(7)
  void aFinishedJobGoesAfterItsTtlAndIsNotStartedAgain(KubernetesClient client, TestNamespace ns) {
    create(client, ns, "short", spec -> spec.setTtlSecondsAfterFinished(2));
    awaitPolicy(client, ns, "short", p -> p.getStatus().getCompletionTime() != null);
    await().atMost(TIMEOUT).until(() -> client.batch().v1().jobs().inNamespace(ns.name()).withName("short-train-g1-a1").get() == null);
    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> client.batch().v1().jobs()
        .inNamespace(ns.name()).withLabel("app.kubernetes.io/instance", "short").list().getItems().isEmpty());
    assertThat(policy(client, ns, "short").getStatus().getPhase()).isEqualTo(PolicyPhase.EVALUATING);
  }

  @Test
  @Order(8)
  void aRunWhoseRewardRegressedRewindsToItsBestCheckpointWithoutSpendingARetry(KubernetesClient client,
      TestNamespace ns) {
    create(client, ns, "wobbly", spec -> spec.getBackend().getJob().setNodeSelector(Map.of(HOLD_LABEL, "nowhere")));
    awaitChild(client.batch().v1().jobs().inNamespace(ns.name()).withName("wobbly-train-g1-a1"));
    trainerApply(client, ns, "wobbly", Map.of(
        "progress", Map.of("step", 34_000, "totalSteps", 200_000, "meanReward", 120.0,
            "lastUpdateTime", java.time.Instant.now().toString()),
        "latestCheckpoint", "g1-s0000030000",
        "checkpoints", List.of(Map.of("id", "g1-s0000020000", "step", 20_000, "meanReward", 430.0),
            Map.of("id", "g1-s0000030000", "step", 30_000, "meanReward", 210.0))));

    Job rewinding = awaitChild(client.batch().v1().jobs().inNamespace(ns.name()).withName("wobbly-train-g1-a2"));
    assertThat(env(rewinding.getSpec().getTemplate().getSpec().getContainers().get(0)))
        .containsEntry("AUTONOMY_RESUME_FROM", "g1-s0000020000");
    await().atMost(TIMEOUT).until(() -> client.batch().v1().jobs().inNamespace(ns.name()).withName("wobbly-train-g1-a1")
        .get() == null);
    Policy rewound = awaitPolicy(client, ns, "wobbly", p -> Integer.valueOf(2).equals(p.getStatus().getAttempt()));
    assertThat(rewound.getStatus().getRetriesUsed()).as("a rewind is not a failure").isIn(null, 0);
    assertThat(rewound.getStatus().getHealing().getEntries()).last().satisfies(e -> {
      assertThat(e.getSymptom()).isEqualTo("REWARD_REGRESSED run/g1");
      assertThat(e.getAction()).isIn("resume-from-checkpoint", "lower-learning-rate");
      assertThat(e.getMessage()).contains("dry run accepted");
    });
    assertThat(events(client, ns, "wobbly")).extracting(Event::getReason).contains("RemediationApplied");
    assertThat(rewound.getStatus().getCheckpoints()).as("the trainer's fields are untouched").hasSize(2);
  }

  // --- helpers ---

  /** What the trainer does: server-side apply of its status fields under its own field manager. */
  private static void trainerApply(KubernetesClient client, TestNamespace ns, String name, Map<String, Object> status) {
    Map<String, Object> body = Map.of("apiVersion", "autonomy.dev/v1alpha1", "kind", "Policy",
        "metadata", Map.of("name", name, "namespace", ns.name()), "status", status);
    client.resources(Policy.class).inNamespace(ns.name()).withName(name).subresource("status")
        .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager(TRAINER)
            .withForce(true).build(), Serialization.asJson(body));
  }

  /**
   * Fails the attempt's pod the way kwok's chaos stage does (exit code 3, "loss is NaN"): the pod
   * waits unscheduled (its nodeSelector names {@link #HOLD_LABEL}) until it carries the chaos
   * label; then a node gets the label until the pod is bound, so the next attempt's pod waits too.
   */
  private static void failNextPod(KubernetesClient client, TestNamespace ns, String job) {
    Pod pod = awaitPod(client, ns, job, p -> true);
    client.pods().inNamespace(ns.name()).withName(pod.getMetadata().getName()).patch(PatchContext.of(PatchType.JSON_MERGE),
        Serialization.asJson(Map.of("metadata", Map.of("labels", Map.of(FAIL_STAGE, "true"), "annotations", Map.of(
            FAIL_STAGE + "/exit-code", "3", FAIL_STAGE + "/reason", "Error", FAIL_STAGE + "/message", "loss is NaN")))));
    holdLabel(client, ns.name());
    try {
      awaitPod(client, ns, job, p -> p.getSpec().getNodeName() != null);
    } finally {
      holdLabel(client, null);
    }
    awaitPod(client, ns, job, p -> p.getStatus() != null && "Failed".equals(p.getStatus().getPhase()));
  }

  /** Puts {@link #HOLD_LABEL} on kwok-node-0 (value null: removes it). */
  private static void holdLabel(KubernetesClient client, String value) {
    client.nodes().withName("kwok-node-0").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"" + HOLD_LABEL + "\":" + (value == null ? "null" : "\"" + value + "\"") + "}}}");
  }

  /** A merge patch of the spec: no resourceVersion, so no conflict with the operator's own writes. */
  private static Policy patchSpec(KubernetesClient client, TestNamespace ns, String name, String spec) {
    return client.resources(Policy.class).inNamespace(ns.name()).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":" + spec + "}");
  }

  private static void create(KubernetesClient client, TestNamespace ns, String name, Consumer<PolicySpec> change) {
    Policy policy = client.resources(Policy.class).load(TestGround.repoRoot().resolve("examples/policy.yaml").toFile()).item();
    policy.getMetadata().setName(name);
    policy.getSpec().getServing().setEnabled(false);
    policy.getSpec().setTtlSecondsAfterFinished(null);
    change.accept(policy.getSpec());
    client.resource(policy).inNamespace(ns.name()).create();
  }

  private static Policy policy(KubernetesClient client, TestNamespace ns, String name) {
    return client.resources(Policy.class).inNamespace(ns.name()).withName(name).get();
  }

  private static Policy awaitPolicy(KubernetesClient client, TestNamespace ns, String name, Predicate<Policy> until) {
    try {
      await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
        Policy p = policy(client, ns, name);
        return p != null && p.getStatus() != null && until.test(p);
      });
    } catch (ConditionTimeoutException e) {
      Policy p = policy(client, ns, name);
      throw new AssertionError("Policy " + name + " status:\n" + Serialization.asYaml(p == null ? null : p.getStatus())
          + "\nEvents: " + events(client, ns, name).stream().map(ev -> ev.getReason() + ": " + ev.getMessage()).toList(), e);
    }
    return policy(client, ns, name);
  }

  private static Pod awaitPod(KubernetesClient client, TestNamespace ns, String job, Predicate<Pod> until) {
    await().atMost(TIMEOUT).ignoreExceptions().until(() -> client.pods().inNamespace(ns.name())
        .withLabel("batch.kubernetes.io/job-name", job).list().getItems().stream().anyMatch(until));
    return client.pods().inNamespace(ns.name()).withLabel("batch.kubernetes.io/job-name", job).list().getItems().stream()
        .filter(until).findFirst().orElseThrow();
  }

  private static <T extends HasMetadata> T awaitChild(Resource<T> resource) {
    await().atMost(TIMEOUT).until(() -> resource.get() != null);
    return resource.get();
  }

  private static void assertOwned(HasMetadata child) {
    assertThat(child.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getKind()).isEqualTo("Policy");
      assertThat(o.getName()).isEqualTo(EXAMPLE);
    });
    assertThat(child.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", EXAMPLE)
        .containsEntry("app.kubernetes.io/managed-by", "autonomy-operator");
  }

  private static Map<String, String> env(Container c) {
    return c.getEnv().stream().filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  private static Condition condition(Policy policy, String type) {
    return Optional.ofNullable(policy.getStatus().getConditions()).orElse(List.of()).stream()
        .filter(c -> type.equals(c.getType())).findFirst().orElse(new Condition());
  }

  private static List<Event> events(KubernetesClient client, TestNamespace ns, String name) {
    return client.v1().events().inNamespace(ns.name()).withField("involvedObject.name", name).list().getItems();
  }
}
