package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.common.HealingStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the healer changes about the next training attempts, kept in {@code status.healing.overrides}
 * (never in the spec) and handed to the trainer as environment variables. Pure.
 */
public final class TrainerOverrides {
  /** Factor on the spec's learning rate, halved after each divergence. */
  static final String LEARNING_RATE_SCALE = "learningRateScale";
  /** The checkpoint the attempt {@link #RESUME_ATTEMPT} rewinds to (after a reward regression). */
  static final String RESUME_FROM = "resumeFrom";
  static final String RESUME_ATTEMPT = "resumeAttempt";
  /** When the healer last restarted the run: progress reported before belongs to the abandoned attempt. */
  static final String RESTARTED_AT = "restartedAt";
  static final java.util.Set<String> KEYS = java.util.Set.of(LEARNING_RATE_SCALE, RESUME_FROM, RESUME_ATTEMPT,
      RESTARTED_AT);
  /** The learning rate is never scaled below this. */
  static final double MIN_SCALE = 1.0 / 64;

  private TrainerOverrides() {}

  /** The trainer's environment for {@code attempt}: the learning-rate scale, and the rewind for its own attempt. */
  public static Map<String, String> env(HealingStatus healing, int attempt) {
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> o = healing == null || healing.getOverrides() == null ? Map.of() : healing.getOverrides();
    if (o.containsKey(LEARNING_RATE_SCALE)) {
      env.put("AUTONOMY_LEARNING_RATE_SCALE", o.get(LEARNING_RATE_SCALE));
    }
    if (o.containsKey(RESUME_FROM) && String.valueOf(attempt).equals(o.get(RESUME_ATTEMPT))) {
      env.put("AUTONOMY_RESUME_FROM", o.get(RESUME_FROM));
    }
    return env;
  }

  static double learningRateScale(HealingStatus healing) {
    String value = healing == null || healing.getOverrides() == null ? null
        : healing.getOverrides().get(LEARNING_RATE_SCALE);
    return value == null ? 1.0 : Double.parseDouble(value);
  }

  /** Half the current scale, or empty at the floor. */
  static java.util.Optional<Double> lowered(HealingStatus healing) {
    double next = learningRateScale(healing) / 2;
    return next < MIN_SCALE ? java.util.Optional.empty() : java.util.Optional.of(next);
  }
}
