package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.Api;
import dev.autonomy.api.v1alpha1.policy.Policy;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/**
 * The trainer's identity, shared by the training and serving pods: they read their one Policy and
 * patch its status (progress, checkpoints, evaluation, live reward), nothing else. Pure.
 */
public final class PolicyAccessFactory {
  private PolicyAccessFactory() {}

  public static ServiceAccount serviceAccount(Policy policy) {
    return new ServiceAccountBuilder().withNewMetadata().withName(PolicyResources.trainer(policy))
        .withNamespace(PolicyResources.namespace(policy)).withLabels(PolicyResources.labels(policy, PolicyResources.TRAINER))
        .endMetadata().build();
  }

  public static Role role(Policy policy) {
    return new RoleBuilder().withNewMetadata().withName(PolicyResources.trainer(policy))
        .withNamespace(PolicyResources.namespace(policy)).withLabels(PolicyResources.labels(policy, PolicyResources.TRAINER))
        .endMetadata()
        .addNewRule().withApiGroups(Api.GROUP).withResources("policies", "policies/status")
        .withResourceNames(PolicyResources.name(policy)).withVerbs("get", "patch").endRule().build();
  }

  public static RoleBinding roleBinding(Policy policy) {
    return new RoleBindingBuilder().withNewMetadata().withName(PolicyResources.trainer(policy))
        .withNamespace(PolicyResources.namespace(policy)).withLabels(PolicyResources.labels(policy, PolicyResources.TRAINER))
        .endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
        .withName(PolicyResources.trainer(policy)).endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(PolicyResources.trainer(policy))
        .withNamespace(PolicyResources.namespace(policy)).endSubject().build();
  }
}
