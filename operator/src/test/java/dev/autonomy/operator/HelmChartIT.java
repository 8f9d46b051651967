package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Helm chart ({@code helm-chart/autonomy-operator}): lint, values schema, labels, CRD copies,
 * and the rendered manifests against the test ground's real API server (server-side dry-run, with
 * Pod Security admission enforcing "restricted" on the operator pod).
 */
@KubernetesTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelmChartIT {
  private static final Path REPO = TestGround.repoRoot();
  private static final Path CHART = REPO.resolve("helm-chart/autonomy-operator");
  private static final Path GENERATED_CRDS = REPO.resolve("crds");
  private static final Path NAMESPACED_HA_VALUES = CHART.resolve("ci/namespaced-ha-values.yaml");
  private static final String RELEASE = "autonomy-operator";
  private static final List<String> STANDARD_LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/instance",
      "app.kubernetes.io/version", "app.kubernetes.io/component", "app.kubernetes.io/part-of",
      "app.kubernetes.io/managed-by", "helm.sh/chart");

  @Test
  @Order(1)
  void chartCrdsAreExactCopiesOfTheGeneratedCrds() {
    assertCrdsInSync();
  }

  @Test
  @Order(2)
  void lintPassesWithDefaultValues() {
    String out = helm("lint", CHART.toString(), "--strict");
    assertThat(out).contains("1 chart(s) linted, 0 chart(s) failed");
  }

  @Test
  @Order(3)
  void lintPassesWatchingNamespacesWithTwoReplicasAndServiceMonitor() {
    String values = readString(NAMESPACED_HA_VALUES);
    assertThat(values).contains("replicas: 2", "watchNamespaces:", "serviceMonitor:", "enabled: true");
    String out = helm("lint", CHART.toString(), "--strict", "-f", NAMESPACED_HA_VALUES.toString());
    assertThat(out).contains("1 chart(s) linted, 0 chart(s) failed");
  }

  @Test
  @Order(4)
  void schemaRejectsBadValuesWithAClearMessage() {
    assertThat(helmFailing("template", RELEASE, CHART.toString(), "--set", "replicas=-1"))
        .contains("values don't meet the specifications of the schema").contains("/replicas").contains("minimum");
    assertThat(helmFailing("template", RELEASE, CHART.toString(), "--set", "replicaz=2"))
        .contains("additional properties 'replicaz' not allowed");
    assertThat(helmFailing("template", RELEASE, CHART.toString(), "--set", "image.pullPolicy=Sometimes"))
        .contains("/image/pullPolicy").contains("'Always', 'IfNotPresent', 'Never'");
    assertThat(helmFailing("template", RELEASE, CHART.toString(), "--set", "watchNamespaces[0]=Not_A_Namespace"))
        .contains("/watchNamespaces/0");
    assertThat(helmFailing("lint", CHART.toString(), "--set", "logging.json=maybe"))
        .contains("/logging/json");
  }

  @Test
  @Order(5)
  void everyRenderedResourceCarriesTheStandardLabels(KubernetesClient client) {
    List<HasMetadata> defaults = parse(client, template("default"));
    List<HasMetadata> namespacedHa = parse(client, template("default", "-f", NAMESPACED_HA_VALUES.toString(),
        "--api-versions", "monitoring.coreos.com/v1"));
    assertThat(kinds(defaults)).contains("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role",
        "RoleBinding", "Service", "Deployment").doesNotContain("PodDisruptionBudget", "ServiceMonitor");
    assertThat(kinds(namespacedHa)).contains("PodDisruptionBudget", "ServiceMonitor");

    for (HasMetadata resource : concat(defaults, namespacedHa)) {
      Map<String, String> labels = resource.getMetadata().getLabels();
      assertThat(labels).as("labels of %s %s", resource.getKind(), resource.getMetadata().getName())
          .containsKeys(STANDARD_LABELS.toArray(String[]::new))
          .containsEntry("app.kubernetes.io/managed-by", "Helm")
          .containsEntry("app.kubernetes.io/part-of", "autonomy")
          .containsEntry("app.kubernetes.io/instance", RELEASE);
    }
    Deployment deployment = deployment(defaults);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsKeys(STANDARD_LABELS.toArray(String[]::new));
  }

  @Test
  @Order(6)
  void serviceMonitorNeedsThePrometheusOperatorApi(KubernetesClient client) {
    // Enabled, but the cluster does not serve monitoring.coreos.com/v1: not rendered.
    List<HasMetadata> rendered = parse(client, template("default", "-f", NAMESPACED_HA_VALUES.toString()));
    assertThat(kinds(rendered)).doesNotContain("ServiceMonitor");
  }

  @Test
  @Order(7)
  void renderedOperatorEnvAndRbacMatchTheValues(KubernetesClient client) {
    Deployment all = deployment(parse(client, template("autonomy-system")));
    Map<String, String> env = env(all);
    assertThat(env).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "JOSDK_ALL_NAMESPACES")
        .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")
        .containsKeys("AUTONOMY_IMAGES_PLANNER", "AUTONOMY_IMAGES_TRAINER", "AUTONOMY_IMAGES_PGVECTOR",
            "AUTONOMY_IMAGES_CHROMA", "AUTONOMY_IMAGES_QDRANT");
    assertThat(all.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/autonomy-dev/autonomy-operator:0.1.0");

    List<HasMetadata> namespaced = parse(client, template("autonomy-system", "-f", NAMESPACED_HA_VALUES.toString()));
    assertThat(env(deployment(namespaced))).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "team-a,team-b");
    assertThat(deployment(namespaced).getSpec().getReplicas()).isEqualTo(2);
    Set<String> roleNamespaces = namespaced.stream().filter(r -> r.getKind().equals("Role"))
        .map(r -> r.getMetadata().getNamespace()).collect(Collectors.toCollection(TreeSet::new));
    assertThat(roleNamespaces).containsExactly("autonomy-system", "team-a", "team-b");
  }

  @Test
  @Order(8)
  void renderedChartIsAcceptedByTheApiServer(TestNamespace ns) {
    assertCrdsInSync(); // never apply stale copies to the shared cluster
    TestGround.run(120, "kubectl", "apply", "--server-side", "--force-conflicts", "--field-manager=autonomy-tests",
        "-f", CHART.resolve("crds").toString());
    TestGround.run(120, "kubectl", "wait", "--for=condition=Established", "--timeout=60s",
        "crd/agents.autonomy.dev", "crd/policies.autonomy.dev", "crd/leagues.autonomy.dev", "crd/memorystores.autonomy.dev");

    Path rendered = writeTemp(template(ns.name()));
    String out = TestGround.run(120, "kubectl", "apply", "--dry-run=server", "-n", ns.name(), "-f", rendered.toString());
    assertThat(out).contains("deployment.apps/" + RELEASE + " created (server dry run)",
        "clusterrole.rbac.authorization.k8s.io/" + RELEASE,
        "role.rbac.authorization.k8s.io/" + RELEASE + "-leader-election",
        "service/" + RELEASE + "-metrics");

    // Watching only the test namespace, two replicas: a Role per namespace and a PodDisruptionBudget.
    Path namespaced = writeTemp(template(ns.name(), "--set", "watchNamespaces={" + ns.name() + "}",
        "--set", "replicas=2"));
    out = TestGround.run(120, "kubectl", "apply", "--dry-run=server", "-n", ns.name(), "-f", namespaced.toString());
    assertThat(out).contains("role.rbac.authorization.k8s.io/" + RELEASE + " created (server dry run)",
        "rolebinding.rbac.authorization.k8s.io/" + RELEASE + " created (server dry run)",
        "clusterrole.rbac.authorization.k8s.io/" + RELEASE + "-cluster-reads",
        "poddisruptionbudget.policy/" + RELEASE + " created (server dry run)");
  }

  @Test
  @Order(9)
  void operatorPodMeetsPodSecurityRestricted(KubernetesClient client, TestNamespace ns) {
    client.namespaces().withName(ns.name()).edit(n -> {
      n.getMetadata().getLabels().put("pod-security.kubernetes.io/enforce", "restricted");
      n.getMetadata().getLabels().put("pod-security.kubernetes.io/enforce-version", "latest");
      return n;
    });

    // Control: the namespace really enforces "restricted" (admission refuses a plain pod).
    Pod plain = new PodBuilder().withNewMetadata().withName("plain").withNamespace(ns.name()).endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("busybox:1.36").endContainer().endSpec().build();
    assertThatThrownBy(() -> client.resource(plain).dryRun().create())
        .isInstanceOf(KubernetesClientException.class).hasMessageContaining("violates PodSecurity");

    List<HasMetadata> rendered = parse(client, template(ns.name()));
    // The pod's ServiceAccount must exist for admission to accept the pod: create the rendered one.
    ServiceAccount sa = (ServiceAccount) rendered.stream().filter(ServiceAccount.class::isInstance).findFirst()
        .orElseThrow(() -> new AssertionError("no ServiceAccount rendered"));
    client.resource(sa).inNamespace(ns.name()).create();
    client.serviceAccounts().inNamespace(ns.name()).withName(sa.getMetadata().getName())
        .waitUntilCondition(s -> s != null, 30, TimeUnit.SECONDS);

    PodTemplateSpec template = deployment(rendered).getSpec().getTemplate();
    Pod operatorPod = new PodBuilder().withNewMetadata().withName("autonomy-operator-pss-check")
        .withNamespace(ns.name()).withLabels(template.getMetadata().getLabels())
        .withAnnotations(template.getMetadata().getAnnotations()).endMetadata()
        .withSpec(template.getSpec()).build();
    try {
      Pod accepted = client.resource(operatorPod).dryRun().create();
      assertThat(accepted.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    } catch (KubernetesClientException e) {
      fail("the rendered operator pod does not meet Pod Security 'restricted': " + e.getMessage(), e);
    }
  }

  @Test
  @Order(10)
  void installedRbacLetsTheOperatorDoItsWorkAndNoMore(KubernetesClient client, TestNamespace ns) {
    // A real install, watching only the test namespace; the release name is unique so that its
    // cluster-scoped objects cannot clash with anyone else's. The namespace enforces "restricted"
    // (previous test), so the ReplicaSet's pod is admitted by Pod Security for real.
    String release = ns.name();
    String sa = "system:serviceaccount:" + ns.name() + ":" + release + "-autonomy-operator";
    helm("install", release, CHART.toString(), "--namespace", ns.name(), "--skip-crds",
        "--set", "watchNamespaces={" + ns.name() + "}", "--set", "rbac.aggregate.enabled=false");
    try {
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client.pods().inNamespace(ns.name())
          .withLabel("app.kubernetes.io/instance", release).list().getItems()).isNotEmpty());

      String n = ns.name();
      assertCan(sa, true, "list", "agents.autonomy.dev", "-n", n);
      assertCan(sa, true, "patch", "agents.autonomy.dev", "--subresource=status", "-n", n);
      assertCan(sa, true, "update", "memorystores.autonomy.dev", "--subresource=finalizers", "-n", n);
      assertCan(sa, true, "create", "deployments.apps", "-n", n);
      assertCan(sa, true, "delete", "pods", "-n", n);
      assertCan(sa, true, "create", "secrets", "-n", n);
      assertCan(sa, true, "create", "rolebindings.rbac.authorization.k8s.io", "-n", n);
      assertCan(sa, true, "list", "nodes");
      assertCan(sa, true, "get", "customresourcedefinitions.apiextensions.k8s.io");
      assertCan(sa, true, "create", "leases.coordination.k8s.io", "-n", n);
      assertCan(sa, true, "update", "leases.coordination.k8s.io/autonomy-operator-lease", "-n", n);
      assertCan(sa, false, "update", "leases.coordination.k8s.io/someone-elses-lease", "-n", n);
      assertCan(sa, false, "delete", "secrets", "-n", n);
      assertCan(sa, false, "create", "pods", "-n", n);
      assertCan(sa, false, "list", "pods", "-n", "default");
      assertCan(sa, false, "list", "leases.coordination.k8s.io", "-n", "kube-system");
      assertCan(sa, false, "delete", "nodes");
      assertCan(sa, false, "create", "clusterroles.rbac.authorization.k8s.io");
      assertCan(sa, false, "escalate", "roles.rbac.authorization.k8s.io", "-n", n);
      assertCan(sa, false, "bind", "roles.rbac.authorization.k8s.io", "-n", n);

      // The read-only Role the operator makes per Agent: it holds every rule it grants, so the API
      // server's escalation check lets it create the Role without `escalate`.
      String resources = "--resource=pods,services,configmaps,events,deployments.apps,jobs.batch,"
          + "agents.autonomy.dev,policies.autonomy.dev,leagues.autonomy.dev,memorystores.autonomy.dev";
      TestGround.run(60, "kubectl", "create", "role", "agent-reader", "-n", n, "--verb=get,list,watch", resources,
          "--dry-run=server", "--as=" + sa);
      // The trainer's Role per Policy: get and patch on its one Policy and its status.
      TestGround.run(60, "kubectl", "create", "role", "policy-trainer", "-n", n, "--verb=get,patch",
          "--resource=policies.autonomy.dev,policies.autonomy.dev/status", "--resource-name=cartpole-ppo",
          "--dry-run=server", "--as=" + sa);
      Result escalating = testground("kubectl", "create", "role", "secret-deleter", "-n", n, "--verb=delete",
          "--resource=secrets", "--dry-run=server", "--as=" + sa);
      assertThat(escalating.exitCode()).as(escalating.output()).isNotZero();
      assertThat(escalating.output()).contains("attempting to grant RBAC permissions not currently held");
    } finally {
      helm("uninstall", release, "--namespace", ns.name(), "--wait", "--timeout", "60s");
    }
  }

  // --- helpers ---

  private static void assertCan(String user, boolean expected, String... args) {
    List<String> command = new ArrayList<>(List.of("kubectl", "auth", "can-i"));
    command.addAll(List.of(args));
    command.add("--as=" + user);
    Result result = testground(command.toArray(String[]::new));
    String[] lines = result.output().trim().split("\n");
    assertThat(lines[lines.length - 1].trim()).as("kubectl auth can-i %s: %s", String.join(" ", args), result.output())
        .isEqualTo(expected ? "yes" : "no");
  }

  /** Fails, naming each file, when helm-chart/autonomy-operator/crds is not a copy of crds/*.yml. */
  private static void assertCrdsInSync() {
    List<Path> generated = list(GENERATED_CRDS, ".yml");
    assertThat(generated).as("generated CRDs in %s (build the crds module)", GENERATED_CRDS).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Path source : generated) {
      Path copy = CHART.resolve("crds").resolve(source.getFileName());
      if (!Files.exists(copy)) {
        problems.add("missing in chart: crds/" + source.getFileName());
      } else if (!readString(copy).equals(readString(source))) {
        problems.add("differs from crds/" + source.getFileName() + ": helm-chart/autonomy-operator/crds/" + source.getFileName());
      }
    }
    for (Path copy : list(CHART.resolve("crds"), "")) {
      if (!Files.exists(GENERATED_CRDS.resolve(copy.getFileName()))) {
        problems.add("stale in chart (no crds/" + copy.getFileName() + "): helm-chart/autonomy-operator/crds/" + copy.getFileName());
      }
    }
    if (!problems.isEmpty()) {
      fail("The chart's CRDs are out of sync with the generated ones; run helm-chart/sync-crds.sh and commit:\n  "
          + String.join("\n  ", problems));
    }
  }

  private static String template(String namespace, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of("template", RELEASE, CHART.toString(), "--namespace", namespace));
    args.addAll(List.of(extraArgs));
    return helm(args.toArray(String[]::new));
  }

  private static String helm(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "helm";
    System.arraycopy(args, 0, command, 1, args.length);
    return TestGround.run(120, command);
  }

  /** Runs {@code testground helm ARGS}, expects it to fail, and returns its stdout and stderr. */
  private static String helmFailing(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "helm";
    System.arraycopy(args, 0, command, 1, args.length);
    Result result = testground(command);
    assertThat(result.exitCode()).as("exit status of helm %s; output:%n%s", String.join(" ", args), result.output())
        .isNotZero();
    return result.output();
  }

  private record Result(int exitCode, String output) {}

  /** Runs {@code testground/testground ARGS}, whatever its exit status; stdout and stderr together. */
  private static Result testground(String... args) {
    List<String> command = new ArrayList<>(List.of(REPO.resolve("testground/testground").toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " took over 120 s");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<HasMetadata> parse(KubernetesClient client, String yaml) {
    return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
  }

  private static Deployment deployment(List<HasMetadata> resources) {
    return resources.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment rendered"));
  }

  private static Map<String, String> env(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(e -> e.getName(), e -> e.getValue(), (a, b) -> b));
  }

  private static Set<String> kinds(List<HasMetadata> resources) {
    return resources.stream().map(HasMetadata::getKind).collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<HasMetadata> concat(List<HasMetadata> a, List<HasMetadata> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  private static List<Path> list(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path writeTemp(String content) {
    try {
      Path file = Files.createTempFile("autonomy-chart", ".yaml");
      file.toFile().deleteOnExit();
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
