package dev.autonomy.planner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.api.v1alpha1.agent.HttpToolSpec;
import dev.autonomy.planner.config.GoDurations;
import dev.autonomy.planner.schema.Schemas;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HTTP requests to allow-listed hosts with allow-listed methods only. The model gives
 * {@code method}, {@code host} (one of the allowed hosts), {@code path} and, for POST/PUT/PATCH,
 * {@code body}; the URL is built here, so a path cannot name another host. The scheme is https for
 * port 443, 8443 or no port, http otherwise. Redirects are not followed (a redirect could leave the
 * allow-list); the response is truncated to {@code maxResponseBytes}.
 */
public final class HttpTool implements Tool {
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
  private final HostAllowList hosts;
  private final Set<String> methods;
  private final Duration timeout;
  private final int maxResponseBytes;
  private final HttpClient client;

  public HttpTool(HttpToolSpec spec) {
    this.hosts = new HostAllowList(spec.getAllowedHosts());
    List<String> m = spec.getAllowedMethods() == null || spec.getAllowedMethods().isEmpty() ? List.of("GET")
        : spec.getAllowedMethods();
    this.methods = m.stream().map(s -> s.strip().toUpperCase(Locale.ROOT))
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    this.timeout = GoDurations.parse(spec.getTimeout(), Duration.ofSeconds(10));
    this.maxResponseBytes = spec.getMaxResponseBytes() == null ? 65536 : spec.getMaxResponseBytes();
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public String description() {
    return "HTTP request to an allowed host (" + String.join(", ", hosts.hosts()) + ") with method "
        + String.join("/", methods) + "; input {method, host, path, scheme?, body?}";
  }

  @Override
  public ObjectNode inputSchema() {
    ObjectNode s = Schemas.object();
    ObjectNode p = s.putObject("properties");
    p.set("method", Schemas.enumOf(methods));
    p.set("host", hosts.enumerable() ? Schemas.enumOf(hosts.hosts()) : Schemas.string(1, 260));
    p.set("path", Schemas.string(0, 2048));
    if (methods.stream().anyMatch(BODY_METHODS::contains)) {
      p.set("body", Schemas.string(0, 65536));
    }
    Schemas.required(s, "method", "host", "path");
    return s;
  }

  @Override
  public ToolResult execute(JsonNode input) {
    String method = input.path("method").asText("GET").strip().toUpperCase(Locale.ROOT);
    if (!methods.contains(method)) {
      return ToolResult.refused("method " + method + " is not allowed (allowed: " + String.join(", ", methods) + ")");
    }
    URI uri;
    try {
      uri = uri(input);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return ToolResult.failed("bad request: " + e.getMessage());
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    if (!hosts.allows(uri.getHost(), port)) {
      return ToolResult.refused("host " + uri.getHost() + ":" + port + " is not allowed (allowed: "
          + String.join(", ", hosts.hosts()) + ")");
    }
    String body = BODY_METHODS.contains(method) ? input.path("body").asText("") : "";
    HttpRequest.BodyPublisher publisher = body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, publisher)
        .header("User-Agent", "autonomy-planner").build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String text;
      boolean truncated;
      try (InputStream in = response.body()) {
        byte[] bytes = in.readNBytes(maxResponseBytes + 1);
        truncated = bytes.length > maxResponseBytes;
        text = new String(bytes, 0, Math.min(bytes.length, maxResponseBytes), StandardCharsets.UTF_8);
      }
      String out = "HTTP " + response.statusCode() + " " + method + " " + uri + "\n" + text
          + (truncated ? "\n[truncated at " + maxResponseBytes + " bytes]" : "");
      return response.statusCode() < 400 ? ToolResult.ok(out) : ToolResult.failed(out);
    } catch (IOException e) {
      return ToolResult.failed(method + " " + uri + " failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ToolResult.failed("interrupted");
    }
  }

  URI uri(JsonNode input) throws URISyntaxException {
    String hostPort = input.path("host").asText("").strip();
    if (hostPort.isEmpty() || hostPort.contains("/") || hostPort.contains("@")) {
      throw new IllegalArgumentException("host must be one of the allowed hosts, was '" + hostPort + "'");
    }
    String host = hostPort;
    int port = -1;
    int colon = hostPort.lastIndexOf(':');
    if (colon > 0) {
      host = hostPort.substring(0, colon);
      port = Integer.parseInt(hostPort.substring(colon + 1));
    }
    String scheme = input.path("scheme").asText("").strip().toLowerCase(Locale.ROOT);
    if (scheme.isEmpty()) {
      scheme = port < 0 || port == 443 || port == 8443 ? "https" : "http";
    }
    // A path has no blanks: what follows one is prose a small model copied from the task.
    String path = input.path("path").asText("/").strip().split("\\s+", 2)[0].replace("\"", "");
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    String query = null;
    int q = path.indexOf('?');
    if (q >= 0) {
      query = path.substring(q + 1);
      path = path.substring(0, q);
    }
    URI uri = new URI(scheme, null, host, port, path, query, null);
    if (!host.equalsIgnoreCase(uri.getHost())) {
      throw new IllegalArgumentException("host '" + host + "' is not a plain host name");
    }
    return uri;
  }
}
