package dev.autonomy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pods labelled autonomy.dev/run-local run as real local processes with their real exit codes. */
@KubernetesTest
class LocalRunnerIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void localRunPodRunsARealJavaProgramAndReportsItsExitCode(KubernetesClient client, TestNamespace ns) throws Exception {
    client.configMaps().inNamespace(ns.name()).resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .endMetadata().addToData("greeting.txt", "hello from a ConfigMap").build()).create();
    client.pods().inNamespace(ns.name()).resource(program("exits", List.of("--config", "/etc/test/greeting.txt",
        "--ready-after-ms", "500", "--exit-after-ms", "6000", "--exit-code", "7"))).create();
    var pods = client.pods().inNamespace(ns.name()).withName("exits");

    Pod ready = pods.waitUntilCondition(LocalRunnerIT::ready, 60, TimeUnit.SECONDS);
    assertThat(ready.getStatus().getPhase()).isEqualTo("Running");
    int port = localPorts(ready).get("http");
    assertThat(get(port, "/config")).isEqualTo("hello from a ConfigMap");
    assertThat(get(port, "/env/GREETING")).isEqualTo("hi exits");
    assertThat(get(port, "/env/DJL_OFFLINE")).isEqualTo("true");

    Pod failed = pods.waitUntilCondition(p -> "Failed".equals(p.getStatus().getPhase()), 60, TimeUnit.SECONDS);
    var terminated = failed.getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(7);
    assertThat(terminated.getReason()).isEqualTo("Error");
  }

  @Test
  void deletingALocalRunPodEndsItsProcess(KubernetesClient client, TestNamespace ns) throws Exception {
    client.pods().inNamespace(ns.name()).resource(program("runs", List.of())).create();
    Pod ready = client.pods().inNamespace(ns.name()).withName("runs").waitUntilCondition(LocalRunnerIT::ready, 60, TimeUnit.SECONDS);
    int port = localPorts(ready).get("http");
    assertThat(get(port, "/ready")).isEqualTo("ready");
    client.pods().inNamespace(ns.name()).withName("runs").delete();
    await().atMost(Duration.ofSeconds(60)).until(() -> client.pods().inNamespace(ns.name()).withName("runs").get() == null);
    await().atMost(Duration.ofSeconds(10)).until(() -> !answers(port));
  }

  private static Pod program(String name, List<String> args) {
    return new PodBuilder().withNewMetadata().withName(name).addToLabels("autonomy.dev/run-local", "true").endMetadata()
        .withNewSpec().withRestartPolicy("Never").withTerminationGracePeriodSeconds(5L)
        .addNewContainer().withName("main").withImage("autonomy/test-program:dev").withArgs(args)
        .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name")
        .endFieldRef().endValueFrom().endEnv()
        .addNewEnv().withName("GREETING").withValue("hi $(POD_NAME)").endEnv()
        .addNewPort().withName("http").withContainerPort(8080).endPort()
        .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString("http")).endHttpGet()
        .withPeriodSeconds(1).endReadinessProbe()
        .addNewVolumeMount().withName("settings").withMountPath("/etc/test").endVolumeMount().endContainer()
        .addNewVolume().withName("settings").withNewConfigMap().withName("settings").withOptional(true).endConfigMap().endVolume()
        .endSpec().build();
  }

  private static boolean ready(Pod p) {
    return p != null && p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static Map<String, Integer> localPorts(Pod pod) throws Exception {
    return new ObjectMapper().readValue(pod.getMetadata().getAnnotations().get("autonomy.dev/local-ports"),
        new TypeReference<>() {});
  }

  private static String get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static boolean answers(int port) {
    try {
      get(port, "/ready");
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
