package dev.autonomy.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.common.HealingEntry;
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
      Map<String, String> env = Map.of("AUTONOMY_LEADER_ELECTION_LEASE_NAMESPACE", ns, "QUARKUS_OPERATOR_SDK_NAMESPACES", ns);
      OperatorProcess[] operator = {OperatorProcess.start(OperatorProcess.defaultJar(), cluster, List.of(), env)};
      try {
        TestGround.run(60, "kubectl", "apply", "-n", ns, "-f", TestGround.repoRoot().resolve("examples").toString());
        ChaosBenchmark bench = new ChaosBenchmark(client, ns);
        List<String> agents = List.of("crash", "oom", "pull", "node", "killed");
        agents.forEach(bench::createAgent);
        agents.forEach(a -> bench.await("Agent " + a + " Ready", () -> bench.agentReady(a)));
        bench.await("MemoryStore Ready", bench::storeReady);
        List<Row> rows = new ArrayList<>();
        rows.add(bench.podFault("container-crash-loop", "crash", Map.of(CHAOS, "crash-loop"), Map.of()));
        rows.add(bench.podFault("oom-killed", "oom", Map.of(CHAOS, "crash-loop"),
            Map.of("autonomy.dev/chaos-reason", "OOMKilled", "autonomy.dev/chaos-exit-code", "137")));
        rows.add(bench.podFault("image-pull-failure", "pull", Map.of(CHAOS, "image-pull-failure"), Map.of()));
        rows.add(bench.nodeNotReady("node"));
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
        long rejections = agents.stream().flatMap(a -> Optional.ofNullable(client.resources(Agent.class).inNamespace(ns)
            .withName(a).get().getStatus().getHealing()).stream()).flatMap(h -> h.getEntries() == null ? java.util.stream.Stream.empty()
            : h.getEntries().stream()).filter(e -> e.getOutcome() == dev.autonomy.api.v1alpha1.common.HealingOutcome.DRY_RUN_REJECTED).count();
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
    client.resource(agent).inNamespace(ns).create();
  }

  private Row podFault(String kind, String agent, Map<String, String> labels, Map<String, String> annotations) {
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
    restart.run();
    return awaitPodHealing(kind, agent, pod, "the fault was injected while no operator ran; a new one took the Lease");
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

  private Row nodeNotReady(String agent) {
    Pod pod = runningPod(agent);
    String node = pod.getSpec().getNodeName();
    String label = "node-not-ready.stage.kwok.x-k8s.io";
    client.nodes().withName(node).patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"" + label + "\":\"true\"}}}");
    try {
      return awaitPodHealing("node-not-ready", agent, pod, "node " + node);
    } finally {
      client.nodes().withName(node).patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"metadata\":{\"labels\":{\"" + label + "\":null}}}");
      await("node " + node + " Ready again", () -> client.nodes().withName(node).get().getStatus().getConditions()
          .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())));
    }
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

  private boolean storeReady() {
    MemoryStore s = client.resources(MemoryStore.class).inNamespace(ns).withName("agent-memory").get();
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
