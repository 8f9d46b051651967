package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The planner's identity: a ServiceAccount and a Role that reads only what spec.tools.kubernetesRead
 * allows in its own namespace, plus writing its one outcomes ConfigMap. Pure.
 */
public final class AgentAccessFactory {
  /**
   * API group of each resource the Kubernetes-read tool may name. The operator can only grant what
   * it holds itself (no RBAC escalation), so this list matches the read rules of its own role.
   */
  static final Map<String, String> GROUPS = Map.ofEntries(
      Map.entry("pods", ""), Map.entry("services", ""), Map.entry("events", ""), Map.entry("configmaps", ""),
      Map.entry("persistentvolumeclaims", ""), Map.entry("serviceaccounts", ""),
      Map.entry("deployments", "apps"), Map.entry("statefulsets", "apps"), Map.entry("jobs", "batch"),
      Map.entry("cronjobs", "batch"), Map.entry("horizontalpodautoscalers", "autoscaling"),
      Map.entry("agents", "autonomy.dev"), Map.entry("policies", "autonomy.dev"), Map.entry("leagues", "autonomy.dev"),
      Map.entry("memorystores", "autonomy.dev"));

  private AgentAccessFactory() {}

  public static ServiceAccount serviceAccount(Agent agent) {
    return new ServiceAccountBuilder().withNewMetadata().withName(AgentResources.planner(agent))
        .withNamespace(agent.getMetadata().getNamespace()).withLabels(AgentResources.labels(agent)).endMetadata().build();
  }

  public static Role role(Agent agent) {
    List<PolicyRule> rules = new ArrayList<>();
    AgentSpec spec = agent.getSpec();
    boolean reads = spec.getTools() != null && spec.getTools().getKubernetesRead() != null
        && Boolean.TRUE.equals(spec.getTools().getKubernetesRead().getEnabled());
    if (reads && spec.getTools().getKubernetesRead().getResources() != null) {
      spec.getTools().getKubernetesRead().getResources().stream().filter(GROUPS::containsKey).distinct().sorted()
          .forEach(r -> rules.add(new PolicyRuleBuilder().withApiGroups(GROUPS.get(r)).withResources(r)
              .withVerbs("get", "list", "watch").build()));
    }
    rules.add(new PolicyRuleBuilder().withApiGroups("").withResources("configmaps")
        .withResourceNames(AgentResources.outcomes(agent)).withVerbs("get", "update", "patch").build());
    return new RoleBuilder().withNewMetadata().withName(AgentResources.planner(agent))
        .withNamespace(agent.getMetadata().getNamespace()).withLabels(AgentResources.labels(agent)).endMetadata()
        .withRules(rules).build();
  }

  public static RoleBinding roleBinding(Agent agent) {
    return new RoleBindingBuilder().withNewMetadata().withName(AgentResources.planner(agent))
        .withNamespace(agent.getMetadata().getNamespace()).withLabels(AgentResources.labels(agent)).endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
        .withName(AgentResources.planner(agent)).endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(AgentResources.planner(agent))
        .withNamespace(agent.getMetadata().getNamespace()).endSubject().build();
  }
}
