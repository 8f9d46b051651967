package dev.autonomy.planner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.planner.schema.Schemas;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads (get, list) the Agent's own namespace through the pod's ServiceAccount, for the resources
 * in {@code spec.tools.kubernetesRead.resources} only; Secrets never, whatever the list says.
 * Answers are summaries (names and status), truncated, not whole objects.
 */
public final class KubernetesReadTool implements Tool {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_OUTPUT = 16_384;
  private static final int MAX_ITEMS = 50;

  /** Plural resource name → apiVersion and kind. */
  static final Map<String, String[]> RESOURCES = Map.ofEntries(
      Map.entry("pods", new String[] {"v1", "Pod"}),
      Map.entry("services", new String[] {"v1", "Service"}),
      Map.entry("events", new String[] {"v1", "Event"}),
      Map.entry("configmaps", new String[] {"v1", "ConfigMap"}),
      Map.entry("endpoints", new String[] {"v1", "Endpoints"}),
      Map.entry("persistentvolumeclaims", new String[] {"v1", "PersistentVolumeClaim"}),
      Map.entry("serviceaccounts", new String[] {"v1", "ServiceAccount"}),
      Map.entry("deployments", new String[] {"apps/v1", "Deployment"}),
      Map.entry("statefulsets", new String[] {"apps/v1", "StatefulSet"}),
      Map.entry("replicasets", new String[] {"apps/v1", "ReplicaSet"}),
      Map.entry("daemonsets", new String[] {"apps/v1", "DaemonSet"}),
      Map.entry("jobs", new String[] {"batch/v1", "Job"}),
      Map.entry("cronjobs", new String[] {"batch/v1", "CronJob"}),
      Map.entry("ingresses", new String[] {"networking.k8s.io/v1", "Ingress"}),
      Map.entry("networkpolicies", new String[] {"networking.k8s.io/v1", "NetworkPolicy"}),
      Map.entry("horizontalpodautoscalers", new String[] {"autoscaling/v2", "HorizontalPodAutoscaler"}),
      Map.entry("poddisruptionbudgets", new String[] {"policy/v1", "PodDisruptionBudget"}),
      Map.entry("agents", new String[] {"autonomy.dev/v1alpha1", "Agent"}),
      Map.entry("policies", new String[] {"autonomy.dev/v1alpha1", "Policy"}),
      Map.entry("leagues", new String[] {"autonomy.dev/v1alpha1", "League"}),
      Map.entry("memorystores", new String[] {"autonomy.dev/v1alpha1", "MemoryStore"}));

  private final Supplier<KubernetesClient> client;
  private final String namespace;
  private final List<String> allowed;

  public KubernetesReadTool(Supplier<KubernetesClient> client, String namespace, List<String> resources) {
    this.client = client;
    this.namespace = namespace;
    List<String> a = new ArrayList<>();
    for (String r : resources == null ? List.<String>of() : resources) {
      String plural = r.strip().toLowerCase(Locale.ROOT);
      if (!plural.equals("secrets") && RESOURCES.containsKey(plural) && !a.contains(plural)) {
        a.add(plural);
      }
    }
    this.allowed = List.copyOf(a);
  }

  public List<String> allowedResources() {
    return allowed;
  }

  @Override
  public String name() {
    return "kubernetesRead";
  }

  @Override
  public String description() {
    return "Read the namespace " + namespace + ": list or get " + String.join(", ", allowed)
        + "; input {resource, name?, labelSelector?}";
  }

  @Override
  public ObjectNode inputSchema() {
    ObjectNode s = Schemas.object();
    ObjectNode p = s.putObject("properties");
    p.set("resource", Schemas.enumOf(allowed.isEmpty() ? List.of("pods") : allowed));
    p.set("name", Schemas.string(0, 253));
    p.set("labelSelector", Schemas.string(0, 1024));
    Schemas.required(s, "resource");
    return s;
  }

