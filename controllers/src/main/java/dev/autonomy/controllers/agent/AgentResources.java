package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.controllers.common.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Map;

/** Names and labels of everything an Agent owns: one place, so nothing else invents them. */
public final class AgentResources {
  static final String NAME = "autonomy-agent";
  static final String COMPONENT = "planner";
  static final String OUTCOMES_COMPONENT = "planner-outcomes";
  /** Informer selectors: the operator watches only what it made. */
  static final String MANAGED = "app.kubernetes.io/managed-by=autonomy-operator,app.kubernetes.io/name=" + NAME;
  public static final String CONFIG_HASH_ANNOTATION = "autonomy.dev/config-hash";
  /** On the planner Deployment: the Agent generation it was built for (a rollback builds it from an older spec). */
  public static final String GENERATION_ANNOTATION = "autonomy.dev/agent-generation";
  public static final String CONFIG_KEY = "planner.json";
  public static final String CONFIG_DIR = "/etc/autonomy/planner";
  public static final String SECRETS_DIR = "/var/run/autonomy/secrets";
  public static final String OUTCOMES_KEY = "outcomes.json";
  public static final int HTTP_PORT = 8080;

  private AgentResources() {}

  /** The planner Deployment, Service, ServiceAccount, Role, RoleBinding, PDB and HPA share this name. */
  public static String planner(Agent agent) {
    return agent.getMetadata().getName() + "-planner";
  }

  public static String config(Agent agent) {
    return planner(agent) + "-config";
  }

  /** Written by the planner (standing-goal outcomes), read by the operator. */
  public static String outcomes(Agent agent) {
    return planner(agent) + "-outcomes";
  }

  public static String endpoint(Agent agent) {
    return "http://" + planner(agent) + "." + agent.getMetadata().getNamespace() + ".svc:" + HTTP_PORT;
  }

  public static Map<String, String> labels(Agent agent) {
    return Labels.of(NAME, agent.getMetadata().getName(), COMPONENT);
  }

  /** The outcomes ConfigMap is written by the planner: its own component, its own informer. */
  public static Map<String, String> outcomeLabels(Agent agent) {
    return Labels.of(NAME, agent.getMetadata().getName(), OUTCOMES_COMPONENT);
  }

  /** Whose a child is: this Agent's, nobody's (made before children were owned), or an earlier Agent's of the same name. */
  enum Owner { THIS_AGENT, NONE, FORMER_AGENT }

  static Owner owner(HasMetadata child, Agent agent) {
    List<OwnerReference> refs = child.getMetadata().getOwnerReferences() == null ? List.of()
        : child.getMetadata().getOwnerReferences().stream().filter(r -> agent.getKind().equals(r.getKind())).toList();
    if (refs.isEmpty()) {
      return Owner.NONE;
    }
    return refs.stream().anyMatch(r -> r.getUid().equals(agent.getMetadata().getUid())) ? Owner.THIS_AGENT : Owner.FORMER_AGENT;
  }

  public static Map<String, String> selector(Agent agent) {
    return Labels.selector(NAME, agent.getMetadata().getName(), COMPONENT);
  }
}
