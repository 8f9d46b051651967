package dev.autonomy.planner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.planner.config.PolicyEndpoint;
import dev.autonomy.planner.schema.Schemas;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks a served Policy for a fast decision: {@code POST <endpoint>/act} with
 * {@code {"observation": [...]}}, answered with the Policy server's JSON (e.g. the action). Only the
 * Policies the Agent names ({@code policies} in the config) can be asked.
 */
public final class PolicyTool implements Tool {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_OUTPUT = 8192;

  private final Map<String, PolicyEndpoint> policies = new LinkedHashMap<>();
  private final Duration timeout;
  private final HttpClient client;

  public PolicyTool(List<PolicyEndpoint> policies, Duration timeout) {
    policies.stream().filter(p -> p.name() != null && p.endpoint() != null).forEach(p -> this.policies.put(p.name(), p));
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  public boolean hasPolicies() {
    return !policies.isEmpty();
  }

  @Override
  public String name() {
    return "policy";
  }

  @Override
  public String description() {
    StringBuilder b = new StringBuilder("Ask a trained policy for an action; input {policy, observation: [numbers]}. ");
    policies.values().forEach(p -> b.append(p.name()).append(": ")
        .append(p.description() == null ? "" : p.description()).append(". "));
    return b.toString().strip();
  }

  @Override
  public ObjectNode inputSchema() {
    ObjectNode s = Schemas.object();
    ObjectNode p = s.putObject("properties");
    p.set("policy", Schemas.enumOf(policies.isEmpty() ? List.of("none") : List.copyOf(policies.keySet())));
    ObjectNode obs = p.putObject("observation");
    obs.put("type", "array").put("maxItems", 4096);
    obs.putObject("items").put("type", "number");
    Schemas.required(s, "policy", "observation");
    return s;
  }

  @Override
  public ToolResult execute(JsonNode input) {
    String name = input.path("policy").asText("");
    PolicyEndpoint policy = policies.get(name);
    if (policy == null) {
      return ToolResult.refused("policy '" + name + "' is not one of this Agent's (" + String.join(", ",
          policies.keySet()) + ")");
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("observation", input.path("observation"));
    String base = policy.endpoint().endsWith("/") ? policy.endpoint().substring(0, policy.endpoint().length() - 1)
        : policy.endpoint();
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/act")).timeout(timeout)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
          .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      String text = response.body().length() > MAX_OUTPUT ? response.body().substring(0, MAX_OUTPUT) + "…"
          : response.body();
      String out = "policy " + name + " HTTP " + response.statusCode() + ": " + text;
      return response.statusCode() < 400 ? ToolResult.ok(out) : ToolResult.failed(out);
    } catch (IOException | IllegalArgumentException e) {
      return ToolResult.failed("policy " + name + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ToolResult.failed("interrupted");
    }
  }
}
