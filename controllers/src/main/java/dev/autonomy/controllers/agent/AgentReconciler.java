package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.AgentStatus;
import dev.autonomy.api.v1alpha1.agent.ModelEndpoint;
import dev.autonomy.api.v1alpha1.agent.PolicyRef;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.controllers.agent.AgentDependents.AutoscalingEnabled;
import dev.autonomy.controllers.agent.AgentDependents.MoreThanOneReplica;
import dev.autonomy.controllers.agent.AgentDependents.NetworkPolicyEnabled;
import dev.autonomy.controllers.agent.AgentDependents.PlannerAutoscaler;
import dev.autonomy.controllers.agent.AgentDependents.PlannerConfig;
import dev.autonomy.controllers.agent.AgentDependents.PlannerDeployment;
import dev.autonomy.controllers.agent.AgentDependents.PlannerDisruptionBudget;
import dev.autonomy.controllers.agent.AgentDependents.PlannerNetworkPolicy;
import dev.autonomy.controllers.agent.AgentDependents.PlannerOutcomes;
import dev.autonomy.controllers.agent.AgentDependents.PlannerRole;
import dev.autonomy.controllers.agent.AgentDependents.PlannerRoleBinding;
import dev.autonomy.controllers.agent.AgentDependents.PlannerService;
import dev.autonomy.controllers.agent.AgentDependents.PlannerServiceAccount;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.common.References;
import dev.autonomy.controllers.common.StatusControl;
import dev.autonomy.controllers.config.OperatorConfig;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.healing.HealingLoop;
import dev.autonomy.controllers.healing.WorkloadEvents;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.Verdict;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Agent: observe references → validate → reconcile the planner workload (only when accepted: an
 * invalid spec leaves running children as they are) → report status and Events.
 */
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "config", type = PlannerConfig.class),
    @Dependent(name = "outcomes", type = PlannerOutcomes.class),
    @Dependent(name = "service-account", type = PlannerServiceAccount.class),
    @Dependent(name = "role", type = PlannerRole.class),
    @Dependent(name = "role-binding", type = PlannerRoleBinding.class, dependsOn = {"service-account", "role"}),
    @Dependent(name = "deployment", type = PlannerDeployment.class, dependsOn = {"config", "outcomes", "role-binding"}),
    @Dependent(name = "service", type = PlannerService.class),
    @Dependent(name = "autoscaler", type = PlannerAutoscaler.class, dependsOn = "deployment",
        reconcilePrecondition = AutoscalingEnabled.class),
    @Dependent(name = "disruption-budget", type = PlannerDisruptionBudget.class, reconcilePrecondition = MoreThanOneReplica.class),
    @Dependent(name = "network-policy", type = PlannerNetworkPolicy.class, reconcilePrecondition = NetworkPolicyEnabled.class)})
@ControllerConfiguration(name = "agent")
public class AgentReconciler implements Reconciler<Agent> {
  private static final String REFERENCES = "references";
  private static final String PLANNER_PODS = "planner-pods";
  private final EventRecorder events;
  private final OperatorConfig config;
  private final Clock clock;

  @Inject
  public AgentReconciler(EventRecorder events, OperatorConfig config) {
    this(events, config, Clock.systemUTC());
  }

