package dev.autonomy.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.autonomy.api.v1alpha1.agent.HttpToolSpec;
import dev.autonomy.planner.config.PolicyEndpoint;
import dev.autonomy.planner.tools.HostAllowList;
import dev.autonomy.planner.tools.HttpTool;
import dev.autonomy.planner.tools.KubernetesReadTool;
import dev.autonomy.planner.tools.PolicyTool;
import dev.autonomy.planner.tools.ToolResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToolAllowListTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private int port;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + (body.isEmpty() ? "" : " " + body));
      byte[] out;
      int status = 200;
      if (ex.getRequestURI().getPath().equals("/redirect")) {
        ex.getResponseHeaders().add("Location", "http://example.com/");
        status = 302;
        out = new byte[0];
      } else if (ex.getRequestURI().getPath().equals("/big")) {
        out = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
      } else if (ex.getRequestURI().getPath().equals("/act")) {
        out = "{\"action\": 1}".getBytes(StandardCharsets.UTF_8);
      } else {
        out = ("{\"status\": \"ok\", \"path\": \"" + ex.getRequestURI() + "\"}").getBytes(StandardCharsets.UTF_8);
      }
      ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpTool http(List<String> hosts, List<String> methods, int maxBytes) {
    HttpToolSpec spec = new HttpToolSpec();
    spec.setEnabled(true);
    spec.setAllowedHosts(hosts);
    spec.setAllowedMethods(methods);
    spec.setTimeout("2s");
    spec.setMaxResponseBytes(maxBytes);
    return new HttpTool(spec);
  }

  private static JsonNode in(String json) throws IOException {
    return JSON.readTree(json);
  }

  @Test
  void anAllowedHostAndMethodIsCalled() throws IOException {
    HttpTool tool = http(List.of("127.0.0.1:" + port), List.of("GET"), 65536);
    ToolResult r = tool.execute(in("{\"method\": \"GET\", \"host\": \"127.0.0.1:" + port + "\", \"path\": \"status?x=1\"}"));
    assertThat(r.ok()).isTrue();
    assertThat(r.output()).startsWith("HTTP 200 GET http://127.0.0.1:" + port + "/status?x=1").contains("\"ok\"");
    assertThat(requests).containsExactly("GET /status?x=1");
    // The model is offered exactly the allowed hosts and methods.
    assertThat(tool.inputSchema().path("properties").path("host").path("enum").get(0).asText())
        .isEqualTo("127.0.0.1:" + port);
    assertThat(tool.inputSchema().path("properties").path("method").path("enum")).hasSize(1);
  }

  @Test
  void otherPortsHostsAndMethodsAreRefusedWithoutARequest() throws IOException {
    HttpTool tool = http(List.of("127.0.0.1:" + port), List.of("GET"), 65536);
    assertThat(tool.execute(in("{\"method\": \"GET\", \"host\": \"127.0.0.1:" + (port + 1) + "\", \"path\": \"/\"}"))
        .refused()).isTrue();
    assertThat(tool.execute(in("{\"method\": \"GET\", \"host\": \"localhost:" + port + "\", \"path\": \"/\"}"))
        .refused()).isTrue();
    ToolResult post = tool.execute(in("{\"method\": \"POST\", \"host\": \"127.0.0.1:" + port + "\", \"path\": \"/\"}"));
    assertThat(post.refused()).isTrue();
    assertThat(post.output()).contains("method POST is not allowed");
    // A path cannot smuggle in another host.
    ToolResult smuggled = tool.execute(in("{\"method\": \"GET\", \"host\": \"evil.example@127.0.0.1:" + port
        + "\", \"path\": \"/\"}"));
    assertThat(smuggled.ok()).isFalse();
    ToolResult viaPath = tool.execute(in("{\"method\": \"GET\", \"host\": \"127.0.0.1:" + port
        + "\", \"path\": \"//evil.example/x\"}"));
    // The only request that went out is that last one, to the allowed host (a path, not a host).
    assertThat(viaPath.output()).startsWith("HTTP 200 GET http://127.0.0.1:" + port + "//evil.example/x");
    assertThat(requests).containsExactly("GET //evil.example/x");
  }

  @Test
  void redirectsAreNotFollowedAndBodiesAreTruncated() throws IOException {
    HttpTool tool = http(List.of("127.0.0.1:" + port), List.of("GET", "post"), 1000);
    ToolResult redirect = tool.execute(in("{\"method\": \"GET\", \"host\": \"127.0.0.1:" + port + "\", \"path\": \"/redirect\"}"));
    assertThat(redirect.output()).startsWith("HTTP 302");
    assertThat(requests).containsExactly("GET /redirect");
    ToolResult big = tool.execute(in("{\"method\": \"GET\", \"host\": \"127.0.0.1:" + port + "\", \"path\": \"/big\"}"));
    assertThat(big.output()).contains("[truncated at 1000 bytes]").hasSizeLessThan(1200);
    ToolResult post = tool.execute(in("{\"method\": \"POST\", \"host\": \"127.0.0.1:" + port
        + "\", \"path\": \"/p\", \"body\": \"hi\"}"));
    assertThat(post.ok()).isTrue();
    assertThat(requests).contains("POST /p hi");
  }

  @Test
  void hostEntriesMatchAsDocumented() {
    HostAllowList list = new HostAllowList(List.of("api.example.com", "*.svc.cluster.local", "127.0.0.1:8080"));
    assertThat(list.allows("api.example.com", 443)).isTrue();
    assertThat(list.allows("API.example.com", 8443)).isTrue();
    assertThat(list.allows("evil-api.example.com", 443)).isFalse();
    assertThat(list.allows("web.shop.svc.cluster.local", 80)).isTrue();
    assertThat(list.allows("svc.cluster.local", 80)).isFalse();
    assertThat(list.allows("127.0.0.1", 8080)).isTrue();
    assertThat(list.allows("127.0.0.1", 8081)).isFalse();
    assertThat(list.enumerable()).isFalse();
    assertThat(new HostAllowList(List.of()).allows("anything", 80)).isFalse();
  }

  @Test
  void kubernetesReadRefusesSecretsAndUnlistedResourcesBeforeAnyCall() throws IOException {
    KubernetesReadTool tool = new KubernetesReadTool(() -> {
      throw new AssertionError("no API call expected");
    }, "team", List.of("pods", "secrets", "Deployments", "widgets"));
    assertThat(tool.allowedResources()).containsExactly("pods", "deployments");
    assertThat(tool.execute(in("{\"resource\": \"secrets\"}")).refused()).isTrue();
    assertThat(tool.execute(in("{\"resource\": \"configmaps\"}")).refused()).isTrue();
    assertThat(tool.inputSchema().path("properties").path("resource").path("enum").toString())
        .isEqualTo("[\"pods\",\"deployments\"]");
  }

  @Test
  void policyToolPostsTheObservationToTheNamedPolicyOnly() throws IOException {
    PolicyTool tool = new PolicyTool(List.of(new PolicyEndpoint("cartpole", "balances a pole",
        "http://127.0.0.1:" + port)), Duration.ofSeconds(2));
    ToolResult r = tool.execute(in("{\"policy\": \"cartpole\", \"observation\": [0.1, 0, -0.2, 1]}"));
    assertThat(r.ok()).isTrue();
    assertThat(r.output()).contains("{\"action\": 1}");
    assertThat(requests).containsExactly("POST /act {\"observation\":[0.1,0,-0.2,1]}");
    assertThat(tool.execute(in("{\"policy\": \"other\", \"observation\": []}")).refused()).isTrue();
  }
}
