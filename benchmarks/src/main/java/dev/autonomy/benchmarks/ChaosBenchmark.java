package dev.autonomy.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.common.HealingEntry;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.testsupport.Crds;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestClusters;
import dev.autonomy.testsupport.TestGround;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The chaos suite: faults injected one at a time into the examples (and one Agent per pod fault)
 * run by the packaged operator on the test ground, through kwok stages and API actions, each bounded
 * in time. Per fault: was it healed, how long from the fault being visible to the remediation being
 * applied (healing entry, or the child back), and to healthy again (the owner Ready).
 */
public final class ChaosBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long FAULT_TIMEOUT_MS = 120_000;
  private static final String CHAOS = "autonomy.dev/chaos";
  private static final String COOLDOWN = "5s";
  /** The operator's training stall time in this suite (10 min by default). */
  private static final int STALL_AFTER_S = 15;
  private static final String TRAIN = "chaos-train";
  /** A node label no node has: training pods wait unscheduled until a fault is injected. */
  private static final String HOLD_LABEL = "autonomy.dev/chaos-hold";
  private static final String NODE_NOT_READY = "node-not-ready.stage.kwok.x-k8s.io";
  private static final String FAIL_STAGE = "pod-container-running-failed.stage.kwok.x-k8s.io";

  record Row(String kind, boolean healed, Double remediationMs, Double healthySeconds, String action, String note) {}

  private final KubernetesClient client;
  private final String ns;

  private ChaosBenchmark(KubernetesClient client, String ns) {
    this.client = client;
    this.ns = ns;
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 1 && args[0].equals("--out") ? args[1] : "benchmarks/results/chaos.json");
    TestCluster cluster = TestClusters.get();
    Config config = Config.fromKubeconfig(cluster.kubeconfig());
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      Crds.install(client);
      String ns = "bench-chaos-" + Long.toString(System.nanoTime() % 1_000_000, 36);
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
      Map<String, String> env = Map.of("AUTONOMY_LEADER_ELECTION_LEASE_NAMESPACE", ns, "QUARKUS_OPERATOR_SDK_NAMESPACES", ns,
          "AUTONOMY_HEALING_TRAINING_STALL_AFTER", "PT" + STALL_AFTER_S + "S");
      OperatorProcess[] operator = {OperatorProcess.start(OperatorProcess.defaultJar(), cluster, List.of(), env)};
      try {
        TestGround.run(60, "kubectl", "apply", "-n", ns, "-f", TestGround.repoRoot().resolve("examples").toString());
        ChaosBenchmark bench = new ChaosBenchmark(client, ns);
        List<String> agents = List.of("crash", "oom", "pull", "badchange", "node", "model", "killed");
        agents.forEach(bench::createAgent);
        agents.forEach(a -> bench.await("Agent " + a + " Ready", () -> bench.agentReady(a)));
        bench.await("MemoryStore Ready", bench::storeReady);
        // The example as applied, but with the chaos suite's short cooldown (as its Agents and Policy).
        client.resources(MemoryStore.class).inNamespace(ns).withName("agent-memory").edit(m -> {
          m.getSpec().getHealing().setCooldown(COOLDOWN);
          return m;
        });
        bench.createPolicy();
        List<Row> rows = new ArrayList<>();
        rows.add(bench.podFault("container-crash-loop", "crash", Map.of(CHAOS, "crash-loop"), Map.of()));
        rows.add(bench.podFault("oom-killed", "oom", Map.of(CHAOS, "crash-loop"),
            Map.of("autonomy.dev/chaos-reason", "OOMKilled", "autonomy.dev/chaos-exit-code", "137")));
        rows.add(bench.badChange("image-pull-failure-after-change", "pull", "chaos.invalid/planner:missing"));
        rows.add(bench.badChange("crash-loop-after-bad-change", "badchange", "chaos.invalid/planner:crash-loop"));
        rows.add(bench.trainingPodFails("job-failure-mid-training", 1, 1, "resume-from-checkpoint"));
        rows.add(bench.trainingPodFails("nan-loss", 2, 3, "lower-learning-rate"));
        rows.add(bench.rewardRegression(3));
        rows.add(bench.trainingStalled(4));
        rows.add(bench.nodeNotReady("node"));
        rows.add(bench.memoryReplicaLost());
        rows.add(bench.modelEndpointErrors("model"));
        rows.add(bench.deleted("deleted-deployment", "apps/v1", "Deployment", "sre-assistant-planner", bench::sreReady));
        rows.add(bench.deleted("deleted-service", "v1", "Service", "sre-assistant-planner", bench::sreReady));
        rows.add(bench.deleted("deleted-configmap", "v1", "ConfigMap", "sre-assistant-planner-config", bench::sreReady));
        rows.add(bench.deleted("deleted-serviceaccount", "v1", "ServiceAccount", "sre-assistant-planner", bench::sreReady));
        rows.add(bench.deleted("deleted-role", "rbac.authorization.k8s.io/v1", "Role", "sre-assistant-planner", bench::sreReady));
        rows.add(bench.deleted("deleted-statefulset", "apps/v1", "StatefulSet", "agent-memory", bench::storeReady));
        rows.add(bench.deleted("deleted-secret", "v1", "Secret", "agent-memory-connection", bench::storeReady));
        // Operator killed mid-run: a fault lands while no operator runs; the next one heals it.
        ProcessHandle.of(operator[0].pid()).ifPresent(ProcessHandle::destroyForcibly);
        rows.add(bench.podFaultDuring("operator-killed", "killed", () -> {
          operator[0] = OperatorProcess.start(OperatorProcess.defaultJar(), cluster, List.of(), env);
        }));
        java.util.stream.Stream<HealingStatus> knowledge = java.util.stream.Stream.concat(agents.stream()
            .map(a -> client.resources(Agent.class).inNamespace(ns).withName(a).get().getStatus().getHealing()),
            java.util.stream.Stream.of(bench.policy().getStatus().getHealing()));
        long rejections = knowledge.filter(Objects::nonNull).flatMap(h -> h.getEntries() == null
            ? java.util.stream.Stream.empty() : h.getEntries().stream())
            .filter(e -> e.getOutcome() == dev.autonomy.api.v1alpha1.common.HealingOutcome.DRY_RUN_REJECTED).count();
        write(out, rows, ns, rejections);
      } finally {
        // Delete while an operator runs: the Policy's finalizer is released by it, not left hanging.
        client.namespaces().withName(ns).delete();
        awaitInstant(() -> client.namespaces().withName(ns).get() == null);
        operator[0].close();
      }
    }
  }

  private void createAgent(String name) {
    Agent agent = client.resources(Agent.class).load(TestGround.repoRoot().resolve("examples/agent.yaml").toFile()).item();
    agent.getMetadata().setName(name);
    agent.getSpec().getHealing().setCooldown(COOLDOWN);
    agent.getSpec().getModel().getFallback().setModelName("smollm2-small");
    client.resource(agent).inNamespace(ns).create();
  }

  /** The example Policy, its attempts' pods held unscheduled until a fault is injected into them. */
  private void createPolicy() {
    Policy policy = client.resources(Policy.class).load(TestGround.repoRoot().resolve("examples/policy.yaml").toFile())
        .item();
    policy.getMetadata().setName(TRAIN);
    policy.getSpec().getServing().setEnabled(false);
    policy.getSpec().setTtlSecondsAfterFinished(null);
    policy.getSpec().getTraining().setBackoffLimit(5);
    policy.getSpec().getHealing().setCooldown(COOLDOWN);
    policy.getSpec().getBackend().getJob().setNodeSelector(Map.of(HOLD_LABEL, ns));
    client.resource(policy).inNamespace(ns).create();
  }

  private Policy policy() {
    return client.resources(Policy.class).inNamespace(ns).withName(TRAIN).get();
  }

  /**
   * A bad spec change: the Agent's image becomes one whose new pods fail (kwok stage by image) →
   * the operator rolls the children back to the last stable spec (the spec keeps the bad image).
   */
  private Row badChange(String kind, String agent, String image) {
    awaitAgentQuiet(agent);
    await("Agent " + agent + " stable", () -> {
      Agent a = client.resources(Agent.class).inNamespace(ns).withName(agent).get();
      return a.getStatus().getHealing() != null
          && a.getMetadata().getGeneration().equals(a.getStatus().getHealing().getLastStableGeneration());
    });
    String deployment = agent + "-planner";
    String good = image(deployment);
    client.resources(Agent.class).inNamespace(ns).withName(agent).edit(a -> {
      a.getSpec().setImage(image);
      return a;
    });
    Instant visible = awaitInstant(() -> client.pods().inNamespace(ns).withLabel("app.kubernetes.io/instance", agent)
        .list().getItems().stream().anyMatch(p -> image.equals(p.getSpec().getContainers().get(0).getImage())
            && failing(p)));
    Optional<HealingEntry> entry = poll(() -> latestEntry(agent).filter(e -> "rollback".equals(e.getAction())));
    Optional<Instant> healthy = poll(() -> good.equals(image(deployment)) && agentReady(agent)
        && client.pods().inNamespace(ns).withLabel("app.kubernetes.io/instance", agent).list().getItems().stream()
            .noneMatch(p -> image.equals(p.getSpec().getContainers().get(0).getImage())) ? Optional.of(Instant.now())
            : Optional.empty());
    log("%s: visible %s, remediation %s, healthy %s", kind, visible, entry.map(HealingEntry::getAction).orElse("none"),
        healthy.isPresent());
    return new Row(kind, healthy.isPresent(), millis(visible, entry), seconds(visible, healthy),
        entry.map(HealingEntry::getAction).orElse(null), "spec.image " + image + "; the spec keeps it, the children roll back");
  }

  private String image(String deployment) {
    return client.apps().deployments().inNamespace(ns).withName(deployment).get().getSpec().getTemplate().getSpec()
        .getContainers().get(0).getImage();
  }

  /**
   * The attempt's pod fails with the trainer's exit code (kwok's failure stage): 1 is a crash, 3 a
   * NaN loss → the next attempt (resumed from the checkpoint; after NaN with half the learning rate).
   */
  private Row trainingPodFails(String kind, int attempt, int exitCode, String expected) {
    awaitHealingQuiet();
    String job = TRAIN + "-train-g1-a" + attempt;
    Pod pod = poll(() -> client.pods().inNamespace(ns).withLabel("batch.kubernetes.io/job-name", job).list().getItems()
        .stream().findFirst()).orElseThrow(() -> new IllegalStateException("no pod of Job " + job));
    client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).edit(p -> {
      p.getMetadata().getLabels().put(FAIL_STAGE, "true");
      p.getMetadata().getAnnotations().putAll(Map.of(FAIL_STAGE + "/exit-code", String.valueOf(exitCode),
          FAIL_STAGE + "/reason", "Error", FAIL_STAGE + "/message", exitCode == 3 ? "loss is NaN" : "trainer crashed"));
      return p;
    });
    holdLabel(ns);
    try {
      poll(() -> Optional.ofNullable(client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).get())
          .filter(p -> p.getSpec().getNodeName() != null));
    } finally {
      holdLabel(null);
    }
    // The operator watches Jobs: the fault is visible to it once the Job controller marks the Job Failed.
    Instant visible = awaitInstant(() -> {
      var j = client.batch().v1().jobs().inNamespace(ns).withName(job).get();
      return j != null && j.getStatus() != null && j.getStatus().getConditions() != null && j.getStatus().getConditions()
          .stream().anyMatch(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()));
    });
    String nextJob = TRAIN + "-train-g1-a" + (attempt + 1);
    Optional<HealingEntry> entry = poll(() -> policyEntry(nextJob, expected));
    Optional<Instant> healthy = poll(() -> client.batch().v1().jobs().inNamespace(ns).withName(nextJob).get() != null
        ? Optional.of(Instant.now()) : Optional.empty());
    log("%s: visible %s, remediation %s, next attempt %s", kind, visible, entry.map(HealingEntry::getAction).orElse("none"),
        healthy.isPresent());
    return new Row(kind, healthy.isPresent() && entry.isPresent(), millis(visible, entry), seconds(visible, healthy),
        entry.map(HealingEntry::getAction).orElse(null), "exit code " + exitCode + "; visible = the Job marked Failed; healthy = the next attempt's Job exists");
  }

  /** The trainer reports a mean reward far below its best checkpoint → the run rewinds to that checkpoint. */
  private Row rewardRegression(int attempt) {
    awaitHealingQuiet();
    Instant at = Instant.now();
    Map<String, Object> status = Map.of(
        "progress", Map.of("step", 34_000, "totalSteps", 100_000, "meanReward", 120.0, "lastUpdateTime", at.toString()),
        "latestCheckpoint", "g1-s0000030000",
        "checkpoints", List.of(Map.of("id", "g1-s0000020000", "step", 20_000, "meanReward", 430.0),
            Map.of("id", "g1-s0000030000", "step", 30_000, "meanReward", 210.0)));
    Map<String, Object> body = Map.of("apiVersion", "autonomy.dev/v1alpha1", "kind", "Policy",
        "metadata", Map.of("name", TRAIN, "namespace", ns), "status", status);
    client.resources(Policy.class).inNamespace(ns).withName(TRAIN).subresource("status")
        .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager("autonomy-trainer")
            .withForce(true).build(), io.fabric8.kubernetes.client.utils.Serialization.asJson(body));
    String nextJob = TRAIN + "-train-g1-a" + (attempt + 1);
    Optional<HealingEntry> entry = poll(() -> Optional.ofNullable(policy().getStatus().getHealing())
        .map(HealingStatus::getEntries).flatMap(e -> e.stream().filter(x -> x.getSymptom().startsWith("REWARD_REGRESSED"))
            .findFirst()));
    Optional<Instant> healthy = poll(() -> {
      var job = client.batch().v1().jobs().inNamespace(ns).withName(nextJob).get();
      return job != null && job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
          .anyMatch(e -> "AUTONOMY_RESUME_FROM".equals(e.getName()) && "g1-s0000020000".equals(e.getValue()))
          ? Optional.of(Instant.now()) : Optional.empty();
    });
    log("reward-regression: remediation %s, rewound %s", entry.map(HealingEntry::getAction).orElse("none"),
        healthy.isPresent());
    return new Row("reward-regression", healthy.isPresent() && entry.isPresent(), millis(at, entry), seconds(at, healthy),
        entry.map(HealingEntry::getAction).orElse(null), "healthy = the next attempt resumes from the best checkpoint");
  }

  /**
   * The attempt's trainer runs but never reports (kwok never completes its pod) → after the stall
   * time the run restarts from its newest checkpoint as the next attempt.
   */
  private Row trainingStalled(int attempt) {
    awaitHealingQuiet();
    String job = TRAIN + "-train-g1-a" + attempt;
    Pod pod = poll(() -> client.pods().inNamespace(ns).withLabel("batch.kubernetes.io/job-name", job).list().getItems()
        .stream().findFirst()).orElseThrow(() -> new IllegalStateException("no pod of Job " + job));
    client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).edit(p -> {
      // kwok completes a Job's running pod after this delay: far beyond the suite.
      p.getMetadata().getAnnotations().put("pod-complete.stage.kwok.x-k8s.io/delay", "10m");
      p.getMetadata().getAnnotations().put("pod-complete.stage.kwok.x-k8s.io/jitter-delay", "10m");
      return p;
    });
    holdLabel(ns);
    Optional<Instant> started;
    try {
      started = poll(() -> Optional.ofNullable(client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).get())
          .flatMap(p -> p.getStatus().getContainerStatuses() == null ? Optional.empty() : p.getStatus()
              .getContainerStatuses().stream().filter(c -> c.getState().getRunning() != null)
              .map(c -> Instant.parse(c.getState().getRunning().getStartedAt())).findFirst()));
    } finally {
      holdLabel(null);
    }
    Instant visible = started.map(s -> s.plusSeconds(STALL_AFTER_S)).orElse(null);
    String nextJob = TRAIN + "-train-g1-a" + (attempt + 1);
    Optional<HealingEntry> entry = poll(() -> Optional.ofNullable(policy().getStatus().getHealing())
        .map(HealingStatus::getEntries).flatMap(e -> e.stream().filter(x -> x.getSymptom().startsWith("TRAINING_STALLED"))
            .findFirst()));
    Optional<Instant> healthy = poll(() -> client.batch().v1().jobs().inNamespace(ns).withName(nextJob).get() != null
        ? Optional.of(Instant.now()) : Optional.empty());
    log("training-stalled: running since %s, remediation %s, next attempt %s", started.orElse(null),
        entry.map(HealingEntry::getAction).orElse("none"), healthy.isPresent());
    return new Row("training-stalled", healthy.isPresent() && entry.isPresent(), millis(visible, entry),
        seconds(visible, healthy), entry.map(HealingEntry::getAction).orElse(null), "no progress report for "
            + STALL_AFTER_S + " s (AUTONOMY_HEALING_TRAINING_STALL_AFTER; 10 min by default); visible = the trainer's "
            + "start + that; healthy = the next attempt's Job exists");
  }

  /** Faults are spaced: the Policy's last remediation is concluded and its cooldown over. */
  private void awaitHealingQuiet() {
    await("the Policy's healing to be quiet", () -> quiet(policy().getStatus() == null ? null
        : policy().getStatus().getHealing()));
  }

  /** The same for an Agent (a node fault elsewhere may have moved its pods a moment ago). */
  private void awaitAgentQuiet(String agent) {
    await("Agent " + agent + "'s healing to be quiet", () -> {
      Agent a = client.resources(Agent.class).inNamespace(ns).withName(agent).get();
      return agentReady(agent) && quiet(a.getStatus() == null ? null : a.getStatus().getHealing());
    });
  }

  private static boolean quiet(HealingStatus k) {
    boolean pending = k != null && k.getEntries() != null && k.getEntries().stream()
        .anyMatch(e -> e.getOutcome() == dev.autonomy.api.v1alpha1.common.HealingOutcome.IN_PROGRESS);
    return !pending && (k == null || k.getCooldownUntil() == null || Instant.now().isAfter(Instant.parse(k.getCooldownUntil())));
  }

  private Optional<HealingEntry> policyEntry(String nextJob, String action) {
    Policy p = policy();
    if (p.getStatus() == null || p.getStatus().getHealing() == null || p.getStatus().getHealing().getEntries() == null) {
      return Optional.empty();
    }
    List<HealingEntry> entries = p.getStatus().getHealing().getEntries();
    HealingEntry last = entries.get(entries.size() - 1);
    return action.equals(last.getAction()) && nextJob.equals(p.getStatus().getTrainingJobName()) ? Optional.of(last)
        : Optional.empty();
  }

  /** Puts {@link #HOLD_LABEL} on kwok-node-0 (null: removes it), so a held training pod can be scheduled. */
  private void holdLabel(String value) {
    client.nodes().withName("kwok-node-0").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"" + HOLD_LABEL + "\":" + (value == null ? "null" : "\"" + value + "\"") + "}}}");
  }

  private static Double millis(Instant from, Optional<HealingEntry> entry) {
    return from == null || entry.isEmpty() ? null
        : (double) Math.max(0, Instant.parse(entry.get().getTime()).toEpochMilli() - from.toEpochMilli());
  }

  private Row podFault(String kind, String agent, Map<String, String> labels, Map<String, String> annotations) {
    awaitAgentQuiet(agent);
    Pod pod = runningPod(agent);
    client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).edit(p -> {
      p.getMetadata().getLabels().putAll(labels);
      p.getMetadata().getAnnotations().putAll(annotations);
      return p;
    });
    return awaitPodHealing(kind, agent, pod, "");
  }

  private Row podFaultDuring(String kind, String agent, Runnable restart) {
    Pod pod = runningPod(agent);
    client.pods().inNamespace(ns).withName(pod.getMetadata().getName())
        .edit(p -> { p.getMetadata().getLabels().put(CHAOS, "crash-loop"); return p; });
    Instant injected = Instant.now();
    restart.run();
    Row row = awaitPodHealing(kind, agent, pod, "");
    // The fault can only be observed once the new operator leads: remediation time counts from then.
    Optional<Instant> leading = Optional.ofNullable(client.leases().inNamespace(ns).withName("autonomy-operator-lease")
        .get()).map(l -> l.getSpec().getAcquireTime()).map(t -> t.toInstant());
    Optional<HealingEntry> entry = latestEntry(agent);
    Double afterLeading = entry.isPresent() && leading.isPresent() ? (double) Math.max(0,
        Instant.parse(entry.get().getTime()).toEpochMilli() - leading.get().toEpochMilli()) : null;
    return new Row(kind, row.healed(), afterLeading, row.healthySeconds(), row.action(), "injected while no operator ran; "
        + "the new leader took the Lease " + leading.map(l -> (l.toEpochMilli() - injected.toEpochMilli()) + " ms")
        .orElse("?") + " after the injection; remediation counted from then");
  }

  /** Fault visible (pod status) → remediation (healing entry time) → Agent Ready with the pod gone. */
  private Row awaitPodHealing(String kind, String agent, Pod pod, String note) {
    String name = pod.getMetadata().getName();
    Instant visible = awaitInstant(() -> faulty(client.pods().inNamespace(ns).withName(name).get()));
    Optional<HealingEntry> entry = poll(() -> latestEntry(agent).filter(e -> e.getSymptom().endsWith("pod/" + name)));
    Optional<Instant> healthy = poll(() -> client.pods().inNamespace(ns).withName(name).get() == null
        && agentReady(agent) ? Optional.of(Instant.now()) : Optional.empty());
    Double remediationMs = entry.isPresent() && visible != null
        ? (double) Math.max(0, Instant.parse(entry.get().getTime()).toEpochMilli() - visible.toEpochMilli()) : null;
    log("%s: visible %s, remediation %s, healthy %s", kind, visible, entry.map(HealingEntry::getAction).orElse("none"),
        healthy.isPresent());
    return new Row(kind, healthy.isPresent(), remediationMs, seconds(visible, healthy), entry.map(HealingEntry::getAction)
        .orElse(null), note);
  }

  /** The planner's node turns NotReady (kwok stage) → the pod is moved (deleted; its Deployment places it elsewhere). */
  private Row nodeNotReady(String agent) {
    awaitAgentQuiet(agent);
    Pod pod = runningPod(agent);
    String node = pod.getSpec().getNodeName();
    String name = pod.getMetadata().getName();
    notReady(node, true);
    try {
      Instant visible = awaitInstant(() -> !nodeReady(node));
      Optional<HealingEntry> entry = poll(() -> latestEntry(agent).filter(e -> e.getSymptom().endsWith("pod/" + name)));
      Optional<Instant> healthy = poll(() -> client.pods().inNamespace(ns).withName(name).get() == null
          && agentReady(agent) ? Optional.of(Instant.now()) : Optional.empty());
      log("node-not-ready: visible %s, remediation %s, healthy %s", visible, entry.map(HealingEntry::getAction)
          .orElse("none"), healthy.isPresent());
      return new Row("node-not-ready", healthy.isPresent() && entry.isPresent(), millis(visible, entry),
          seconds(visible, healthy), entry.map(HealingEntry::getAction).orElse(null), "node " + node);
    } finally {
      notReady(node, false);
      await("node " + node + " Ready again", () -> nodeReady(node));
    }
  }

  /**
   * The planners' readiness probe reports the primary model failing with HTTP 503 while the fallback
   * answers (written as the planners write it: key model-health.json of the outcomes ConfigMap) →
   * the planners are switched to the fallback; three answers of the primary switch them back.
   */
  private Row modelEndpointErrors(String agent) {
    awaitAgentQuiet(agent);
    String fallback = client.resources(Agent.class).inNamespace(ns).withName(agent).get().getSpec().getModel()
        .getFallback().getModelName();
    String configHash = configHash(agent);
    Instant at = Instant.now();
    modelHealth(agent, 3, 0, true, 5);
    Optional<HealingEntry> entry = poll(() -> latestEntry(agent).filter(e -> "switch-to-fallback-model".equals(e.getAction())));
    Optional<Instant> healthy = poll(() -> {
      Agent a = client.resources(Agent.class).inNamespace(ns).withName(agent).get();
      return fallback.equals(a.getStatus().getActiveModel()) && !configHash.equals(configHash(agent)) && agentReady(agent)
          ? Optional.of(Instant.now()) : Optional.empty();
    });
    // The switched planners' fallback is the original primary: it answers again.
    modelHealth(agent, 0, 3, true, 3);
    Optional<Instant> restored = poll(() -> client.resources(Agent.class).inNamespace(ns).withName(agent).get()
        .getStatus().getActiveModel().equals("smollm2") ? Optional.of(Instant.now()) : Optional.empty());
    log("model-endpoint-5xx: remediation %s, on the fallback %s, restored %s", entry.map(HealingEntry::getAction)
        .orElse("none"), healthy.isPresent(), restored.isPresent());
    return new Row("model-endpoint-5xx", healthy.isPresent() && restored.isPresent(), millis(at, entry),
        seconds(at, healthy), entry.map(HealingEntry::getAction).orElse(null),
        "planner reports written by the harness (kwok runs no planner); restored to the primary "
            + restored.map(r -> (r.toEpochMilli() - at.toEpochMilli()) / 1000.0 + " s").orElse("never") + " after the fault");
  }

  /** Writes the model health as the planners' probe does (roles as the planners see them). */
  private void modelHealth(String agent, int primaryFailures, int primarySuccesses, boolean fallbackAnswers,
      int fallbackSuccesses) {
    String json = String.format("{\"checkedAt\":\"%s\",\"endpoints\":[{\"role\":\"primary\",\"model\":\"p\","
        + "\"answers\":%s,\"consecutiveFailures\":%d,\"consecutiveSuccesses\":%d,\"lastError\":\"HTTP 503 Service "
        + "Unavailable\"},{\"role\":\"fallback\",\"model\":\"f\",\"answers\":%s,\"consecutiveFailures\":0,"
        + "\"consecutiveSuccesses\":%d,\"lastError\":null}]}", Instant.now(), primaryFailures == 0, primaryFailures,
        primarySuccesses, fallbackAnswers, fallbackSuccesses);
    client.configMaps().inNamespace(ns).withName(agent + "-planner-outcomes").edit(cm -> {
      cm.getData().put("model-health.json", json);
      return cm;
    });
  }

  private String configHash(String agent) {
    return client.apps().deployments().inNamespace(ns).withName(agent + "-planner").get().getSpec().getTemplate()
        .getMetadata().getAnnotations().get("autonomy.dev/config-hash");
  }

  /** The store's replica is on a node that turns NotReady → force-deleted, recreated on a Ready node, store Ready. */
  private Row memoryReplicaLost() {
    await("the MemoryStore's healing to be quiet", () -> storeReady() && quiet(store().getStatus().getHealing()));
    Pod pod = poll(() -> Optional.ofNullable(client.pods().inNamespace(ns).withName("agent-memory-0").get())
        .filter(p -> "Running".equals(p.getStatus().getPhase()))).orElseThrow();
    String node = pod.getSpec().getNodeName();
    String uid = pod.getMetadata().getUid();
    Instant injected = Instant.now();
    notReady(node, true);
    try {
      Instant visible = awaitInstant(() -> !nodeReady(node));
      Optional<HealingEntry> entry = poll(() -> Optional.ofNullable(store().getStatus().getHealing())
          .map(HealingStatus::getEntries).flatMap(e -> e.stream().filter(x -> x.getSymptom()
              .equals("MEMORY_REPLICA_LOST pod/agent-memory-0") && !Instant.parse(x.getTime()).isBefore(injected))
              .findFirst()));
      Optional<Instant> healthy = poll(() -> {
        Pod now = client.pods().inNamespace(ns).withName("agent-memory-0").get();
        return now != null && !uid.equals(now.getMetadata().getUid()) && !node.equals(now.getSpec().getNodeName())
            && storeReady() ? Optional.of(Instant.now()) : Optional.empty();
      });
      log("memory-replica-lost: visible %s, remediation %s, healthy %s", visible,
          entry.map(HealingEntry::getAction).orElse("none"), healthy.isPresent());
      return new Row("memory-replica-lost", healthy.isPresent(), millis(visible, entry), seconds(visible, healthy),
          entry.map(HealingEntry::getAction).orElse(null), "node " + node + "; healthy = the replica runs on another node");
    } finally {
      notReady(node, false);
      await("node " + node + " Ready again", () -> nodeReady(node));
    }
  }

  /** kwok's node-not-ready stage on (the node's Ready condition goes False) or off. */
  private void notReady(String node, boolean on) {
    client.nodes().withName(node).patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"" + NODE_NOT_READY + "\":" + (on ? "\"true\"" : "null") + "}}}");
  }

  private boolean nodeReady(String node) {
    return client.nodes().withName(node).get().getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Child deleted → the operator recreates it (new uid) → the owner is Ready. */
  private Row deleted(String kind, String apiVersion, String k, String name, Supplier<Boolean> ownerReady) {
    HasMetadata before = client.genericKubernetesResources(apiVersion, k).inNamespace(ns).withName(name).get();
    if (before == null) {
      return new Row(kind, false, null, null, null, k + " " + name + " does not exist");
    }
    String uid = before.getMetadata().getUid();
    client.genericKubernetesResources(apiVersion, k).inNamespace(ns).withName(name).withGracePeriod(0).delete();
    Instant deleted = Instant.now();
    Optional<Instant> back = poll(() -> {
      HasMetadata now = client.genericKubernetesResources(apiVersion, k).inNamespace(ns).withName(name).get();
      return now != null && !uid.equals(now.getMetadata().getUid()) ? Optional.of(Instant.now()) : Optional.empty();
    });
    Optional<Instant> healthy = back.isEmpty() ? Optional.empty()
        : poll(() -> ownerReady.get() ? Optional.of(Instant.now()) : Optional.empty());
    log("%s: recreated %s, healthy %s", kind, back.isPresent(), healthy.isPresent());
    return new Row(kind, healthy.isPresent(), back.map(b -> (double) (b.toEpochMilli() - deleted.toEpochMilli())).orElse(null),
        seconds(deleted, healthy), "recreate-children", "");
  }

  private Pod runningPod(String agent) {
    return poll(() -> client.pods().inNamespace(ns).withLabel("app.kubernetes.io/instance", agent).list().getItems()
        .stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null && "Running".equals(p.getStatus().getPhase())
            && p.getStatus().getContainerStatuses() != null
            && p.getStatus().getContainerStatuses().stream().allMatch(c -> Boolean.TRUE.equals(c.getReady())))
        .findFirst()).orElseThrow(() -> new IllegalStateException("no running planner pod for Agent " + agent));
  }

  /** A container waits in CrashLoopBackOff or an image pull back-off (not merely being created). */
  private static boolean failing(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null && pod.getStatus()
        .getContainerStatuses().stream().anyMatch(c -> c.getState() != null && c.getState().getWaiting() != null
            && java.util.Set.of("CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull").contains(c.getState().getWaiting()
            .getReason()));
  }

  private static boolean faulty(Pod pod) {
    if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return pod == null;
    }
    return pod.getStatus().getContainerStatuses().stream().anyMatch(c -> c.getState() != null
        && c.getState().getWaiting() != null) || pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && !"True".equals(c.getStatus()));
  }

  private Optional<HealingEntry> latestEntry(String agent) {
    Agent a = client.resources(Agent.class).inNamespace(ns).withName(agent).get();
    if (a == null || a.getStatus() == null || a.getStatus().getHealing() == null
        || a.getStatus().getHealing().getEntries() == null || a.getStatus().getHealing().getEntries().isEmpty()) {
      return Optional.empty();
    }
    List<HealingEntry> entries = a.getStatus().getHealing().getEntries();
    return Optional.of(entries.get(entries.size() - 1));
  }

  private boolean agentReady(String name) {
    Agent a = client.resources(Agent.class).inNamespace(ns).withName(name).get();
    return a != null && a.getStatus() != null && ready(a.getStatus().getConditions());
  }

  private boolean sreReady() {
    return agentReady("sre-assistant");
  }

  private MemoryStore store() {
    return client.resources(MemoryStore.class).inNamespace(ns).withName("agent-memory").get();
  }

  private boolean storeReady() {
    MemoryStore s = store();
    return s != null && s.getStatus() != null && ready(s.getStatus().getConditions());
  }

  private static boolean ready(List<Condition> conditions) {
    return conditions != null && conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static Instant awaitInstant(Supplier<Boolean> until) {
    return poll(() -> until.get() ? Optional.of(Instant.now()) : Optional.empty()).orElse(null);
  }

  private void await(String what, Supplier<Boolean> until) {
    if (awaitInstant(until) == null) {
      throw new IllegalStateException("timed out waiting for " + what);
    }
  }

  /** Polls every 50 ms until a value or {@link #FAULT_TIMEOUT_MS}. */
  private static <T> Optional<T> poll(Supplier<Optional<T>> probe) {
    long deadline = System.currentTimeMillis() + FAULT_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          return value;
        }
      } catch (RuntimeException e) {
        // a transient API error: poll again
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Double seconds(Instant from, Optional<Instant> to) {
    return from == null || to.isEmpty() ? null : (to.get().toEpochMilli() - from.toEpochMilli()) / 1000.0;
  }

  private static void write(Path out, List<Row> rows, String ns, long rejections) throws Exception {
    ObjectNode result = JSON.createObjectNode();
    result.put("name", "chaos");
    result.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
    result.set("machine", PlannerBenchmark.machine());
    result.put("command", "benchmarks/run chaos");
    result.put("namespace", ns);
    ObjectNode figures = result.putObject("figures");
    long healed = rows.stream().filter(Row::healed).count();
    List<Double> remediation = rows.stream().map(Row::remediationMs).filter(Objects::nonNull).toList();
    List<Double> healthy = rows.stream().map(Row::healthySeconds).filter(Objects::nonNull).toList();
    figures.set("fault_kinds", figure(rows.size(), "kinds"));
    figures.set("heal_rate", figure(Math.round(1000.0 * healed / rows.size()) / 10.0, "%"));
    figures.set("remediation_ms_p99", figure(remediation.isEmpty() ? Double.NaN : Stats.of(remediation).percentile(99), "ms"));
    figures.set("time_to_healthy_s_p50", figure(healthy.isEmpty() ? Double.NaN : Stats.of(healthy).percentile(50), "s"));
    figures.set("dry_run_rejections", figure(rejections, "count"));
    ArrayNode table = result.putArray("rows");
    rows.forEach(r -> table.add(JSON.valueToTree(r)));
    Files.createDirectories(out.toAbsolutePath().getParent());
    JSON.writeValue(out.toFile(), result);
    System.out.println(JSON.writeValueAsString(result));
  }

  private static ObjectNode figure(double value, String unit) {
    ObjectNode f = JSON.createObjectNode();
    if (Double.isFinite(value)) {
      f.put("value", value);
    } else {
      f.putNull("value");
    }
    f.put("unit", unit);
    return f;
  }

  private static void log(String format, Object... args) {
    System.err.printf("[chaos] " + format + "%n", args);
  }
}
