package dev.autonomy.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.ModelProvider;
import dev.autonomy.api.v1alpha1.agent.ModelSpec;
import dev.autonomy.api.v1alpha1.agent.StandingGoal;
import dev.autonomy.testsupport.Crds;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestClusters;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scale benchmark: the packaged operator against N Agents created at once on the test ground.
 *
 * <p>Per configuration (JVM flags): a fresh namespace, the operator started as a process with its
 * Lease there, an informer on the namespace's Agents, N valid Agents created by a pool of threads,
 * then wait until each shows {@code Accepted=True}. Latency of one Agent = the informer's first
 * sight of Accepted=True minus the moment the API server acknowledged its create (both on this
 * JVM's monotonic clock). Writes {@code benchmarks/results/scale.json}.
 *
 * <p>Options: {@code --agents N} (1000), {@code --jvm-flags "FLAGS"} (none: the JVM's defaults),
 * {@code --compare} (run the JVM defaults and {@link #SMALL_FLAGS} side by side; overrides
 * --jvm-flags), {@code --threads N} (16), {@code --timeout-s S} (600), {@code --idle-s S} (5),
 * {@code --quiet-wait-s S} (120: wait for a quiet machine before each configuration), {@code --out FILE}.
 */
public final class ScaleBenchmark {
  static final List<String> SMALL_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xss512k");
  static final String COMMAND = "benchmarks/run scale";
  static final Map<String, String> GOALS = goals();
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  record Options(int agents, List<String> jvmFlags, boolean compare, int threads, int timeoutSeconds, int idleSeconds,
      int quietSeconds, Path out) {}

  record Configuration(String name, List<String> jvmFlags) {}

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = parse(args);
    List<Configuration> configurations = options.compare()
        ? List.of(new Configuration("jvm-defaults", List.of()), new Configuration("serial-128m", SMALL_FLAGS))
        : List.of(new Configuration(options.jvmFlags().isEmpty() ? "jvm-defaults" : "custom", options.jvmFlags()));
    Path jar = OperatorProcess.defaultJar();
    if (!Files.isRegularFile(jar)) {
      fail("no operator jar at " + jar + ": build it with ./mvnw -B -q -pl benchmarks -am package -DskipTests");
    }

    TestCluster cluster = TestClusters.get();
    Config config = Config.fromKubeconfig(cluster.kubeconfig());
    config.setRequestTimeout(30_000);
    config.setMaxConcurrentRequests(64);
    config.setMaxConcurrentRequestsPerHost(64);
    ObjectNode result = JSON.createObjectNode();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      String serverVersion = client.getKubernetesVersion().getGitVersion();
      Crds.install(client);
      log("cluster %s (%s) at %s; operator %s", cluster.kind(), serverVersion, config.getMasterUrl(), jar);

      List<ObjectNode> runs = new ArrayList<>();
      for (int i = 0; i < configurations.size(); i++) {
        runs.add(runOne(client, cluster, jar, configurations.get(i), options, i < configurations.size() - 1));
      }

      ObjectNode chosen = recommend(runs);
      result.put("name", "scale");
      result.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
      result.set("machine", machine());
      // benchmarks/run passes --compare first; the rest is what was typed after "benchmarks/run scale".
      List<String> typed = new ArrayList<>(Arrays.asList(args));
      if (!typed.isEmpty() && typed.get(0).equals("--compare")) {
        typed.remove(0);
      }
      result.put("command", (COMMAND + " " + String.join(" ", typed)).strip());
      ObjectNode parameters = result.putObject("parameters");
      parameters.put("agents", options.agents());
      parameters.set("jvmFlags", chosen.get("jvmFlags").deepCopy());
      parameters.put("createThreads", options.threads());
      parameters.put("idleRssAfterReadyS", options.idleSeconds());
      parameters.put("quietWaitS", options.quietSeconds());
      parameters.put("cluster", cluster.kind() + " (kube-apiserver " + serverVersion + ", loopback)");
      parameters.put("operatorWatches", "all namespaces (the chart's default); Lease in the benchmark namespace");
      result.put("configuration", chosen.get("name").asText());
      result.put("note", note(chosen, runs));
      result.put("exclusive", runs.stream().allMatch(r -> r.get("details").get("exclusive").asBoolean()));
      result.set("figures", chosen.get("figures").deepCopy());
      ArrayNode all = result.putArray("configurations");
      runs.forEach(all::add);
      ObjectNode goals = result.putObject("goals");
      GOALS.forEach(goals::put);
    }
    Files.createDirectories(options.out().toAbsolutePath().getParent());
    Files.writeString(options.out(), JSON.writeValueAsString(result) + "\n");
    log("wrote %s", options.out());
    System.out.println(JSON.writeValueAsString(result.get("figures")));
  }

  /** One configuration in its own namespace; fails loudly when not every Agent is accepted in time. */
  static ObjectNode runOne(KubernetesClient client, TestCluster cluster, Path jar, Configuration configuration,
      Options options, boolean waitForCleanup) throws Exception {
    double background = awaitQuiet(client, configuration.name(), options.quietSeconds());
    String namespace = "bench-scale-" + randomSuffix();
    log("[%s] namespace %s, JVM flags %s", configuration.name(), namespace, configuration.jvmFlags());
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
        .addToLabels("autonomy.dev/benchmark", "scale").endMetadata().build()).create();
    OperatorProcess operator = null;
    SharedIndexInformer<Agent> informer = null;
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      operator = OperatorProcess.start(jar, cluster, configuration.jvmFlags(),
          Map.of("AUTONOMY_LEADER_ELECTION_LEASE_NAMESPACE", namespace));
      double startSeconds = operator.startSeconds();
      String leader = awaitLeader(client, namespace, 60);
      List<String> others = otherOperators(client, namespace);
      if (!others.isEmpty()) {
        log("[%s] WARNING: other operators lead elsewhere and also reconcile this namespace: %s", configuration.name(),
            others);
      }
      Thread.sleep(options.idleSeconds() * 1000L);
      double idleRss = operator.rssMiB();
      log("[%s] ready in %.2f s, leader %s, idle RSS %.1f MiB", configuration.name(), startSeconds, leader, idleRss);

      Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
      Map<String, String> invalid = new ConcurrentHashMap<>();
      informer = client.resources(Agent.class).inNamespace(namespace).inform(new ResourceEventHandler<>() {
        @Override
        public void onAdd(Agent agent) {
          see(agent);
        }

        @Override
        public void onUpdate(Agent old, Agent agent) {
          see(agent);
        }

        @Override
        public void onDelete(Agent agent, boolean unknownFinalState) {}

        private void see(Agent agent) {
          if (accepted(agent)) {
            acceptedAt.putIfAbsent(agent.getMetadata().getName(), System.nanoTime());
          } else if (invalid(agent)) {
            invalid.putIfAbsent(agent.getMetadata().getName(), JSON.valueToTree(agent.getStatus()).toString());
          }
        }
      }, 0);

      String selector = "controller_name=agent,namespace=" + namespace;
      PrometheusText before = PrometheusText.parse(operator.get("/q/metrics").body());

      Map<String, Long> createdAt = new ConcurrentHashMap<>();
      CpuMeter cpu = CpuMeter.start(Map.of("operator", operator.pid(), "driver", ProcessHandle.current().pid()));
      long t0 = System.nanoTime();
      List<Future<?>> creates = new ArrayList<>();
      for (int i = 0; i < options.agents(); i++) {
        Agent agent = agent(namespace, i);
        creates.add(pool.submit(() -> {
          client.resources(Agent.class).inNamespace(namespace).resource(agent).create();
          createdAt.put(agent.getMetadata().getName(), System.nanoTime());
        }));
      }
      List<String> createErrors = new ArrayList<>();
      for (Future<?> f : creates) {
        try {
          f.get();
        } catch (ExecutionException e) {
          createErrors.add(String.valueOf(e.getCause()));
        }
      }
      double createAllSeconds = (System.nanoTime() - t0) / 1e9;
      if (!createErrors.isEmpty()) {
        throw new IllegalStateException(createErrors.size() + " creates failed, first: " + createErrors.get(0));
      }
      log("[%s] created %d Agents in %.2f s", configuration.name(), options.agents(), createAllSeconds);

      long deadline = t0 + TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
      long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (acceptedAt.size() < options.agents() && System.nanoTime() < deadline) {
        Thread.sleep(20);
        if (!invalid.isEmpty()) {
          Map.Entry<String, String> first = invalid.entrySet().iterator().next();
          throw new IllegalStateException("[" + configuration.name() + "] the operator refused " + invalid.size()
              + " Agents (the benchmark's Agent is invalid?), e.g. " + first.getKey() + ": " + first.getValue());
        }
        if (System.nanoTime() > nextReport) {
          log("[%s] %d of %d Accepted", configuration.name(), acceptedAt.size(), options.agents());
          nextReport += TimeUnit.SECONDS.toNanos(10);
        }
      }
      Map<String, Double> cores = cpu.stop();
      double rssAfter = operator.rssMiB();
      List<String> othersAtEnd = otherOperators(client, namespace);
      double rssPeak = peakRssMiB(operator.pid());
      PrometheusText after = PrometheusText.parse(operator.get("/q/metrics").body());
      if (acceptedAt.size() < options.agents()) {
        List<String> missing = createdAt.keySet().stream().filter(n -> !acceptedAt.containsKey(n)).sorted().limit(5).toList();
        for (String name : missing) {
          Agent a = client.resources(Agent.class).inNamespace(namespace).withName(name).get();
          log("not accepted: %s status %s", name, a == null ? "(gone)" : JSON.writeValueAsString(a.getStatus()));
        }
        operator.errorLines().stream().limit(20).forEach(l -> log("operator: %s", l));
        throw new IllegalStateException("[" + configuration.name() + "] only " + acceptedAt.size() + " of "
            + options.agents() + " Agents Accepted=True within " + options.timeoutSeconds() + " s");
      }

      long lastAccepted = acceptedAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      double acceptAllSeconds = (lastAccepted - t0) / 1e9;
      List<Double> latencies = new ArrayList<>();
      int beforeAck = 0;
      for (Map.Entry<String, Long> e : createdAt.entrySet()) {
        long ms = acceptedAt.get(e.getKey()) - e.getValue();
        if (ms < 0) {
          beforeAck++; // the informer saw the status before the create's response reached its thread
        }
        latencies.add(Math.max(0, ms) / 1e6);
      }
      Stats stats = Stats.of(latencies);

      Map<String, String> match = labels(selector);
      String scope = "namespace";
      double started = after.sum("reconciliations_started_total", match) - before.sum("reconciliations_started_total", match);
      if (started == 0) {
        match = Map.of("controller_name", "agent");
        scope = "controller (no namespace tag found)";
        started = after.sum("reconciliations_started_total", match) - before.sum("reconciliations_started_total", match);
      }
      double succeeded = after.sum("reconciliations_success_total", match) - before.sum("reconciliations_success_total", match);
      double failed = after.sum("reconciliations_failed_total", match) - before.sum("reconciliations_failed_total", match);
      if (!after.has("reconciliations_started_total")) {
        throw new IllegalStateException("no reconciliations_started_total on /q/metrics");
      }

      int events = client.v1().events().inNamespace(namespace).list().getItems().size();
      List<String> errors = operator.errorLines();
      List<String> warnings = operator.log().lines().filter(l -> l.contains(" WARN ")).toList();
      Path logCopy = Path.of("benchmarks/target/scale-" + configuration.name() + "-operator.log");
      Files.createDirectories(logCopy.getParent());
      Files.writeString(logCopy, operator.log());

      ObjectNode run = JSON.createObjectNode();
      run.put("name", configuration.name());
      run.set("jvmFlags", JSON.valueToTree(configuration.jvmFlags()));
      ObjectNode figures = run.putObject("figures");
      figures.put("accept_ms_p50", round(stats.percentile(50), 1));
      figures.put("accept_ms_p99", round(stats.percentile(99), 1));
      figures.put("accept_ms_max", round(stats.max(), 1));
      figures.put("reconciles_per_s", round(started / acceptAllSeconds, 1));
      figures.put("operator_rss_mb", round(rssAfter, 1));
      figures.put("operator_rss_idle_mb", round(idleRss, 1));
      figures.put("operator_start_s", round(startSeconds, 2));
      figures.put("create_all_s", round(createAllSeconds, 2));
      ObjectNode met = run.putObject("goalsMet");
      GOALS.forEach((k, goal) -> met.put(k, meets(figures.get(k).asDouble(), goal)));
      ObjectNode details = run.putObject("details");
      details.put("accept_ms_min", round(stats.min(), 1));
      details.put("accept_ms_mean", round(stats.mean(), 1));
      details.put("accept_all_s", round(acceptAllSeconds, 2));
      details.put("accepted_before_create_ack", beforeAck);
      details.put("reconciles_started", (long) started);
      details.put("reconciles_succeeded", (long) succeeded);
      details.put("reconciles_failed", (long) failed);
      details.put("reconciles_counted_per", scope);
      details.put("operator_rss_peak_mb", round(rssPeak, 1));
      details.put("background_cores_busy_before", round(background, 2));
      ObjectNode busy = details.putObject("cpu_cores_busy_first_create_to_last_accepted");
      cores.forEach((k, v) -> busy.put(k, round(v, 2)));
      busy.put("everything_else", round(cores.get("machine") - cores.entrySet().stream()
          .filter(e -> !e.getKey().equals("machine") && !e.getKey().equals("window_s"))
          .mapToDouble(Map.Entry::getValue).sum(), 2));
      long conflicts = operator.log().lines().filter(l -> l.contains("Conflict")).count();
      List<String> othersSeen = new ArrayList<>(others);
      othersAtEnd.stream().filter(o -> !othersSeen.contains(o)).forEach(othersSeen::add);
      // Other operators watching all namespaces reconcile these Agents too: patch conflicts, twice the load.
      details.put("exclusive", othersSeen.isEmpty() && conflicts == 0);
      details.set("other_operator_leases", JSON.valueToTree(othersSeen));
      details.put("operator_log_conflict_lines", conflicts);
      details.put("events_in_namespace", events);
      details.put("operator_log_error_lines", errors.size());
      details.put("operator_log_warn_lines", warnings.size());
      details.set("operator_log_errors_first", JSON.valueToTree(errors.stream().limit(5).toList()));
      details.set("operator_log_warnings_first", JSON.valueToTree(warnings.stream().distinct().limit(5).toList()));
      details.put("operator_log", logCopy.toString());
      log("[%s] all %d Accepted after %.2f s: p50 %.0f ms, p99 %.0f ms, max %.0f ms; %.1f reconciles/s; RSS %.1f MiB "
              + "(peak %.1f); %d ERROR, %d WARN log lines; %d conflicts; other operators %s; cores busy %s",
          configuration.name(), options.agents(), acceptAllSeconds,
          stats.percentile(50), stats.percentile(99), stats.max(), started / acceptAllSeconds, rssAfter, rssPeak,
          errors.size(), warnings.size(), conflicts, othersSeen, busy);
      return run;
    } finally {
      pool.shutdownNow();
      if (informer != null) {
        informer.close();
      }
      if (operator != null) {
        operator.close();
      }
      deleteNamespace(client, namespace, waitForCleanup ? 180 : 30);
    }
  }

  static Agent agent(String namespace, int i) {
    ModelSpec model = new ModelSpec();
    model.setProvider(ModelProvider.OPENAI_COMPATIBLE);
    model.setEndpoint("http://127.0.0.1:8000/v1");
    model.setModelName("smollm2");
    model.setMaxTokens(512);
    StandingGoal goal = new StandingGoal();
    goal.setName("health-report");
    goal.setGoal("List the pods in this namespace that are not Ready and summarise why.");
    goal.setSchedule("*/30 * * * *");
    AgentSpec spec = new AgentSpec();
    spec.setModel(model);
    spec.setRole("SRE assistant #" + i);
    spec.setSystemPrompt("You are a careful site reliability engineer. Plan in small, verifiable steps.");
    spec.setGoals(List.of(goal));
    // The policy tool is on by default and then needs spec.policyRefs: off, so the Agent references nothing.
    spec.getTools().getPolicy().setEnabled(false);
    Agent agent = new Agent();
    agent.setMetadata(new ObjectMetaBuilder().withName(String.format("agent-%05d", i)).withNamespace(namespace)
        .addToLabels("autonomy.dev/benchmark", "scale").build());
    agent.setSpec(spec);
    return agent;
  }

  static boolean accepted(Agent agent) {
    return agent.getStatus() != null && agent.getStatus().getConditions() != null
        && agent.getStatus().getConditions().stream()
            .anyMatch(c -> "Accepted".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * Others share this machine: waits (up to {@code seconds}) until under half a core is busy, so
   * each configuration starts on a quiet machine; returns the busy cores last seen.
   */
  static double awaitQuiet(KubernetesClient client, String name, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    double busy = CpuMeter.machineBusy(3000);
    List<String> others = otherOperators(client, "");
    while ((busy >= 0.5 || !others.isEmpty()) && System.nanoTime() < deadline) {
      log("[%s] waiting for a quiet machine: %.2f cores busy, other operators leading: %s", name, busy, others);
      Thread.sleep(7000);
      busy = CpuMeter.machineBusy(3000);
      others = otherOperators(client, "");
    }
    if (busy >= 0.5 || !others.isEmpty()) {
      log("[%s] not quiet after %d s (%.2f cores busy, other operators %s); measuring anyway", name, seconds, busy,
          others);
    }
    return busy;
  }

  /** Accepted=False for a spec problem: waiting will not help. */
  static boolean invalid(Agent agent) {
    return agent.getStatus() != null && agent.getStatus().getConditions() != null
        && agent.getStatus().getConditions().stream().anyMatch(c -> "Accepted".equals(c.getType())
            && "False".equals(c.getStatus()) && "InvalidSpec".equals(c.getReason()));
  }

  /** Waits until the operator holds the Lease in {@code namespace}: from then on it reconciles. */
  static String awaitLeader(KubernetesClient client, String namespace, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      for (Lease lease : client.leases().inNamespace(namespace).list().getItems()) {
        String holder = lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
        if (holder != null && !holder.isBlank()) {
          return holder;
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the operator took no Lease in " + namespace + " within " + seconds + " s");
  }

  /**
   * Leases named like ours, held and renewed in the last 30 s, in other namespaces: other operator
   * processes (watching all namespaces) that reconcile the benchmark's Agents too.
   */
  static List<String> otherOperators(KubernetesClient client, String namespace) {
    java.time.ZonedDateTime recent = java.time.ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(30);
    return client.leases().inAnyNamespace().list().getItems().stream()
        .filter(l -> l.getMetadata().getName().equals("autonomy-operator-lease"))
        .filter(l -> !namespace.equals(l.getMetadata().getNamespace()))
        .filter(l -> l.getSpec() != null && l.getSpec().getHolderIdentity() != null
            && l.getSpec().getRenewTime() != null && l.getSpec().getRenewTime().isAfter(recent))
        .map(l -> l.getMetadata().getNamespace() + "/" + l.getMetadata().getName() + " (" + l.getSpec().getHolderIdentity() + ")")
        .sorted().toList();
  }

  static void deleteNamespace(KubernetesClient client, String namespace, int waitSeconds) {
    try {
      client.namespaces().withName(namespace).delete();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
      while (System.nanoTime() < deadline && client.namespaces().withName(namespace).get() != null) {
        Thread.sleep(500);
      }
      if (client.namespaces().withName(namespace).get() != null) {
        log("namespace %s still terminating after %d s; left to the API server", namespace, waitSeconds);
      }
    } catch (RuntimeException e) {
      log("could not delete namespace %s: %s", namespace, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Lowest RSS among the configurations meeting the p99 goal; without any, the lowest p99. */
  static ObjectNode recommend(List<ObjectNode> runs) {
    List<ObjectNode> meeting = runs.stream().filter(r -> r.get("goalsMet").get("accept_ms_p99").asBoolean()).toList();
    if (!meeting.isEmpty()) {
      return meeting.stream().min((a, b) -> Double.compare(a.get("figures").get("operator_rss_mb").asDouble(),
          b.get("figures").get("operator_rss_mb").asDouble())).orElseThrow();
    }
    return runs.stream().min((a, b) -> Double.compare(a.get("figures").get("accept_ms_p99").asDouble(),
        b.get("figures").get("accept_ms_p99").asDouble())).orElseThrow();
  }

  static String note(ObjectNode chosen, List<ObjectNode> runs) {
    String name = chosen.get("name").asText();
    List<String> missed = new ArrayList<>();
    chosen.get("goalsMet").fields().forEachRemaining(e -> {
      if (!e.getValue().asBoolean()) {
        missed.add(e.getKey());
      }
    });
    String why = runs.size() == 1 ? "the only configuration run"
        : chosen.get("goalsMet").get("accept_ms_p99").asBoolean()
            ? "the lowest operator RSS among the configurations meeting the accept p99 goal"
            : "no configuration met the accept p99 goal; this one has the lowest p99";
    String chart = chosen.get("jvmFlags").isEmpty()
        ? "the chart's default (no JAVA_OPTS_APPEND)"
        : "not the chart's default: set it with env JAVA_OPTS_APPEND=\"" + String.join(" ", flags(chosen)) + "\"";
    List<String> shared = new ArrayList<>();
    for (ObjectNode run : runs) {
      if (!run.get("details").get("exclusive").asBoolean()) {
        shared.add(run.get("name").asText() + " (" + run.get("details").get("operator_log_conflict_lines").asLong()
            + " conflicts, other operators " + run.get("details").get("other_operator_leases") + ")");
      }
    }
    return "figures are those of '" + name + "' (" + why + "); its JVM flags are " + chart + "; "
        + (missed.isEmpty() ? "it meets every goal" : "it misses " + String.join(", ", missed))
        + (shared.isEmpty() ? "" : ". NOT EXCLUSIVE: other operators reconciled the same Agents during "
            + String.join(", ", shared) + "; the latencies are the contended system's, rerun on a quiet test ground");
  }

  private static List<String> flags(ObjectNode run) {
    List<String> flags = new ArrayList<>();
    run.get("jvmFlags").forEach(f -> flags.add(f.asText()));
    return flags;
  }

  /** {@code value} against a goal like {@code "< 3000"} or {@code "<= 200"}. */
  static boolean meets(double value, String goal) {
    Matcher m = Pattern.compile("^\\s*(<=|<|>=|>)\\s*([0-9.]+)\\s*$").matcher(goal);
    if (!m.matches()) {
      throw new IllegalArgumentException("goal " + goal);
    }
    double limit = Double.parseDouble(m.group(2));
    return switch (m.group(1)) {
      case "<" -> value < limit;
      case "<=" -> value <= limit;
      case ">" -> value > limit;
      default -> value >= limit;
    };
  }

  static ObjectNode machine() {
    ObjectNode machine = JSON.createObjectNode();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("memory_gib", round(procValue("/proc/meminfo", "MemTotal:\\s+(\\d+) kB").map(kb -> kb / 1048576.0)
        .orElse(Double.NaN), 1));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + osRelease() + ")");
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (benchmark and operator)");
    machine.put("cpu", cpuModel());
    return machine;
  }

  private static java.util.Optional<Double> procValue(String file, String regex) {
    try {
      Matcher m = Pattern.compile(regex).matcher(Files.readString(Path.of(file)));
      return m.find() ? java.util.Optional.of(Double.parseDouble(m.group(1))) : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String osRelease() {
    try {
      return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
          .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Peak resident set size of a process (VmHWM), in MiB. */
  static double peakRssMiB(long pid) {
    return procValue("/proc/" + pid + "/status", "VmHWM:\\s+(\\d+) kB").map(kb -> kb / 1024.0).orElse(Double.NaN);
  }

  static Options parse(String[] args) {
    int agents = 1000;
    List<String> jvmFlags = List.of();
    boolean compare = false;
    int threads = 16;
    int timeout = 600;
    int idle = 5;
    int quiet = 120;
    Path out = Path.of("benchmarks/results/scale.json");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--agents" -> agents = Integer.parseInt(value(args, ++i, a));
        case "--jvm-flags" -> jvmFlags = Arrays.stream(value(args, ++i, a).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        case "--compare" -> compare = true;
        case "--no-compare" -> compare = false;
        case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
        case "--timeout-s" -> timeout = Integer.parseInt(value(args, ++i, a));
        case "--idle-s" -> idle = Integer.parseInt(value(args, ++i, a));
        case "--quiet-wait-s" -> quiet = Integer.parseInt(value(args, ++i, a));
        case "--out" -> out = Path.of(value(args, ++i, a));
        default -> fail("unknown option " + a + "; options: --agents N, --jvm-flags \"FLAGS\", --compare, --no-compare, "
            + "--threads N, --timeout-s S, --idle-s S, --quiet-wait-s S, --out FILE");
      }
    }
    if (agents < 1 || threads < 1) {
      fail("--agents and --threads must be at least 1");
    }
    return new Options(agents, jvmFlags, compare, threads, timeout, idle, quiet, out);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      fail(option + " needs a value");
    }
    return args[i];
  }

  private static Map<String, String> labels(String selector) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String kv : selector.split(",")) {
      String[] p = kv.split("=", 2);
      labels.put(p[0], p[1]);
    }
    return labels;
  }

  private static Map<String, String> goals() {
    Map<String, String> goals = new LinkedHashMap<>();
    goals.put("accept_ms_p99", "< 3000");
    goals.put("operator_rss_mb", "<= 200");
    goals.put("operator_start_s", "< 2");
    return java.util.Collections.unmodifiableMap(goals);
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  private static String randomSuffix() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static void log(String format, Object... args) {
    System.err.println("[scale] " + String.format(format, args));
  }

  private static void fail(String message) {
    System.err.println("[scale] " + message);
    System.exit(2);
  }
}
