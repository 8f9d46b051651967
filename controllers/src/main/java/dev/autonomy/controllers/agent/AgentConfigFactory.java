package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.PolicyRef;
import dev.autonomy.api.v1alpha1.policy.Policy;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The planner's configuration (planner.json), rendered from the Agent spec. Pure. */
public final class AgentConfigFactory {
  private AgentConfigFactory() {}

  public static String plannerJson(AgentInputs in) {
    Agent agent = in.agent();
    AgentSpec spec = agent.getSpec();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("agent", agent.getMetadata().getName());
    config.put("namespace", agent.getMetadata().getNamespace());
    config.put("model", spec.getModel());
    config.put("role", spec.getRole());
    config.put("systemPrompt", spec.getSystemPrompt());
    config.put("goals", spec.getGoals() == null ? List.of() : spec.getGoals());
    config.put("planner", spec.getPlanner());
    config.put("tools", spec.getTools());
    config.put("policies", spec.getPolicyRefs() == null ? List.of()
        : spec.getPolicyRefs().stream().map(ref -> policy(ref, in.policies())).toList());
    config.put("memory", in.memoryStore().<Map<String, Object>>map(store -> Map.of(
        "backend", store.getSpec().getBackend().toString(), "store", store.getMetadata().getName()))
        .orElse(Map.of("backend", "inprocess")));
    return Serialization.asJson(config);
  }

  public static ConfigMap configMap(AgentInputs in) {
    return new ConfigMapBuilder().withNewMetadata().withName(AgentResources.config(in.agent()))
        .withNamespace(in.agent().getMetadata().getNamespace()).withLabels(AgentResources.labels(in.agent())).endMetadata()
        .addToData(AgentResources.CONFIG_KEY, plannerJson(in)).build();
  }

  /** The empty outcomes ConfigMap the planner fills; created once, never overwritten by the operator. */
  public static ConfigMap outcomes(Agent agent) {
    return new ConfigMapBuilder().withNewMetadata().withName(AgentResources.outcomes(agent))
        .withNamespace(agent.getMetadata().getNamespace()).withLabels(AgentResources.outcomeLabels(agent)).endMetadata()
        .addToData(AgentResources.OUTCOMES_KEY, "[]").build();
  }

  /** Short hash of the rendered config: a change rolls the planner pods. */
  public static String hash(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> policy(PolicyRef ref, List<Policy> policies) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", ref.getName());
    p.put("description", ref.getDescription());
    p.put("endpoint", policies.stream().filter(x -> ref.getName().equals(x.getMetadata().getName()))
        .filter(x -> x.getStatus() != null && x.getStatus().getServing() != null)
        .map(x -> x.getStatus().getServing().getEndpoint()).findFirst().orElse(null));
    return p;
  }
}
