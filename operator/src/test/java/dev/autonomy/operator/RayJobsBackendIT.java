package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.api.v1alpha1.common.NamespacedObjectRef;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.RayJobStatus;
import dev.autonomy.controllers.policy.ray.RayJobStates;
import dev.autonomy.controllers.policy.ray.RayJobsBackend;
import dev.autonomy.controllers.policy.ray.RayJobsClient;
import dev.autonomy.controllers.policy.ray.RaySubmissions;
import dev.autonomy.testsupport.TestGround;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Ray backend against the test ground's real Ray 2.60.0 head (PyPI {@code ray[default]},
 * dashboard on loopback). The Policies name a KubeRay cluster; the endpoint override the operator
 * would be configured with sends its head service to the local dashboard.
 */
class RayJobsBackendIT {
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  private static final List<Policy> CREATED = new ArrayList<>();
  private static String dashboard;
  private static OkHttpClient http;
  private static RayJobsBackend backend;
  private static RayJobsClient ray;

  @BeforeAll
  static void rayHead() {
    dashboard = TestGround.services("ray").get("AUTONOMY_RAY_DASHBOARD_URL");
    URI uri = URI.create(dashboard);
    http = RayJobsClient.httpClient(Duration.ofSeconds(2), Duration.ofSeconds(5));
    backend = new RayJobsBackend(new RaySubmissions("autonomy-rl-trainer",
        Map.of("ray-it/raycluster-head-svc:8265", uri.getHost() + ":" + uri.getPort())), http);
    ray = new RayJobsClient(http, dashboard);
  }

  @AfterAll
  static void cleanUp() {
    for (Policy policy : CREATED) {
      String id = RaySubmissions.submissionId(policy, 1);
      ray.stop(id);
      await().atMost(JOB_TIMEOUT).until(() -> ray.get(id).map(job -> job.terminal()).orElse(true));
      ray.delete(id);
    }
  }

  @Test
  void submitsRunsToSucceededIdempotentlyAndDeletes() throws Exception {
    Policy policy = policy("ok", "python3 -c \"import os, time; print('ok', os.environ['AUTONOMY_POLICY_NAME'], "
        + "os.environ['DJL_OFFLINE'], os.environ['AUTONOMY_ATTEMPT']); time.sleep(2)\"");
    String id = RaySubmissions.submissionId(policy, 1);

    RayJobStatus first = backend.sync(policy, 1);
    assertThat(first.getSubmissionId()).isEqualTo(id);
    assertThat(first.getJobStatus()).isIn("PENDING", "RUNNING");
    assertThat(first.getDashboardUrl()).isEqualTo(dashboard);

    RayJobStatus done = awaitStatus(policy, RayJobStates.SUCCEEDED);
    assertThat(done.getSubmissionId()).isEqualTo(id);
    assertThat(backend.sync(policy, 1).getJobStatus()).isEqualTo(RayJobStates.SUCCEEDED);
    assertThat(ray.submit(new RaySubmissions("x", Map.of()).body(policy, 1)).status())
        .as("a second POST of the same submission_id (HTTP 500 from Ray) is the same job").isEqualTo("SUCCEEDED");
    assertThat(jobsWithId(id)).as("one job for the attempt").isEqualTo(1);
    assertThat(ray.logs(id)).hasValueSatisfying(logs -> assertThat(logs).contains("ok " + name("ok") + " true 1"));

    backend.delete(policy, done);
    assertGone(id);
    backend.delete(policy, done);
  }

  @Test
  void aRunningJobIsKeptByDeleteAndStoppedByStop() throws Exception {
    Policy policy = policy("long", "sleep 60");
    RayJobStatus submitted = backend.sync(policy, 1);
    RayJobStatus running = awaitStatus(policy, RayJobStates.RUNNING);

    backend.delete(policy, running);
    assertThat(ray.get(submitted.getSubmissionId())).as("a running job is not deleted").isPresent();

    long start = System.nanoTime();
    backend.stop(policy, running);
    RayJobStatus stopped = awaitStatus(policy, RayJobStates.STOPPED);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    backend.stop(policy, stopped);
    backend.delete(policy, stopped);
    assertGone(submitted.getSubmissionId());
  }

  @Test
  void failureLogsOfAFailedJobHoldItsOutput() throws Exception {
    Policy policy = policy("boom", "python3 -c \"import sys; print('boom'); sys.exit(3)\"");
    backend.sync(policy, 1);
    RayJobStatus failed = awaitStatus(policy, RayJobStates.FAILED);

    assertThat(backend.failureLogs(policy, failed)).hasValueSatisfying(logs -> {
      assertThat(logs).contains("boom");
      assertThat(logs.lines().count()).isLessThanOrEqualTo(20);
    });
    backend.delete(policy, failed);
    assertGone(failed.getSubmissionId());
    assertThat(backend.failureLogs(policy, failed)).isEmpty();
  }

  @Test
  void anUnansweringDashboardIsUnreachableQuickly() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Policy policy = policy("nowhere", "true");
    policy.getSpec().getBackend().getRay().setDashboardUrl("http://127.0.0.1:" + port);

    long start = System.nanoTime();
    RayJobStatus status = backend.sync(policy, 1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(status.getJobStatus()).isEqualTo(RayJobStates.UNREACHABLE);
    assertThat(status.getMessage()).contains("does not answer");
  }

  private static RayJobStatus awaitStatus(Policy policy, String wanted) {
    RayJobStatus[] last = new RayJobStatus[1];
    await().atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      last[0] = backend.sync(policy, 1);
      assertThat(last[0].getJobStatus()).as(last[0].getMessage()).isEqualTo(wanted);
    });
    return last[0];
  }

  /** Deleted, and still gone a while later (Ray brings back a job deleted too early as FAILED). */
  private static void assertGone(String id) throws InterruptedException {
    assertThat(ray.get(id)).isEmpty();
    Thread.sleep(2500);
    assertThat(ray.get(id)).as("no ghost of the deleted job").isEmpty();
  }

  /** How many jobs Ray lists with this submission_id. */
  private static long jobsWithId(String id) throws Exception {
    try (Response response = http.newCall(new Request.Builder().url(dashboard + "/api/jobs/").build()).execute()) {
      JsonNode jobs = new ObjectMapper().readTree(response.body().string());
      long count = 0;
      for (JsonNode job : jobs) {
        count += id.equals(job.path("submission_id").asText()) ? 1 : 0;
      }
      return count;
    }
  }

  /** The example Ray Policy, on KubeRay cluster ray-it/raycluster, with this entrypoint and no CPU reserved. */
  private static Policy policy(String suffix, String entrypoint) {
    try {
      Policy policy = Serialization.unmarshal(Files.readString(Path.of("..", "examples", "ray", "policy.yaml")), Policy.class);
      policy.getMetadata().setNamespace("ray-it");
      policy.getMetadata().setName(name(suffix));
      policy.getMetadata().setGeneration(1L);
      NamespacedObjectRef cluster = new NamespacedObjectRef();
      cluster.setName("raycluster");
      policy.getSpec().getBackend().getRay().setDashboardUrl(null);
      policy.getSpec().getBackend().getRay().setRayClusterRef(cluster);
      policy.getSpec().getBackend().getRay().setEntrypoint(entrypoint);
      policy.getSpec().getBackend().getRay().setEntrypointNumCpus(null);
      synchronized (CREATED) {
        CREATED.add(policy);
      }
      return policy;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String name(String suffix) {
    return "ray-it-" + RUN + "-" + suffix;
  }
}
