package dev.autonomy.rl;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The program's inputs from its environment (see README.md, "Contract with the operator"). */
public record ProgramConfig(PolicySpec spec, String policyName, String namespace, long generation, int attempt,
    Path checkpointDir, boolean reportStatus, String servingRevision, int servePort, Integer evalEpisodes,
    double learningRateScale, String resumeFrom) {

  static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Thrown for a configuration the program cannot run with (exit code 2). */
  public static final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(String message) {
      super(message);
    }
  }

  public static ProgramConfig from(Map<String, String> env, boolean specRequired) {
    if (!"true".equals(env.get("DJL_OFFLINE")) || !"true".equals(env.get("OPT_OUT_TRACKING"))) {
      throw new InvalidConfigException("DJL_OFFLINE=true and OPT_OUT_TRACKING=true must be set");
    }
    PolicySpec spec = spec(env);
    if (spec == null && specRequired) {
      throw new InvalidConfigException("set AUTONOMY_POLICY_CONFIG (a file) or AUTONOMY_POLICY_SPEC (JSON) to the Policy spec");
    }
    String name = env.get("AUTONOMY_POLICY_NAME");
    String namespace = env.get("AUTONOMY_POLICY_NAMESPACE");
    boolean report = !"false".equalsIgnoreCase(env.getOrDefault("AUTONOMY_REPORT_STATUS", "true"))
        && name != null && namespace != null;
    return new ProgramConfig(spec, name, namespace, number(env, "AUTONOMY_POLICY_GENERATION", 1),
        (int) number(env, "AUTONOMY_ATTEMPT", 1),
        Path.of(env.getOrDefault("AUTONOMY_CHECKPOINT_DIR", "/var/lib/autonomy/checkpoints")), report,
        env.get("AUTONOMY_SERVING_REVISION"), (int) number(env, "AUTONOMY_SERVE_PORT", 8080),
        env.containsKey("AUTONOMY_EVAL_EPISODES") ? (int) number(env, "AUTONOMY_EVAL_EPISODES", 0) : null,
        fraction(env, "AUTONOMY_LEARNING_RATE_SCALE"), blankToNull(env.get("AUTONOMY_RESUME_FROM")));
  }

  private static double fraction(Map<String, String> env, String key) {
    String value = env.get(key);
    try {
      double v = value == null || value.isBlank() ? 1.0 : Double.parseDouble(value.trim());
      if (!(v > 0) || v > 1) {
        throw new InvalidConfigException(key + " must be in (0, 1], got '" + value + "'");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(key + " must be a number, got '" + value + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static PolicySpec spec(Map<String, String> env) {
    String file = env.get("AUTONOMY_POLICY_CONFIG");
    String inline = env.get("AUTONOMY_POLICY_SPEC");
    try {
      if (file != null && !file.isBlank()) {
        return JSON.readValue(Files.readString(Path.of(file)), PolicySpec.class);
      }
      return inline == null || inline.isBlank() ? null : JSON.readValue(inline, PolicySpec.class);
    } catch (IOException e) {
      throw new InvalidConfigException("cannot read the Policy spec: " + e.getMessage());
    }
  }

  private static long number(Map<String, String> env, String key, long fallback) {
    String value = env.get(key);
    try {
      return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(key + " must be a number, got '" + value + "'");
    }
  }

  /** Episodes of an evaluation: AUTONOMY_EVAL_EPISODES, else spec.evaluation.episodes. */
  public int evaluationEpisodes() {
    return evalEpisodes != null ? evalEpisodes : spec.getEvaluation().getEpisodes();
  }

  /** Checkpoint ids of this generation start with this. */
  public String checkpointPrefix() {
    return "g" + generation + "-";
  }
}
