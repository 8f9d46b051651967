package dev.autonomy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The test ground is a real cluster: validation, controllers, scheduling, GC, leases, chaos. */
@KubernetesTest
class ClusterIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void crdWithCelRuleRejectsABadObjectWithItsMessage(KubernetesClient client, TestNamespace ns) {
    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
        .load(getClass().getResourceAsStream("/widgets-crd.yaml")).item();
    client.resource(crd).serverSideApply();
    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
        .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
            .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 30, TimeUnit.SECONDS);
    // Discovery learns of a new CRD a moment after it is established.
    await().atMost(TIMEOUT).ignoreExceptions().until(() -> client.genericKubernetesResources(
        "testground.autonomy.dev/v1", "Widget").inNamespace(ns.name()).resource(widget("good", 3)).create() != null);
    assertThatThrownBy(() -> client.genericKubernetesResources("testground.autonomy.dev/v1", "Widget")
        .inNamespace(ns.name()).resource(widget("bad", 11)).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.size must be between 1 and 10");
  }

  @Test
  void deploymentGetsRunningPodsOnKwokNodesWithLoopbackAddresses(KubernetesClient client, TestNamespace ns) {
    Deployment d = new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
        .withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec()
        .endTemplate().endSpec().build();
    client.apps().deployments().inNamespace(ns.name()).resource(d).create();
    client.services().inNamespace(ns.name()).resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
        .withNewSpec().addToSelector("app", "web").addNewPort().withPort(80).endPort().endSpec().build()).create();
    client.apps().deployments().inNamespace(ns.name()).withName("web")
        .waitUntilCondition(x -> x.getStatus() != null && Integer.valueOf(3).equals(x.getStatus().getReadyReplicas()),
            60, TimeUnit.SECONDS);
    var pods = client.pods().inNamespace(ns.name()).withLabel("app", "web").list().getItems();
    assertThat(pods).hasSize(3).allSatisfy(p -> {
      assertThat(p.getStatus().getPhase()).isEqualTo("Running");
      assertThat(p.getStatus().getPodIP()).startsWith("127.");
      assertThat(p.getStatus().getHostIP()).startsWith("127.");
      assertThat(p.getSpec().getNodeName()).startsWith("kwok-node-");
    });
    assertThat(client.services().inNamespace(ns.name()).withName("web").get().getSpec().getClusterIP()).startsWith("127.");
    assertThat(client.nodes().list().getItems()).allSatisfy(n -> assertThat(n.getStatus().getAddresses())
        .allSatisfy(a -> assertThat(a.getType().equals("Hostname") || a.getAddress().startsWith("127.")).isTrue()));
  }

  @Test
  void statefulSetClaimsAreProvisionedAndBound(KubernetesClient client, TestNamespace ns) {
    var sts = new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder().withNewMetadata().withName("db").endMetadata()
        .withNewSpec().withServiceName("db").withReplicas(2).withNewSelector().addToMatchLabels("app", "db").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "db").endMetadata().withNewSpec()
        .addNewContainer().withName("db").withImage("postgres:18").endContainer().endSpec().endTemplate()
        .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata().withNewSpec()
        .withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources()
        .endSpec().endVolumeClaimTemplate().endSpec().build();
    client.apps().statefulSets().inNamespace(ns.name()).resource(sts).create();
    client.apps().statefulSets().inNamespace(ns.name()).withName("db").waitUntilCondition(s -> s.getStatus() != null
        && Integer.valueOf(2).equals(s.getStatus().getReadyReplicas()), 60, TimeUnit.SECONDS);
    assertThat(client.persistentVolumeClaims().inNamespace(ns.name()).list().getItems()).hasSize(2)
        .allSatisfy(pvc -> assertThat(pvc.getStatus().getPhase()).isEqualTo("Bound"));
  }

  @Test
  void jobCompletes(KubernetesClient client, TestNamespace ns) {
    Job job = new JobBuilder().withNewMetadata().withName("once").endMetadata().withNewSpec()
        .withNewTemplate().withNewSpec().withRestartPolicy("Never")
        .addNewContainer().withName("main").withImage("busybox").endContainer().endSpec().endTemplate().endSpec().build();
    client.batch().v1().jobs().inNamespace(ns.name()).resource(job).create();
    client.batch().v1().jobs().inNamespace(ns.name()).withName("once").waitUntilCondition(j -> j.getStatus() != null
        && Integer.valueOf(1).equals(j.getStatus().getSucceeded()), 60, TimeUnit.SECONDS);
  }

  @Test
  void podLabelledForFailureFailsWithTheRequestedExitCodeAndReason(KubernetesClient client, TestNamespace ns) {
    Pod pod = pod("oom", Map.of("pod-container-running-failed.stage.kwok.x-k8s.io", "true"), Map.of(
        "pod-container-running-failed.stage.kwok.x-k8s.io/exit-code", "137",
        "pod-container-running-failed.stage.kwok.x-k8s.io/reason", "OOMKilled"));
    client.pods().inNamespace(ns.name()).resource(pod).create();
    Pod failed = client.pods().inNamespace(ns.name()).withName("oom")
        .waitUntilCondition(p -> "Failed".equals(p.getStatus().getPhase()), 60, TimeUnit.SECONDS);
    var terminated = failed.getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(137);
    assertThat(terminated.getReason()).isEqualTo("OOMKilled");
  }

  @Test
  void crashLoopAndImagePullFailureStages(KubernetesClient client, TestNamespace ns) {
    client.pods().inNamespace(ns.name()).resource(pod("crashy", Map.of("autonomy.dev/chaos", "crash-loop"),
        Map.of("autonomy.dev/chaos-exit-code", "2", "autonomy.dev/chaos-delay", "300"))).create();
    client.pods().inNamespace(ns.name()).resource(pod("no-image", Map.of("autonomy.dev/chaos", "image-pull-failure"), Map.of())).create();
    Pod crashy = client.pods().inNamespace(ns.name()).withName("crashy").waitUntilCondition(p -> p.getStatus()
        .getContainerStatuses().stream().anyMatch(c -> c.getRestartCount() >= 2), 60, TimeUnit.SECONDS);
    var status = crashy.getStatus().getContainerStatuses().get(0);
    assertThat(status.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(2);
    Pod noImage = client.pods().inNamespace(ns.name()).withName("no-image").waitUntilCondition(p -> p.getStatus()
        .getContainerStatuses().stream().anyMatch(c -> c.getState().getWaiting() != null
            && "ImagePullBackOff".equals(c.getState().getWaiting().getReason())), 60, TimeUnit.SECONDS);
    assertThat(noImage.getStatus().getPhase()).isEqualTo("Pending");
  }

  @Test
  void nodeLabelledNotReadyGoesNotReady(KubernetesClient client, TestNamespace ns) {
    String name = "chaos-" + ns.name();
    Node node = new NodeBuilder().withNewMetadata().withName(name).addToAnnotations("kwok.x-k8s.io/node", "fake")
        .addToLabels("type", "kwok").endMetadata().withNewSpec().withPodCIDR("127.10.200.0/24")
        .addNewTaint().withKey("autonomy.dev/chaos").withEffect("NoSchedule").endTaint().endSpec().build();
    client.nodes().resource(node).create();
    try {
      client.nodes().withName(name).waitUntilCondition(ClusterIT::ready, 60, TimeUnit.SECONDS);
      client.nodes().withName(name).patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"metadata\":{\"labels\":{\"node-not-ready.stage.kwok.x-k8s.io\":\"true\"}}}");
      client.nodes().withName(name).waitUntilCondition(n -> !ready(n), 60, TimeUnit.SECONDS);
    } finally {
      client.nodes().withName(name).delete();
    }
  }

  @Test
  void ownerReferencesAreGarbageCollected(KubernetesClient client, TestNamespace ns) {
    ConfigMap owner = client.configMaps().inNamespace(ns.name()).resource(new ConfigMapBuilder()
        .withNewMetadata().withName("owner").endMetadata().build()).create();
    client.configMaps().inNamespace(ns.name()).resource(new ConfigMapBuilder().withNewMetadata().withName("child")
        .addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap").withName("owner")
        .withUid(owner.getMetadata().getUid()).endOwnerReference().endMetadata().build()).create();
    client.configMaps().inNamespace(ns.name()).withName("owner").delete();
    await().atMost(TIMEOUT).until(() -> client.configMaps().inNamespace(ns.name()).withName("child").get() == null);
  }

  @Test
  void serverSideApplyMergesFieldManagers(KubernetesClient client, TestNamespace ns) {
    var cms = client.configMaps().inNamespace(ns.name());
    cms.resource(new ConfigMapBuilder().withNewMetadata().withName("ssa").endMetadata().addToData("a", "1").build())
        .fieldManager("one").forceConflicts().serverSideApply();
    cms.resource(new ConfigMapBuilder().withNewMetadata().withName("ssa").endMetadata().addToData("b", "2").build())
        .fieldManager("two").forceConflicts().serverSideApply();
    assertThat(cms.withName("ssa").get().getData()).containsEntry("a", "1").containsEntry("b", "2");
  }

  @Test
  void aLeaseCanBeTaken(KubernetesClient client, TestNamespace ns) throws Exception {
    CountDownLatch leading = new CountDownLatch(1);
    var elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder().withName("test")
        .withLock(new LeaseLock(ns.name(), "test-lease", "me")).withLeaseDuration(Duration.ofSeconds(10))
        .withRenewDeadline(Duration.ofSeconds(8)).withRetryPeriod(Duration.ofMillis(500))
        .withLeaderCallbacks(new LeaderCallbacks(leading::countDown, () -> {}, id -> {})).build()).build();
    CompletableFuture<?> run = elector.start();
    try {
      assertThat(leading.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(client.leases().inNamespace(ns.name()).withName("test-lease").get().getSpec().getHolderIdentity())
          .isEqualTo("me");
    } finally {
      run.cancel(true);
    }
  }

  @Test
  void gpuPodSchedulesOnlyOnTheGpuNode(KubernetesClient client, TestNamespace ns) {
    client.pods().inNamespace(ns.name()).resource(gpuPod("gpu", "1")).create();
    client.pods().inNamespace(ns.name()).resource(gpuPod("too-many-gpus", "5")).create();
    Pod gpu = client.pods().inNamespace(ns.name()).withName("gpu")
        .waitUntilCondition(p -> "Running".equals(p.getStatus().getPhase()), 60, TimeUnit.SECONDS);
    assertThat(gpu.getSpec().getNodeName()).isEqualTo("kwok-gpu-0");
    Pod pending = client.pods().inNamespace(ns.name()).withName("too-many-gpus").waitUntilCondition(p ->
        p.getStatus() != null && p.getStatus().getConditions() != null
            && p.getStatus().getConditions().stream().anyMatch(c -> "PodScheduled".equals(c.getType())
            && "Unschedulable".equals(c.getReason())), 60, TimeUnit.SECONDS);
    assertThat(pending.getSpec().getNodeName()).isNull();
  }

  private static boolean ready(Node n) {
    return n != null && n.getStatus() != null && n.getStatus().getConditions() != null && n.getStatus().getConditions()
        .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static GenericKubernetesResource widget(String name, int size) {
    return new GenericKubernetesResourceBuilder().withApiVersion("testground.autonomy.dev/v1").withKind("Widget")
        .withNewMetadata().withName(name).endMetadata().addToAdditionalProperties("spec", Map.of("size", size)).build();
  }

  private static Pod pod(String name, Map<String, String> labels, Map<String, String> annotations) {
    return new PodBuilder().withNewMetadata().withName(name).withLabels(labels).withAnnotations(annotations).endMetadata()
        .withNewSpec().withRestartPolicy("Never").addNewContainer().withName("main").withImage("busybox").endContainer()
        .endSpec().build();
  }

  private static Pod gpuPod(String name, String gpus) {
    return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
        .addNewToleration().withKey("nvidia.com/gpu").withOperator("Exists").withEffect("NoSchedule").endToleration()
        .addNewContainer().withName("train").withImage("trainer").withNewResources()
        .addToLimits("nvidia.com/gpu", new Quantity(gpus)).endResources().endContainer().endSpec().build();
  }
}
