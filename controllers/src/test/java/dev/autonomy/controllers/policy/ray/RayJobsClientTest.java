package dev.autonomy.controllers.policy.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted dashboard: the duplicate-submission 500 and the 404 of an unknown job. */
class RayJobsClientTest {
  private static final String ID = "autonomy-team_p-g1-a1";
  /** What Ray 2.60.0 answers to a second POST of the same submission_id (HTTP 500, a traceback). */
  private static final String DUPLICATE = """
      Traceback (most recent call last):
        File ".../ray/dashboard/modules/job/job_manager.py", line 553, in submit_job
          raise ValueError(
      ValueError: Job with submission_id autonomy-team_p-g1-a1 already exists. Please use a different submission_id.
      .
      """;
  private static final OkHttpClient HTTP = RayJobsClient.httpClient(Duration.ofSeconds(2), Duration.ofSeconds(3));

  private final MockWebServer server = new MockWebServer();
  private RayJobsClient client;

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getLoopbackAddress(), 0);
    client = new RayJobsClient(HTTP, server.url("/").toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void duplicateSubmissionIsTheJobRayAlreadyHas() throws Exception {
    server.enqueue(new MockResponse.Builder().code(500).body(DUPLICATE).build());
    server.enqueue(json("{\"submission_id\": \"" + ID + "\", \"status\": \"RUNNING\", \"message\": \"Job is running.\"}"));

    RayJob job = client.submit(body());

    assertThat(job).isEqualTo(new RayJob(ID, "RUNNING", "Job is running.", null, null));
    RecordedRequest post = server.takeRequest();
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getUrl().encodedPath()).isEqualTo("/api/jobs/");
    assertThat(new ObjectMapper().readTree(post.getBody().utf8()).path("submission_id").asText()).isEqualTo(ID);
    RecordedRequest get = server.takeRequest();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getUrl().encodedPath()).isEqualTo("/api/jobs/" + ID);
  }

  @Test
  void otherServerErrorsAreThrownWithTheirErrorLine() {
    server.enqueue(new MockResponse.Builder().code(500).body("Traceback:\nRuntimeError: No available agent\n.\n").build());

    assertThatThrownBy(() -> client.submit(body())).isInstanceOfSatisfying(RayJobsException.class, e -> {
      assertThat(e.status()).isEqualTo(500);
      assertThat(e.duplicate()).isFalse();
      assertThat(e.retryable()).isTrue();
      assertThat(e.getMessage()).endsWith("answered 500: RuntimeError: No available agent");
    });
  }

  @Test
  void unknownJobIsEmptyEverywhere() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(404).body("Job nope does not exist").build());
    }
    assertThat(client.get("nope")).isEmpty();
    assertThat(client.logs("nope")).isEmpty();
    assertThat(client.stop("nope")).isFalse();
    assertThat(client.delete("nope")).isFalse();
  }

  @Test
  void jobLogsStopAndDeleteReadRaysAnswers() throws Exception {
    server.enqueue(json("{\"submission_id\": \"" + ID + "\", \"status\": \"FAILED\", \"driver_exit_code\": 3, \"end_time\": 1795642982918}"));
    server.enqueue(json("{\"logs\": \"boom\\n\"}"));
    server.enqueue(json("{\"stopped\": false}"));
    server.enqueue(json("{\"deleted\": true}"));

    assertThat(client.get(ID)).contains(new RayJob(ID, "FAILED", null, 3, 1795642982918L));
    assertThat(client.logs(ID)).contains("boom\n");
    assertThat(client.stop(ID)).isFalse();
    assertThat(client.delete(ID)).isTrue();
    server.takeRequest();
    server.takeRequest();
    assertThat(server.takeRequest().getRequestLine()).isEqualTo("POST /api/jobs/" + ID + "/stop HTTP/1.1");
    assertThat(server.takeRequest().getRequestLine()).isEqualTo("DELETE /api/jobs/" + ID + " HTTP/1.1");
  }

  @Test
  void versionAndAnUnansweringDashboard() {
    server.enqueue(json("{\"version\": \"4\", \"ray_version\": \"2.60.0\"}"));
    assertThat(client.version()).isEqualTo("2.60.0");

    server.close();
    assertThatThrownBy(() -> client.version()).isInstanceOfSatisfying(RayJobsException.class, e -> {
      assertThat(e.status()).isZero();
      assertThat(e.retryable()).isTrue();
      assertThat(e.getMessage()).startsWith("The Ray dashboard at http://").contains("does not answer");
    });
  }

  @Test
  void errorLineIsTheTracebacksLastError() {
    assertThat(RayJobsClient.lastLine(DUPLICATE)).startsWith("ValueError: Job with submission_id").endsWith("submission_id.");
    assertThat(RayJobsClient.lastLine("Job x does not exist")).isEqualTo("Job x does not exist");
    assertThat(RayJobsClient.lastLine(null)).isEmpty();
  }

  private static ObjectNode body() {
    ObjectNode body = new ObjectMapper().createObjectNode();
    body.put("entrypoint", "echo hi");
    body.put("submission_id", ID);
    return body;
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }
}
