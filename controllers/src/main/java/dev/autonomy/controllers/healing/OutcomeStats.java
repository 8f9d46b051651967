package dev.autonomy.controllers.healing;

import dev.autonomy.api.v1alpha1.common.RemediationAction;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each remediation cured each cause, kept cluster-wide (a ConfigMap's data, one entry
 * {@code <CAUSE>.<action>: "<successes>/<failures>"}), so a new leader continues the learning.
 */
public final class OutcomeStats {
  private final Map<String, int[]> counts = new TreeMap<>();

  public static OutcomeStats fromData(Map<String, String> data) {
    OutcomeStats stats = new OutcomeStats();
    if (data != null) {
      data.forEach((key, value) -> {
        String[] parts = value.split("/");
        try {
          stats.counts.put(key, new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        } catch (RuntimeException e) {
          // a hand-edited, unreadable entry counts as no experience
        }
      });
    }
    return stats;
  }

  public Map<String, String> toData() {
    Map<String, String> data = new TreeMap<>();
    counts.forEach((key, c) -> data.put(key, c[0] + "/" + c[1]));
    return data;
  }

  public void record(Diagnosis.Cause cause, RemediationAction action, boolean success) {
    counts.computeIfAbsent(key(cause, action), k -> new int[2])[success ? 0 : 1]++;
  }

  public int successes(Diagnosis.Cause cause, RemediationAction action) {
    return counts.getOrDefault(key(cause, action), new int[2])[0];
  }

  public int failures(Diagnosis.Cause cause, RemediationAction action) {
    return counts.getOrDefault(key(cause, action), new int[2])[1];
  }

  static String key(Diagnosis.Cause cause, RemediationAction action) {
    return cause.name() + "." + action.value();
  }
}
