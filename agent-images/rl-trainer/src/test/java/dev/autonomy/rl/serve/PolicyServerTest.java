package dev.autonomy.rl.serve;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.rl.checkpoint.CheckpointMeta;
import dev.autonomy.rl.checkpoint.CheckpointStore;
import dev.autonomy.rl.nn.Mlp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving API on loopback: readiness, act (single and batch), errors, feedback, hot swap. */
class PolicyServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir
  Path dir;

  /** A checkpoint whose network always prefers {@code action} (its output bias decides). */
  private void checkpoint(CheckpointStore store, String id, int action) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Mlp net = Mlp.create(manager, new int[] {4, 8, 2}, Mlp.Activation.TANH, 0.0, 1);
      NDList params = net.parameters();
      params.get(3).set(action == 0 ? new float[] {5f, -5f} : new float[] {-5f, 5f});
      store.write(new CheckpointMeta(id, 100, 1, 1, 0, null, "", "ppo", "CartPole-v1", net.sizes(),
          net.activation(), params.size()), params, new NDList());
    }
  }

  private HttpResponse<String> post(PolicyServer server, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(PolicyServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersDecisionsAndFollowsANewRevision() throws Exception {
    CheckpointStore store = new CheckpointStore(dir);
    checkpoint(store, "g1-s0000000100", 0);
    checkpoint(store, "g1-s0000000200", 1);
    AtomicReference<Double> live = new AtomicReference<>();
    try (PolicyServer server = new PolicyServer("127.0.0.1", 0, live::set)) {
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
      assertThat(post(server, "/v1/act", "{\"observation\":[0,0,0,0]}").statusCode()).isEqualTo(503);
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);

      server.swap(PolicyModel.load(store, "g1-s0000000100"));
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
      JsonNode one = JSON.readTree(post(server, "/v1/act", "{\"observation\":[0.1,0,0.2,0]}").body());
      assertThat(one.get("action").asInt()).isZero();
      assertThat(one.get("revision").asText()).isEqualTo("g1-s0000000100");
      JsonNode batch = JSON.readTree(post(server, "/v1/act", "{\"observations\":[[0,0,0,0],[1,1,1,1]]}").body());
      assertThat(batch.get("actions")).hasSize(2);

      server.swap(PolicyModel.load(store, "g1-s0000000200"));
      JsonNode after = JSON.readTree(post(server, "/v1/act", "{\"observation\":[0.1,0,0.2,0]}").body());
      assertThat(after.get("action").asInt()).isEqualTo(1);
      assertThat(JSON.readTree(get(server, "/v1/revision").body()).get("revision").asText()).isEqualTo("g1-s0000000200");

      HttpResponse<String> wrongSize = post(server, "/v1/act", "{\"observation\":[1,2]}");
      assertThat(wrongSize.statusCode()).isEqualTo(400);
      assertThat(wrongSize.body()).contains("expects 4");
      assertThat(post(server, "/v1/act", "{}").statusCode()).isEqualTo(400);

      assertThat(post(server, "/v1/feedback", "{\"episodeReward\":100}").statusCode()).isEqualTo(202);
      assertThat(post(server, "/v1/feedback", "{\"episodeReward\":200}").body()).contains("150");
      assertThat(live.get()).isEqualTo(150.0);
    }
  }
}