  AgentReconciler(EventRecorder events, OperatorConfig config, Clock clock) {
    this.events = events;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public UpdateControl<Agent> reconcile(Agent agent, Context<Agent> context) {
    AgentSpec spec = agent.getSpec();
    String namespace = agent.getMetadata().getNamespace();
    References refs = new References(context.getClient(), namespace)
        .cached(MemoryStore.class, name -> cache(context, MemoryStore.class, namespace, name))
        .cached(Policy.class, name -> cache(context, Policy.class, namespace, name));
    Optional<MemoryStore> store = spec.getMemoryStoreRef() == null ? Optional.empty()
        : refs.get("spec.memoryStoreRef", MemoryStore.class, spec.getMemoryStoreRef().getName());
    List<Policy> policies = policies(spec, refs);
    secrets(spec, refs);
    Verdict verdict = Verdict.of(refs.missing(), AgentValidator.problems(spec));

    HealingLoop.Turn healing = null;
    Optional<java.time.Duration> stableIn = Optional.empty();
    AgentStatus previous = agent.getStatus();
    if (verdict.accepted()) {
      // Children are built from the effective Agent: the last stable spec while a rollback holds.
      Function<Agent, AgentInputs> inputs = a -> {
        Agent effective = AgentHealing.effective(a);
        String image = effective.getSpec().getImage() != null ? effective.getSpec().getImage() : config.images().planner();
        return new AgentInputs(effective, store, policies, image, config.localRunner());
      };
      // Heal first: an override it decides (a raised memory limit, a rollback) goes out with this reconcile's children.
      AgentHealing.Result healed = AgentHealing.run(new AgentHealing.Input(agent,
          List.copyOf(context.getSecondaryResources(Pod.class)), WorkloadEvents.nodeLookup(context),
          context.getSecondaryResource(Deployment.class), outcomes(agent, context), context.getClient(),
          HealingLoop.inCluster(context.getClient(), config, namespace, events), events,
          a -> AgentDeploymentFactory.deployment(inputs.apply(a)), clock.instant()));
      healing = healed.turn();
      stableIn = healed.stableIn();
      AgentStatus withKnowledge = Copies.deepCopy(previous, AgentStatus.class, AgentStatus::new);
      withKnowledge.setHealing(healing.knowledge());
      agent.setStatus(withKnowledge);
      context.managedWorkflowAndDependentResourceContext().put(AgentInputs.class, inputs.apply(agent));
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    }

    AgentStatus next = Copies.deepCopy(agent.getStatus(), AgentStatus.class, AgentStatus::new);
    ConditionSet conditions = AgentStatusFactory.apply(agent, next, new AgentStatusFactory.Observed(verdict, store,
        context.getSecondaryResource(Deployment.class), outcomes(agent, context), Optional.ofNullable(healing)),
        clock.instant());
    agent.setStatus(next);
    UpdateControl<Agent> control = StatusControl.report(agent, previous, next, conditions, verdict, events,
        config.waitRequeue());
    // A remediation's outcome is judged, and a waiting symptom treated, once the cooldown ends; a
    // rolled-out spec is recorded as stable once its planners ran Ready for the cooldown.
    Optional<java.time.Duration> stable = stableIn;
    Optional<java.time.Duration> recheck = healing == null ? stable : healing.recheck(clock.instant()).or(() -> stable);
    return recheck.map(control::rescheduleAfter).orElse(control);
  }

  /** A MemoryStore or Policy that appears or changes re-reconciles the Agents that reference it. */
  @Override
  public List<EventSource<?, Agent>> prepareEventSources(EventSourceContext<Agent> context) {
    context.getPrimaryCache().addIndexer(REFERENCES, agent -> references(agent.getSpec()).stream()
        .map(ref -> agent.getMetadata().getNamespace() + "/" + ref).toList());
    // Planner pods and their nodes: the Monitor's input for healing.
    InformerEventSource<Pod, Agent> pods = WorkloadEvents.pods(context, Agent.class, PLANNER_PODS,
        "app.kubernetes.io/name=" + AgentResources.NAME);
    return List.of(referenced(context, MemoryStore.class, "memorystore/"), referenced(context, Policy.class, "policy/"),
        pods, WorkloadEvents.nodes(context, Agent.class, pods));
  }

  private static <R extends HasMetadata> EventSource<?, Agent> referenced(EventSourceContext<Agent> context,
      Class<R> type, String prefix) {
    return new InformerEventSource<>(InformerEventSourceConfiguration.from(type, Agent.class)
        .withName("referenced-" + type.getSimpleName().toLowerCase(java.util.Locale.ROOT))
        .withSecondaryToPrimaryMapper(r -> context.getPrimaryCache()
            .byIndex(REFERENCES, r.getMetadata().getNamespace() + "/" + prefix + r.getMetadata().getName())
            .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
        .build(), context);
  }

  /** The planner's outcomes, never those an earlier Agent of the same name left for garbage collection. */
  private static Optional<ConfigMap> outcomes(Agent agent, Context<Agent> context) {
    return context.getSecondaryResources(ConfigMap.class).stream()
        .filter(cm -> AgentResources.outcomes(agent).equals(cm.getMetadata().getName()))
        .filter(cm -> AgentResources.owner(cm, agent) != AgentResources.Owner.FORMER_AGENT).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static <R extends HasMetadata> Optional<R> cache(Context<Agent> context, Class<R> type, String namespace,
      String name) {
    var source = (InformerEventSource<R, Agent>) context.eventSourceRetriever()
        .getEventSourceFor(type, "referenced-" + type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
    return source.get(new ResourceID(name, namespace));
  }

  static List<String> references(AgentSpec spec) {
    List<String> refs = new ArrayList<>();
    if (spec.getMemoryStoreRef() != null) {
      refs.add("memorystore/" + spec.getMemoryStoreRef().getName());
    }
    if (spec.getPolicyRefs() != null) {
      spec.getPolicyRefs().forEach(p -> refs.add("policy/" + p.getName()));
    }
    return refs;
  }

  private static List<Policy> policies(AgentSpec spec, References refs) {
    List<Policy> found = new ArrayList<>();
    List<PolicyRef> policyRefs = spec.getPolicyRefs() == null ? List.of() : spec.getPolicyRefs();
    for (int i = 0; i < policyRefs.size(); i++) {
      refs.get("spec.policyRefs[" + i + "]", Policy.class, policyRefs.get(i).getName()).ifPresent(found::add);
    }
    return found;
  }

  private static void secrets(AgentSpec spec, References refs) {
    ModelEndpoint model = spec.getModel();
    if (model != null && model.getApiKeySecretRef() != null) {
      refs.requireSecretKey("spec.model.apiKeySecretRef", model.getApiKeySecretRef().getName(),
          model.getApiKeySecretRef().getKey());
    }
    if (spec.getModel() != null && spec.getModel().getFallback() != null
        && spec.getModel().getFallback().getApiKeySecretRef() != null) {
      var ref = spec.getModel().getFallback().getApiKeySecretRef();
      refs.requireSecretKey("spec.model.fallback.apiKeySecretRef", ref.getName(), ref.getKey());
    }
  }
}
