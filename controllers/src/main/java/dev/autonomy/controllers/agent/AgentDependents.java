package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Optional;

/**
 * The Agent's children as JOSDK dependents (server-side apply, owner references, informers on our
 * labels only). Each {@code desired()} only calls a pure factory with the inputs the reconciler
 * observed for this reconcile.
 */
public final class AgentDependents {
  private AgentDependents() {}

  static AgentInputs inputs(Context<Agent> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(AgentInputs.class, AgentInputs.class);
  }

  @KubernetesDependent(informer = @Informer(labelSelector = AgentResources.MANAGED + ",app.kubernetes.io/component=planner"))
  public static class PlannerConfig extends CRUDKubernetesDependentResource<ConfigMap, Agent> {
    public PlannerConfig() {
      super(ConfigMap.class);
    }

    @Override
    protected ConfigMap desired(Agent agent, Context<Agent> context) {
      return AgentConfigFactory.configMap(inputs(context));
    }
  }

  /**
   * Created once, then written by the planner; it goes with its Agent (owner reference, garbage
   * collection). The operator never updates its data: it only adopts one made before outcomes were
   * owned, and leaves an earlier same-named Agent's to the garbage collector (then creates its own).
   */
  @KubernetesDependent(informer = @Informer(labelSelector = AgentResources.MANAGED + ",app.kubernetes.io/component=planner-outcomes"))
  public static class PlannerOutcomes extends KubernetesDependentResource<ConfigMap, Agent>
      implements Creator<ConfigMap, Agent>, Updater<ConfigMap, Agent>, GarbageCollected<Agent> {
    public PlannerOutcomes() {
      super(ConfigMap.class);
    }

    @Override
    protected ConfigMap desired(Agent agent, Context<Agent> context) {
      return AgentConfigFactory.outcomes(agent);
    }

    /** From the cache by name: one without an owner reference maps to no Agent, yet is its Agent's to adopt. */
    @Override
    public Optional<ConfigMap> getSecondaryResource(Agent agent, Context<Agent> context) {
      ResourceID id = new ResourceID(AgentResources.outcomes(agent), agent.getMetadata().getNamespace());
      return eventSource().flatMap(cache -> cache.get(id));
    }

    @Override
    public Matcher.Result<ConfigMap> match(ConfigMap actual, Agent agent, Context<Agent> context) {
      return Matcher.Result.nonComputed(AgentResources.owner(actual, agent) != AgentResources.Owner.NONE);
    }

    /** Adopts: adds the owner reference, nothing else (the data is the planner's). */
    @Override
    public ConfigMap update(ConfigMap actual, ConfigMap desired, Agent agent, Context<Agent> context) {
      return context.getClient().resource(actual).edit(cm -> {
        cm.addOwnerReference(agent);
        return cm;
      });
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = AgentResources.MANAGED))
  public static class PlannerServiceAccount extends CRUDKubernetesDependentResource<ServiceAccount, Agent> {
    public PlannerServiceAccount() {
      super(ServiceAccount.class);
    }

    @Override
    protected ServiceAccount desired(Agent agent, Context<Agent> context) {
      return AgentAccessFactory.serviceAccount(agent);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = AgentResources.MANAGED))
  public static class PlannerRole extends CRUDKubernetesDependentResource<Role, Agent> {
    public PlannerRole() {
      super(Role.class);
    }

    @Override
    protected Role desired(Agent agent, Context<Agent> context) {
      return AgentAccessFactory.role(agent);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = AgentResources.MANAGED))
  public static class PlannerRoleBinding extends CRUDKubernetesDependentResource<RoleBinding, Agent> {
    public PlannerRoleBinding() {
      super(RoleBinding.class);
    }

    @Override
    protected RoleBinding desired(Agent agent, Context<Agent> context) {
      return AgentAccessFactory.roleBinding(agent);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = AgentResources.MANAGED))
  public static class PlannerDeployment extends CRUDKubernetesDependentResource<Deployment, Agent> {
    public PlannerDeployment() {
      super(Deployment.class);
    }

    @Override
    protected Deployment desired(Agent agent, Context<Agent> context) {
      return AgentDeploymentFactory.deployment(inputs(context));
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = AgentResources.MANAGED))
  public static class PlannerService extends CRUDKubernetesDependentResource<Service, Agent> {
    public PlannerService() {
      super(Service.class);
    }

    @Override
    protected Service desired(Agent agent, Context<Agent> context) {
      return AgentNetworkFactory.service(agent);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = AgentResources.MANAGED))
  public static class PlannerAutoscaler extends CRUDKubernetesDependentResource<HorizontalPodAutoscaler, Agent> {
    public PlannerAutoscaler() {
      super(HorizontalPodAutoscaler.class);
    }

    @Override
    protected HorizontalPodAutoscaler desired(Agent agent, Context<Agent> context) {
      return AgentNetworkFactory.hpa(agent);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = AgentResources.MANAGED))
  public static class PlannerDisruptionBudget extends CRUDKubernetesDependentResource<PodDisruptionBudget, Agent> {
    public PlannerDisruptionBudget() {
      super(PodDisruptionBudget.class);
    }

    @Override
    protected PodDisruptionBudget desired(Agent agent, Context<Agent> context) {
      return AgentNetworkFactory.pdb(agent);
    }
  }

  @KubernetesDependent(informer = @Informer(labelSelector = AgentResources.MANAGED))
  public static class PlannerNetworkPolicy extends CRUDKubernetesDependentResource<NetworkPolicy, Agent> {
    public PlannerNetworkPolicy() {
      super(NetworkPolicy.class);
    }

    @Override
    protected NetworkPolicy desired(Agent agent, Context<Agent> context) {
      return AgentNetworkFactory.networkPolicy(inputs(context));
    }
  }

  /** Autoscaling on: the HPA exists and owns the replica count. */
  public static class AutoscalingEnabled implements Condition<HorizontalPodAutoscaler, Agent> {
    @Override
    public boolean isMet(DependentResource<HorizontalPodAutoscaler, Agent> dr, Agent agent, Context<Agent> context) {
      return AgentDeploymentFactory.autoscaled(agent.getSpec());
    }
  }

  public static class MoreThanOneReplica implements Condition<PodDisruptionBudget, Agent> {
    @Override
    public boolean isMet(DependentResource<PodDisruptionBudget, Agent> dr, Agent agent, Context<Agent> context) {
      return AgentNetworkFactory.wantsPdb(agent.getSpec());
    }
  }

  public static class NetworkPolicyEnabled implements Condition<NetworkPolicy, Agent> {
    @Override
    public boolean isMet(DependentResource<NetworkPolicy, Agent> dr, Agent agent, Context<Agent> context) {
      return agent.getSpec().getNetworkPolicy() != null && Boolean.TRUE.equals(agent.getSpec().getNetworkPolicy().getEnabled());
    }
  }
}
