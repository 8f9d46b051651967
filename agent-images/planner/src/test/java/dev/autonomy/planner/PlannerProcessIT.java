package dev.autonomy.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.autonomy.api.v1alpha1.agent.GoalOutcome;
import dev.autonomy.api.v1alpha1.agent.GoalResult;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged planner (quarkus-run.jar) as the Agent reconciler runs it: config file, env, the real
 * local model and the test ground's API server. A {@code once} standing goal runs when the model
 * answers and its outcome lands in the outcomes ConfigMap in the operator's format; the API takes a
 * goal and streams its steps; health and metrics answer.
 */
@KubernetesTest
class PlannerProcessIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static OperatorProcess planner;
  static HttpServer server;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace ns, TestCluster cluster) throws Exception {
    Map<String, String> llm = TestGround.services("llm");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      byte[] body = "{\"status\": \"ok\"}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    String host = "127.0.0.1:" + server.getAddress().getPort();
    client.configMaps().inNamespace(ns.name()).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("helper-outcomes").endMetadata().addToData("outcomes.json", "[]").build()).create();

    String config = """
        {"agent": "helper", "namespace": "%s",
         "model": {"provider": "openai-compatible", "endpoint": "%s", "modelName": "%s", "temperature": 0.0,
                   "maxTokens": 200, "timeout": "120s", "maxRetries": 1},
         "role": "helper",
         "goals": [{"name": "check-status", "goal": "Use the http tool: GET /status on host %s.", "once": true},
                   {"name": "new-year", "goal": "Wish a happy new year.", "schedule": "@yearly"},
                   {"name": "quarter-hour", "goal": "Say the time.", "schedule": "0,15,30,45 3 29 2 *"}],
         "planner": {"maxDepth": 1, "maxSteps": 4, "maxRetriesPerTask": 0, "reflection": false, "timeBudget": "4m",
                     "outcomeHistory": 5},
         "tools": {"http": {"enabled": true, "allowedHosts": ["%s"]}, "kubernetesRead": {"enabled": true,
                   "resources": ["configmaps"]}, "memory": {"enabled": false}, "policy": {"enabled": false}},
         "policies": [],
         "memory": {"backend": "inprocess"}}
        """.formatted(ns.name(), llm.get("AUTONOMY_LLM_URL"), llm.get("AUTONOMY_LLM_MODEL"), host, host);
    Path dir = Files.createDirectories(Path.of("target", "planner-runs"));
    Path file = Files.writeString(dir.resolve("planner-" + ns.name() + ".json"), config);
    planner = OperatorProcess.start(Path.of("target/quarkus-app/quarkus-run.jar"), cluster,
        List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-Xss512k"),
        Map.of("AUTONOMY_PLANNER_CONFIG", file.toAbsolutePath().toString(),
            "AUTONOMY_OUTCOMES_CONFIGMAP", "helper-outcomes",
            "AUTONOMY_PLANNER_ONCE_CHECK_INTERVAL", "1s"));
  }

  @AfterAll
  static void stop() {
    if (planner != null) {
      System.out.println(planner.log());
      planner.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aOnceGoalRunsWhenTheModelAnswersAndItsOutcomeLandsInTheConfigMap(KubernetesClient client, TestNamespace ns)
      throws Exception {
    assertThat(planner.get("/q/health/ready").body()).contains("\"UP\"").contains("openai-compatible/smollm2");
    assertThat(planner.get("/q/health/live").statusCode()).isEqualTo(200);
    // Scheduled goals are accepted as the Agent spec writes them (five fields, or a macro).
    assertThat(planner.log()).contains("standing goal new-year scheduled (0 0 1 1 *)")
        .contains("standing goal quarter-hour scheduled (0,15,30,45 3 29 2 *)");

    GoalOutcome outcome = null;
    long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
    while (System.nanoTime() < deadline) {
      ConfigMap cm = client.configMaps().inNamespace(ns.name()).withName("helper-outcomes").get();
      List<GoalOutcome> all = Arrays.asList(Serialization.unmarshal(cm.getData().get("outcomes.json"),
          GoalOutcome[].class));
      if (!all.isEmpty() && all.get(all.size() - 1).getResult() != GoalResult.RUNNING) {
        assertThat(all).hasSize(1);
        outcome = all.get(0);
        break;
      }
      Thread.sleep(1000);
    }
    assertThat(outcome).as("an outcome in the ConfigMap").isNotNull();
    assertThat(outcome.getGoal()).isEqualTo("check-status");
    assertThat(outcome.getRunId()).startsWith("ep-");
    assertThat(outcome.getResult()).isIn(GoalResult.SUCCEEDED, GoalResult.FAILED, GoalResult.BUDGET_EXHAUSTED);
    assertThat(Instant.parse(outcome.getCompletionTime())).isAfterOrEqualTo(Instant.parse(outcome.getStartTime()));
    assertThat(outcome.getSteps()).isBetween(1, 4);
    assertThat(outcome.getTokens()).isPositive();
    assertThat(outcome.getSummary()).isNotBlank().hasSizeLessThanOrEqualTo(200);
    // The API knows the episode.
    JsonNode ep = JSON.readTree(planner.get("/api/episodes/" + outcome.getRunId()).body());
    assertThat(ep.path("standingGoal").asText()).isEqualTo("check-status");
  }

  @Test
  void notReadyWhileNoModelAnswersAndTheKeyIsNeverLogged() throws Exception {
    int deadPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    Path dir = Files.createDirectories(Path.of("target", "planner-runs"));
    Path key = Files.writeString(dir.resolve("dead-model-key"), "sk-test-4f9a1c-never-log-me\n");
    Path file = Files.writeString(dir.resolve("planner-dead-model.json"), """
        {"agent": "mute", "namespace": "nowhere",
         "model": {"provider": "openai-compatible", "endpoint": "http://127.0.0.1:%d/v1", "modelName": "gone",
                   "timeout": "2s", "maxRetries": 0},
         "tools": {"kubernetesRead": {"enabled": false}}}
        """.formatted(deadPort));
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path log = dir.resolve("planner-dead-model.log");
    ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-jar", "target/quarkus-app/quarkus-run.jar")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    b.environment().put("AUTONOMY_PLANNER_CONFIG", file.toAbsolutePath().toString());
    b.environment().put("AUTONOMY_MODEL_API_KEY_FILE", key.toAbsolutePath().toString());
    b.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    b.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
    b.environment().put("QUARKUS_LOG_LEVEL", "DEBUG");
    Process p = b.start();
    try {
      HttpResponse<String> live = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < deadline && p.isAlive()) {
        try {
          live = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live")).build(),
              HttpResponse.BodyHandlers.ofString());
          if (live.statusCode() == 200) {
            break;
          }
        } catch (java.io.IOException notYet) {
          Thread.sleep(200);
        }
      }
      assertThat(live).as("live: %s", Files.readString(log)).isNotNull();
      assertThat(live.statusCode()).isEqualTo(200);
      Thread.sleep(3000);  // the first model check has run (and failed)
      HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("\"DOWN\"").contains("openai-compatible/gone").doesNotContain("sk-test");
    } finally {
      p.destroy();
      p.waitFor();
    }
    assertThat(Files.readString(log)).doesNotContain("sk-test-4f9a1c");
  }

  @Test
  void theApiTakesAGoalAndStreamsItsSteps() throws Exception {
    HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + planner.port()
        + "/api/goals")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"goal\": \"Say hello.\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).isEqualTo(202);
    String id = JSON.readTree(submitted.body()).path("id").asText();
    assertThat(submitted.headers().firstValue("Location")).contains("/api/episodes/" + id);

    HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + planner.port()
        + "/api/episodes/" + id + "/stream")).timeout(Duration.ofMinutes(6)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<String> events = new ArrayList<>();
    String end = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String event = null;
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("event:")) {
          event = line.substring(6).strip();
          events.add(event);
        } else if (line.startsWith("data:") && "end".equals(event)) {
          end = line.substring(5).strip();
          break;
        }
      }
    }
    assertThat(events).contains("step").last().isEqualTo("end");
    assertThat(JSON.readTree(end).path("id").asText()).isEqualTo(id);
    JsonNode steps = JSON.readTree(planner.get("/api/episodes/" + id + "/steps").body());
    assertThat(steps.size()).isEqualTo(events.size() - 1);
    assertThat(steps.get(0).path("kind").asText()).isIn("RECALL", "PLAN_MEMORY");
    JsonNode result = JSON.readTree(planner.get("/api/episodes/" + id + "/result").body());
    assertThat(result.path("finished").asBoolean()).isTrue();
    assertThat(JSON.readTree(planner.get("/api/episodes/" + id + "/plan").body()).path("tasks").isArray()).isTrue();
    assertThat(JSON.readTree(planner.get("/api/episodes?limit=5").body()).size()).isGreaterThanOrEqualTo(1);
    assertThat(planner.get("/api/episodes/ep-nope").statusCode()).isEqualTo(404);

    String metrics = planner.get("/q/metrics").body();
    assertThat(metrics).contains("autonomy_planner_tokens_total").contains("autonomy_planner_steps_total")
        .contains("autonomy_planner_step_duration_seconds").contains("autonomy_planner_reflections_total")
        .contains("autonomy_planner_plan_memory_hits_total").contains("autonomy_planner_model_retries_total");
  }
}
