package dev.autonomy.planner.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each model endpoint's health as the readiness probe sees it, for the operator's healer (key
 * {@code model-health.json} of the outcomes ConfigMap): per role, whether it answered at the last
 * check, how many checks in a row failed or succeeded, and the last error. Not thread-safe: one
 * probe updates it.
 */
public final class ModelHealth {
  public static final String KEY = "model-health.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One endpoint's record. */
  public record Endpoint(String role, String model, boolean answers, int consecutiveFailures,
      int consecutiveSuccesses, String lastError) {}

  private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
  private Instant checkedAt;

  /** Records a check of the endpoint in {@code role}; {@code error} null when it answered. */
  public void record(String role, String model, String error, Instant at) {
    Endpoint before = endpoints.get(role);
    boolean same = before != null && before.model().equals(model);
    int failures = error == null ? 0 : (same ? before.consecutiveFailures() : 0) + 1;
    int successes = error != null ? 0 : (same ? before.consecutiveSuccesses() : 0) + 1;
    endpoints.put(role, new Endpoint(role, model, error == null, failures, successes,
        error != null ? error : same ? before.lastError() : null));
    checkedAt = at;
  }

  /**
   * What is worth writing: answers per role and the streaks up to {@code cap} (past it, another
   * check changes nothing the healer acts on, so the ConfigMap is not rewritten every probe).
   */
  public List<Object> signature(int cap) {
    List<Object> s = new ArrayList<>();
    endpoints.values().forEach(e -> s.addAll(List.of(e.role(), e.model(), e.answers(),
        Math.min(e.consecutiveFailures(), cap), Math.min(e.consecutiveSuccesses(), cap))));
    return s;
  }

  public String toJson() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("checkedAt", Objects.toString(checkedAt, null));
    doc.put("endpoints", List.copyOf(endpoints.values()));
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
