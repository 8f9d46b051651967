package dev.autonomy.controllers.policy.ray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.RayJobStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class RayJobsBackendTest {
  private static final RayJobsBackend BACKEND = new RayJobsBackend(new RaySubmissions("autonomy-rl-trainer", Map.of()),
      RayJobsClient.httpClient(Duration.ofSeconds(2), Duration.ofSeconds(3)));

  @Test
  void syncSubmitsWhenRayDoesNotKnowTheJob() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getLoopbackAddress(), 0);
      String id = "autonomy-team_cartpole-dqn-ray-g3-a1";
      server.enqueue(json("{\"ray_version\": \"2.60.0\"}"));
      server.enqueue(new MockResponse.Builder().code(404).body("Job " + id + " does not exist").build());
      server.enqueue(json("{\"submission_id\": \"" + id + "\"}"));
      server.enqueue(json("{\"submission_id\": \"" + id + "\", \"status\": \"PENDING\", \"message\": \"Job is pending.\"}"));

      RayJobStatus status = BACKEND.sync(policyAt(server.url("/").toString()), 1);

      assertThat(status.getSubmissionId()).isEqualTo(id);
      assertThat(status.getJobStatus()).isEqualTo("PENDING");
      assertThat(status.getMessage()).isEqualTo("Job is pending.");
      assertThat(IntStream.range(0, 4).mapToObj(i -> take(server)).collect(Collectors.toList()))
          .containsExactly("GET /api/version", "GET /api/jobs/" + id, "POST /api/jobs/", "GET /api/jobs/" + id);
    }
  }

  @Test
  void syncReportsAnUnansweringDashboardAsUnreachable() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    RayJobStatus status = BACKEND.sync(policyAt("http://127.0.0.1:" + port), 1);
    assertThat(status.getJobStatus()).isEqualTo(RayJobStates.UNREACHABLE);
    assertThat(status.getDashboardUrl()).isEqualTo("http://127.0.0.1:" + port);
    assertThat(status.getMessage()).startsWith("The Ray dashboard at http://127.0.0.1:" + port).endsWith(").");
  }

  @Test
  void syncRejectsASpecWithoutDashboard() {
    Policy policy = RayPolicies.example();
    policy.getSpec().getBackend().getRay().setDashboardUrl(null);
    RayJobStatus status = BACKEND.sync(policy, 1);
    assertThat(status.getJobStatus()).isEqualTo(RayJobStates.REJECTED);
    assertThat(RayJobStates.terminal(status)).isTrue();
  }

  @Test
  void tailKeepsTheLastTwentyLinesWithinTwoKilobytes() {
    String logs = IntStream.rangeClosed(1, 50).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n\n";
    String tail = RayJobsBackend.tail(logs);
    assertThat(tail.split("\n")).hasSize(20);
    assertThat(tail).startsWith("line 31\n").endsWith("line 50");

    String wide = "é".repeat(3000);
    assertThat(RayJobsBackend.tail(wide).getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(2048);
    assertThat(RayJobsBackend.tail(wide)).isEqualTo("é".repeat(1024));
  }

  @Test
  void statusMessageIsRaysFirstLine() {
    assertThat(RayJobsBackend.firstLine("Job failed due to an application error, last available logs:\nboom\n"))
        .isEqualTo("Job failed due to an application error, last available logs:");
    assertThat(RayJobsBackend.firstLine("x".repeat(400))).hasSize(301);
    assertThat(RayJobsBackend.firstLine(null)).isNull();
  }

  private static Policy policyAt(String url) {
    Policy policy = RayPolicies.example();
    policy.getSpec().getBackend().getRay().setDashboardUrl(url);
    return policy;
  }

  private static String take(MockWebServer server) {
    try {
      String line = server.takeRequest().getRequestLine();
      return line.substring(0, line.lastIndexOf(' '));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }
}
