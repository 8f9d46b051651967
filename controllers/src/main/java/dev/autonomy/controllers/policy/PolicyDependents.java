package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.Policy;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.Set;

/**
 * The Policy's long-lived children as JOSDK dependents (server-side apply, owner references,
 * informers on our labels only). Training Jobs are not among them: there is one per attempt, made
 * by {@link JobAttempts}. Each {@code desired()} only calls a pure factory.
 */
public final class PolicyDependents {
  private PolicyDependents() {}

  static PolicyInputs inputs(Context<Policy> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(PolicyInputs.class, PolicyInputs.class);
  }

  @KubernetesDependent(informer = @Informer(labelSelector = PolicyResources.CHILDREN_SELECTOR))
  public static class TrainerConfig extends CRUDKubernetesDependentResource<ConfigMap, Policy> {
    public TrainerConfig() {
      super(ConfigMap.class);
    }

    @Override
    protected ConfigMap desired(Policy policy, Context<Policy> context) {
      return PolicyConfigFactory.configMap(policy);
    }
  }

  /**
   * Created once (claims are mostly immutable), owned by the Policy: it outlives every Job and goes
   * with the Policy. Not a Deleter, so naming an existing claim later leaves it (and its checkpoints) be.
   */
  @KubernetesDependent(informer = @Informer(labelSelector = PolicyResources.CHILDREN_SELECTOR))
  public static class Checkpoints extends KubernetesDependentResource<PersistentVolumeClaim, Policy>
      implements Creator<PersistentVolumeClaim, Policy>, SecondaryToPrimaryMapper<PersistentVolumeClaim> {
    private final SecondaryToPrimaryMapper<PersistentVolumeClaim> owners = Mappers.fromOwnerReferences(Policy.class);

    public Checkpoints() {
      super(PersistentVolumeClaim.class);
    }

    /** By owner reference (JOSDK maps a create-only dependent by annotations, which an owned claim does not carry). */
    @Override
    public Set<ResourceID> toPrimaryResourceIDs(PersistentVolumeClaim claim) {
      return owners.toPrimaryResourceIDs(claim);
    }

    @Override
    protected PersistentVolumeClaim desired(Policy policy, Context<Policy> context) {
      return PolicyConfigFactory.claim(policy);
    }

    @Override
    protected boolean addOwnerReference() {
      return true;
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = PolicyResources.CHILDREN_SELECTOR))
  public static class TrainerServiceAccount extends CRUDKubernetesDependentResource<ServiceAccount, Policy> {
    public TrainerServiceAccount() {
      super(ServiceAccount.class);
    }

    @Override
    protected ServiceAccount desired(Policy policy, Context<Policy> context) {
      return PolicyAccessFactory.serviceAccount(policy);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = PolicyResources.CHILDREN_SELECTOR))
  public static class TrainerRole extends CRUDKubernetesDependentResource<Role, Policy> {
    public TrainerRole() {
      super(Role.class);
    }

    @Override
    protected Role desired(Policy policy, Context<Policy> context) {
      return PolicyAccessFactory.role(policy);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = PolicyResources.CHILDREN_SELECTOR))
  public static class TrainerRoleBinding extends CRUDKubernetesDependentResource<RoleBinding, Policy> {
    public TrainerRoleBinding() {
      super(RoleBinding.class);
    }

    @Override
    protected RoleBinding desired(Policy policy, Context<Policy> context) {
      return PolicyAccessFactory.roleBinding(policy);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = PolicyResources.CHILDREN_SELECTOR))
  public static class ServingDeployment extends CRUDKubernetesDependentResource<Deployment, Policy> {
    public ServingDeployment() {
      super(Deployment.class);
    }

    @Override
    protected Deployment desired(Policy policy, Context<Policy> context) {
      return PolicyServingFactory.deployment(inputs(context));
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = PolicyResources.CHILDREN_SELECTOR))
  public static class ServingService extends CRUDKubernetesDependentResource<Service, Policy> {
    public ServingService() {
      super(Service.class);
    }

    @Override
    protected Service desired(Policy policy, Context<Policy> context) {
      return PolicyServingFactory.service(policy);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = PolicyResources.CHILDREN_SELECTOR))
  public static class ServingAutoscaler extends CRUDKubernetesDependentResource<HorizontalPodAutoscaler, Policy> {
    public ServingAutoscaler() {
      super(HorizontalPodAutoscaler.class);
    }

    @Override
    protected HorizontalPodAutoscaler desired(Policy policy, Context<Policy> context) {
      return PolicyServingFactory.hpa(policy);
    }
  }

  /** spec.checkpoint.existingClaim is unset: the operator makes the claim. */
  public static class CreatesClaim implements Condition<PersistentVolumeClaim, Policy> {
    @Override
    public boolean isMet(DependentResource<PersistentVolumeClaim, Policy> dr, Policy policy, Context<Policy> context) {
      return PolicyConfigFactory.createsClaim(policy);
    }
  }

  /** Serving is enabled and a checkpoint is promoted. */
  public static class ServingWanted<R> implements Condition<R, Policy> {
    @Override
    public boolean isMet(DependentResource<R, Policy> dr, Policy policy, Context<Policy> context) {
      return PolicyServingFactory.wanted(policy, inputs(context).servingRevision());
    }
  }

  public static class ServingAutoscaled implements Condition<HorizontalPodAutoscaler, Policy> {
    @Override
    public boolean isMet(DependentResource<HorizontalPodAutoscaler, Policy> dr, Policy policy, Context<Policy> context) {
      return PolicyServingFactory.wanted(policy, inputs(context).servingRevision()) && PolicyServingFactory.autoscaled(policy);
    }
  }
}
