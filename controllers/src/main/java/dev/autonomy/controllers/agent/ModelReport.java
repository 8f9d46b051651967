package dev.autonomy.controllers.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Optional;

/**
 * The planners' model health (key {@code model-health.json} of the outcomes ConfigMap, written by
 * their readiness probe): per role, whether the endpoint answered and its streak. Pure.
 */
record ModelReport(String checkedAt, List<Endpoint> endpoints) {
  static final String KEY = "model-health.json";
  /** Failed checks in a row (15 s apart) before the healer switches to the fallback. */
  static final int DOWN = 3;
  /** Answered checks in a row before the healer switches back. */
  static final int RECOVERED = 3;
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  record Endpoint(String role, String model, boolean answers, int consecutiveFailures, int consecutiveSuccesses,
      String lastError) {}

  /** The report, or empty when there is none or it cannot be read. */
  static Optional<ModelReport> parse(Optional<ConfigMap> outcomes) {
    String text = outcomes.map(ConfigMap::getData).map(d -> d.get(KEY)).orElse(null);
    if (text == null) {
      return Optional.empty();
    }
    try {
      ModelReport report = JSON.readValue(text, ModelReport.class);
      return report.endpoints() == null ? Optional.empty() : Optional.of(report);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  Optional<Endpoint> role(String role) {
    return endpoints.stream().filter(e -> role.equals(e.role())).findFirst();
  }

  /** The planners' primary is down while their fallback answers. */
  Optional<Endpoint> primaryDown() {
    Optional<Endpoint> primary = role("primary").filter(p -> p.consecutiveFailures() >= DOWN);
    return role("fallback").filter(Endpoint::answers).isPresent() ? primary : Optional.empty();
  }

  /** Once switched, the planners' fallback is the original primary: it answered {@link #RECOVERED} checks in a row. */
  boolean originalPrimaryRecovered() {
    return role("fallback").filter(f -> f.consecutiveSuccesses() >= RECOVERED).isPresent();
  }
}
