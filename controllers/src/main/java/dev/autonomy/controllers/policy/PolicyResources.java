package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.controllers.common.Labels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Names and labels of everything a Policy owns: one place, so nothing else invents them. Pure. */
public final class PolicyResources {
  static final String NAME = "autonomy-policy";
  /** Training Jobs and their pods; also the trainer's ConfigMap and identity (shared by serving pods). */
  static final String TRAINER = "trainer";
  static final String SERVING = "serving";
  static final String CHECKPOINTS = "checkpoints";
  /** Selects every child a Policy owns (informers of the dependents). */
  static final String CHILDREN_SELECTOR = "app.kubernetes.io/name=" + NAME + ",app.kubernetes.io/managed-by=" + Labels.MANAGED_BY;
  static final String TRAINING_JOBS_SELECTOR = CHILDREN_SELECTOR + ",app.kubernetes.io/component=" + TRAINER;
  /** Job annotations: which run and attempt a Job is. */
  public static final String GENERATION_ANNOTATION = "autonomy.dev/training-generation";
  public static final String ATTEMPT_ANNOTATION = "autonomy.dev/attempt";
  public static final String RUN_LOCAL_LABEL = "autonomy.dev/run-local";

  public static final String CONFIG_KEY = "policy.json";
  public static final String CONFIG_DIR = "/etc/autonomy/policy";
  public static final String CHECKPOINT_DIR = "/var/lib/autonomy/checkpoints";
  public static final String DJL_CACHE_DIR = "/var/cache/djl";
  public static final int HTTP_PORT = 8080;
  public static final int SERVICE_PORT = 80;
  /** Longest name of a Job (its name is a label value on its pods). */
  static final int MAX_JOB_NAME = 63;

  private PolicyResources() {}

  static String name(Policy policy) {
    return policy.getMetadata().getName();
  }

  static String namespace(Policy policy) {
    return policy.getMetadata().getNamespace();
  }

  /** The trainer's ConfigMap ({@code policy.json}), ServiceAccount, Role and RoleBinding. */
  public static String trainer(Policy policy) {
    return name(policy) + "-trainer";
  }

  /** The checkpoint claim: spec.checkpoint.existingClaim, else the one the operator creates. */
  public static String checkpointClaim(Policy policy) {
    var checkpoint = policy.getSpec().getCheckpoint();
    return checkpoint != null && checkpoint.getExistingClaim() != null ? checkpoint.getExistingClaim()
        : createdClaim(policy);
  }

  public static String createdClaim(Policy policy) {
    return name(policy) + "-checkpoints";
  }

  /**
   * {@code <policy>-train-g<generation>-a<attempt>}; when that exceeds 63 characters the Policy's
   * name is cut and a hash of it keeps the name unique.
   */
  public static String job(Policy policy, long generation, int attempt) {
    String suffix = "-train-g" + generation + "-a" + attempt;
    String name = name(policy);
    if (name.length() + suffix.length() <= MAX_JOB_NAME) {
      return name + suffix;
    }
    String hash = sha256(namespace(policy) + "/" + name).substring(0, 6);
    String head = name.substring(0, MAX_JOB_NAME - suffix.length() - hash.length() - 1).replaceAll("[-.]+$", "");
    return head + "-" + hash + suffix;
  }

  /** The serving Deployment and its HorizontalPodAutoscaler. */
  public static String serving(Policy policy) {
    return name(policy) + "-serve";
  }

  /** The serving Service: the Policy's own name. */
  public static String service(Policy policy) {
    return name(policy);
  }

  /** {@code http://<policy>.<ns>.svc:80}, as written to {@code status.serving.endpoint}. */
  public static String endpoint(Policy policy) {
    return "http://" + service(policy) + "." + namespace(policy) + ".svc:" + SERVICE_PORT;
  }

  public static Map<String, String> labels(Policy policy, String component) {
    return Labels.of(NAME, name(policy), component);
  }

  public static Map<String, String> selector(Policy policy, String component) {
    return Labels.selector(NAME, name(policy), component);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
