package dev.autonomy.controllers.policy.ray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.api.v1alpha1.common.NamespacedObjectRef;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.RayBackendSpec;
import dev.autonomy.controllers.common.Endpoints;
import dev.autonomy.controllers.config.OperatorConfig;
import dev.autonomy.controllers.policy.TrainerOverrides;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What the Ray backend sends for a Policy (pure: no I/O): the submission_id, the body of
 * {@code POST /api/jobs/} and the dashboard URL.
 */
public final class RaySubmissions {
  /** KubeRay's head service serves the dashboard (and the Jobs API) on this port. */
  public static final int DASHBOARD_PORT = 8265;
  static final int MAX_ID_LENGTH = 128;
  /** Set to "true" whatever runtime_env says: the trainer refuses to start without them. */
  static final List<String> FORCED_ENV = List.of("DJL_OFFLINE", "OPT_OUT_TRACKING");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String trainerEntrypoint;
  private final Map<String, String> endpointOverrides;

  public RaySubmissions(String trainerEntrypoint, Map<String, String> endpointOverrides) {
    this.trainerEntrypoint = trainerEntrypoint;
    this.endpointOverrides = endpointOverrides == null ? Map.of() : Map.copyOf(endpointOverrides);
  }

  public static RaySubmissions of(OperatorConfig config) {
    return new RaySubmissions(config.ray().trainerEntrypoint(), config.endpointOverrides());
  }

  /**
   * {@code autonomy-<namespace>_<policy>-g<generation>-a<attempt>}: the same for the same
   * generation and attempt, different for different Policies ({@code _} cannot occur in either
   * name). Characters Ray's ids avoid become {@code -} and then a hash of the names is appended, as
   * it is when the id would be longer than 128 characters.
   */
  public static String submissionId(Policy policy, int attempt) {
    String namespace = policy.getMetadata().getNamespace();
    String name = policy.getMetadata().getName();
    String suffix = "-g" + generation(policy) + "-a" + attempt;
    String head = "autonomy-" + clean(namespace) + "_" + clean(name);
    boolean changed = !clean(namespace).equals(namespace) || !clean(name).equals(name);
    if (changed || head.length() + suffix.length() > MAX_ID_LENGTH) {
      String hash = sha256(namespace + "/" + name).substring(0, 10);
      int room = MAX_ID_LENGTH - suffix.length() - hash.length() - 1;
      head = head.substring(0, Math.min(head.length(), room)) + "-" + hash;
    }
    return head + suffix;
  }

  /**
   * spec.backend.ray.dashboardUrl, else KubeRay's head service of rayClusterRef
   * ({@code http://<name>-head-svc.<ns>.svc:8265}), with the operator's endpoint overrides applied.
   *
   * @throws IllegalArgumentException when the spec names neither
   */
  public String dashboardUrl(Policy policy) {
    RayBackendSpec ray = ray(policy);
    String namespace = policy.getMetadata().getNamespace();
    String url;
    if (ray.getDashboardUrl() != null && !ray.getDashboardUrl().isBlank()) {
      url = ray.getDashboardUrl().trim().replaceAll("/+$", "");
    } else if (ray.getRayClusterRef() != null && ray.getRayClusterRef().getName() != null) {
      NamespacedObjectRef ref = ray.getRayClusterRef();
      String refNamespace = ref.getNamespace() != null ? ref.getNamespace() : namespace;
      url = "http://" + ref.getName() + "-head-svc." + refNamespace + ".svc:" + DASHBOARD_PORT;
    } else {
      throw new IllegalArgumentException("spec.backend.ray needs dashboardUrl or rayClusterRef.");
    }
    return Endpoints.apply(url, namespace, endpointOverrides);
  }

  /** spec.backend.ray.entrypoint, else {@code <trainerEntrypoint> train}. */
  public String entrypoint(Policy policy) {
    String entrypoint = ray(policy).getEntrypoint();
    return entrypoint != null && !entrypoint.isBlank() ? entrypoint : trainerEntrypoint + " train";
  }

  /** The body of {@code POST /api/jobs/}. */
  public ObjectNode body(Policy policy, int attempt) {
    RayBackendSpec ray = ray(policy);
    ObjectNode body = JSON.createObjectNode();
    body.put("entrypoint", entrypoint(policy));
    body.put("submission_id", submissionId(policy, attempt));
    body.set("runtime_env", runtimeEnv(policy, attempt));
    if (ray.getEntrypointNumCpus() != null) {
      body.put("entrypoint_num_cpus", ray.getEntrypointNumCpus());
    }
    if (ray.getEntrypointNumGpus() != null) {
      body.put("entrypoint_num_gpus", ray.getEntrypointNumGpus());
    }
    ObjectNode metadata = body.putObject("metadata");
    metadata.put("policy", policy.getMetadata().getName());
    metadata.put("namespace", policy.getMetadata().getNamespace());
    metadata.put("generation", String.valueOf(generation(policy)));
    metadata.put("attempt", String.valueOf(attempt));
    return body;
  }

  /**
   * spec.backend.ray.runtimeEnv as is, its env_vars merged over the trainer's (the spec's win,
   * except DJL_OFFLINE and OPT_OUT_TRACKING, always "true").
   */
  static ObjectNode runtimeEnv(Policy policy, int attempt) {
    ObjectNode runtimeEnv = JSON.createObjectNode();
    Map<String, JsonNode> spec = ray(policy).getRuntimeEnv();
    if (spec != null) {
      spec.forEach(runtimeEnv::set);
    }
    ObjectNode env = JSON.createObjectNode();
    env.put("AUTONOMY_POLICY_NAME", policy.getMetadata().getName());
    env.put("AUTONOMY_POLICY_NAMESPACE", policy.getMetadata().getNamespace());
    env.put("AUTONOMY_POLICY_GENERATION", String.valueOf(generation(policy)));
    env.put("AUTONOMY_ATTEMPT", String.valueOf(attempt));
    env.put("AUTONOMY_POLICY_SPEC", Serialization.asJson(policy.getSpec()));
    // Ray workers have no volume of ours and usually no credentials for the API server: checkpoints
    // under /tmp and progress in the job's logs, unless the spec's env_vars say otherwise (shared
    // storage; AUTONOMY_REPORT_STATUS=true with a KUBECONFIG).
    env.put("AUTONOMY_CHECKPOINT_DIR", "/tmp/autonomy/" + policy.getMetadata().getNamespace() + "/"
        + policy.getMetadata().getName() + "/checkpoints");
    env.put("AUTONOMY_REPORT_STATUS", "false");
    TrainerOverrides.env(policy.getStatus() == null ? null : policy.getStatus().getHealing(), attempt).forEach(env::put);
    JsonNode userEnv = runtimeEnv.get("env_vars");
    if (userEnv != null && userEnv.isObject()) {
      userEnv.fields().forEachRemaining(e -> env.set(e.getKey(),
          e.getValue().isValueNode() && !e.getValue().isNull() ? JSON.getNodeFactory().textNode(e.getValue().asText()) : e.getValue()));
    }
    FORCED_ENV.forEach(key -> env.put(key, "true"));
    runtimeEnv.set("env_vars", env);
    return runtimeEnv;
  }

  private static RayBackendSpec ray(Policy policy) {
    if (policy.getSpec() == null || policy.getSpec().getBackend() == null
        || policy.getSpec().getBackend().getRay() == null) {
      return new RayBackendSpec();
    }
    return policy.getSpec().getBackend().getRay();
  }

  private static long generation(Policy policy) {
    Long generation = policy.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  private static String clean(String name) {
    return name.replaceAll("[^A-Za-z0-9-]", "-");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
