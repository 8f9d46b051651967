package dev.autonomy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What proves each backing service answers for real, given the settings {@code services env} printed. */
final class ServiceChecks {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceChecks() {}

  static void pgvectorAnswersAnHnswQuery(Map<String, String> pg) throws Exception {
    try (Connection c = DriverManager.getConnection(pg.get("AUTONOMY_PG_URL"), pg.get("AUTONOMY_PG_USER"), "");
         Statement s = c.createStatement()) {
      String table = "items_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
      s.execute("CREATE EXTENSION IF NOT EXISTS vector");
      s.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, embedding vector(3))");
      s.execute("INSERT INTO " + table + " SELECT i, ARRAY[i, i * 2, i * 3]::vector FROM generate_series(1, 200) i");
      s.execute("CREATE INDEX " + table + "_hnsw ON " + table + " USING hnsw (embedding vector_l2_ops)");
      s.execute("SET enable_seqscan = off");
      try (ResultSet plan = s.executeQuery("EXPLAIN SELECT id FROM " + table + " ORDER BY embedding <-> '[10,20,30]' LIMIT 3")) {
        StringBuilder text = new StringBuilder();
        while (plan.next()) {
          text.append(plan.getString(1));
        }
        assertThat(text).contains("Index Scan using " + table + "_hnsw");
      }
      List<Integer> ids = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT id FROM " + table + " ORDER BY embedding <-> '[10,20,30]' LIMIT 3")) {
        while (rs.next()) {
          ids.add(rs.getInt(1));
        }
      }
      assertThat(ids).first().isEqualTo(10);
      assertThat(ids).containsExactlyInAnyOrder(9, 10, 11);
      s.execute("DROP TABLE " + table);
    }
  }

  static void chromaAnswersItsHeartbeat(Map<String, String> chroma) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(chroma.get("AUTONOMY_CHROMA_URL") + "/api/v2/heartbeat"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).has("nanosecond heartbeat")).isTrue();
  }

  static void rayRunsASubmittedJobToSucceeded(Map<String, String> ray) throws Exception {
    String url = ray.get("AUTONOMY_RAY_DASHBOARD_URL");
    String id = "testground-" + UUID.randomUUID();
    String body = JSON.writeValueAsString(Map.of("entrypoint", "python -c \"print('hello from ray')\"", "submission_id", id));
    HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/jobs/"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      JsonNode job = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/jobs/" + id)).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertThat(job.path("status").asText()).as(job.toString()).isNotIn("FAILED", "STOPPED");
      return "SUCCEEDED".equals(job.path("status").asText());
    });
  }

  static void localModelAnswersASchemaConstrainedChat(Map<String, String> llm) throws Exception {
    Map<String, Object> schema = Map.of("type", "object", "required", List.of("steps"), "properties",
        Map.of("steps", Map.of("type", "array", "minItems", 1, "maxItems", 3, "items", Map.of("type", "string"))));
    String body = JSON.writeValueAsString(Map.of("model", llm.get("AUTONOMY_LLM_MODEL"), "max_tokens", 120,
        "temperature", 0, "messages", List.of(Map.of("role", "user", "content", "List steps to make tea as JSON.")),
        "response_format", Map.of("type", "json_object", "schema", schema)));
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(llm.get("AUTONOMY_LLM_URL") + "/chat/completions"))
        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(JSON.readTree(r.body()).at("/choices/0/message/content").asText());
    assertThat(answer.path("steps").isArray()).isTrue();
    assertThat(answer.path("steps").size()).isBetween(1, 3);
    answer.path("steps").forEach(step -> assertThat(step.isTextual()).isTrue());
  }
}