  @Override
  public ToolResult execute(JsonNode input) {
    String resource = input.path("resource").asText("").strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(resource)) {
      return ToolResult.refused("resource '" + resource + "' is not readable (allowed: " + String.join(", ", allowed)
          + ")");
    }
    String[] type = RESOURCES.get(resource);
    String name = input.path("name").asText("").strip();
    String selector = input.path("labelSelector").asText("").strip();
    try {
      var op = client.get().genericKubernetesResources(type[0], type[1]).inNamespace(namespace);
      if (!name.isEmpty()) {
        GenericKubernetesResource one = op.withName(name).get();
        if (one == null) {
          return ToolResult.failed(type[1] + " " + name + " not found in " + namespace);
        }
        return ToolResult.ok(truncate(summary(resource, JSON.valueToTree(one)).toString()));
      }
      List<GenericKubernetesResource> items = selector.isEmpty() ? op.list().getItems()
          : op.withLabelSelector(selector).list().getItems();
      ArrayNode out = JSON.createArrayNode();
      for (GenericKubernetesResource item : items.subList(0, Math.min(items.size(), MAX_ITEMS))) {
        out.add(summary(resource, JSON.valueToTree(item)));
      }
      String suffix = items.size() > MAX_ITEMS ? " (first " + MAX_ITEMS + " of " + items.size() + ")" : "";
      return ToolResult.ok(truncate(items.size() + " " + resource + suffix + ": " + out));
    } catch (KubernetesClientException e) {
      String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
          : String.valueOf(e.getMessage());
      return ToolResult.failed("reading " + resource + " failed: HTTP " + e.getCode() + ": " + message);
    } catch (RuntimeException e) {
      return ToolResult.failed("reading " + resource + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Name plus what matters of the status, per kind. */
  static ObjectNode summary(String resource, JsonNode item) {
    ObjectNode s = JSON.createObjectNode();
    s.put("name", item.path("metadata").path("name").asText());
    JsonNode status = item.path("status");
    switch (resource) {
      case "pods" -> {
        s.put("phase", status.path("phase").asText());
        int ready = 0;
        int total = 0;
        int restarts = 0;
        List<String> reasons = new ArrayList<>();
        for (JsonNode c : status.path("containerStatuses")) {
          total++;
          ready += c.path("ready").asBoolean() ? 1 : 0;
          restarts += c.path("restartCount").asInt();
          String reason = c.path("state").path("waiting").path("reason").asText(
              c.path("state").path("terminated").path("reason").asText(""));
          if (!reason.isEmpty()) {
            reasons.add(c.path("name").asText() + ": " + reason);
          }
        }
        s.put("ready", ready + "/" + total);
        s.put("restarts", restarts);
        if (!reasons.isEmpty()) {
          s.put("reasons", String.join(", ", reasons));
        }
        if (status.has("reason")) {
          s.put("reason", status.path("reason").asText());
        }
      }
      case "events" -> {
        s.put("type", item.path("type").asText());
        s.put("reason", item.path("reason").asText());
        s.put("object", item.path("involvedObject").path("kind").asText() + "/"
            + item.path("involvedObject").path("name").asText());
        s.put("message", item.path("message").asText());
        s.put("count", item.path("count").asInt(1));
      }
      case "configmaps" -> {
        ArrayNode keys = s.putArray("keys");
        for (Iterator<String> it = item.path("data").fieldNames(); it.hasNext(); ) {
          keys.add(it.next());
        }
      }
      default -> {
        List<String> conditions = new ArrayList<>();
        for (JsonNode c : status.path("conditions")) {
          conditions.add(c.path("type").asText() + "=" + c.path("status").asText()
              + (c.hasNonNull("reason") ? "(" + c.path("reason").asText() + ")" : ""));
        }
        if (!conditions.isEmpty()) {
          s.put("conditions", String.join(", ", conditions));
        }
        for (String f : List.of("replicas", "readyReplicas", "availableReplicas", "succeeded", "failed", "active",
            "phase")) {
          if (status.has(f)) {
            s.set(f, status.get(f));
          }
        }
        if (resource.equals("services")) {
          s.put("type", item.path("spec").path("type").asText());
          s.set("ports", item.path("spec").path("ports"));
        }
      }
    }
    return s;
  }

  private static String truncate(String s) {
    return s.length() <= MAX_OUTPUT ? s : s.substring(0, MAX_OUTPUT) + "…[truncated]";
  }
}
