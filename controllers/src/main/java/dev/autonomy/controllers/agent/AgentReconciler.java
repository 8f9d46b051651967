package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentPhase;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.AgentStatus;
import dev.autonomy.api.v1alpha1.agent.ModelEndpoint;
import dev.autonomy.api.v1alpha1.agent.PolicyRef;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.common.Labels;
import dev.autonomy.controllers.common.References;
import dev.autonomy.controllers.common.StatusControl;
import dev.autonomy.controllers.config.OperatorConfig;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import dev.autonomy.controllers.status.Verdict;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Agent: observe references → validate → (planner workload: the Agent issue) → report status. */
@ControllerConfiguration(name = "agent")
public class AgentReconciler implements Reconciler<Agent> {
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
    References refs = new References(context.getClient(), agent.getMetadata().getNamespace());
    observe(spec, refs);
    Verdict verdict = Verdict.of(refs.missing(), AgentValidator.problems(spec));

    AgentStatus previous = agent.getStatus();
    AgentStatus next = Copies.deepCopy(previous, AgentStatus.class, AgentStatus::new);
    ConditionSet conditions = ConditionSet.of(next.getConditions(), agent.getMetadata().getGeneration(), clock.instant())
        .set(ConditionType.ACCEPTED, verdict.accepted(), verdict.reason(), verdict.message())
        .set(ConditionType.READY, false, verdict.accepted() ? Reason.WorkloadPending : verdict.reason(),
            verdict.accepted() ? "The planner Deployment is not running yet." : verdict.message());
    next.setConditions(conditions.list());
    next.setObservedGeneration(agent.getMetadata().getGeneration());
    next.setPhase(verdict.accepted() ? AgentPhase.PROGRESSING
        : verdict.waiting() ? AgentPhase.PENDING : AgentPhase.FAILED);
    next.setSelector(Labels.selectorString(AgentResources.selector(agent)));
    next.setReplicas(next.getReplicas() == null ? 0 : next.getReplicas());
    next.setReadyReplicas(next.getReadyReplicas() == null ? 0 : next.getReadyReplicas());
    next.setBoundMemoryStore(verdict.accepted() && spec.getMemoryStoreRef() != null ? spec.getMemoryStoreRef().getName() : null);
    next.setBoundPolicies(verdict.accepted() && spec.getPolicyRefs() != null
        ? spec.getPolicyRefs().stream().map(PolicyRef::getName).toList() : null);
    agent.setStatus(next);
    return StatusControl.report(agent, previous, next, conditions, verdict, events, config.waitRequeue());
  }

  private static void observe(AgentSpec spec, References refs) {
    if (spec.getMemoryStoreRef() != null) {
      refs.require("spec.memoryStoreRef", MemoryStore.class, spec.getMemoryStoreRef().getName());
    }
    List<PolicyRef> policies = spec.getPolicyRefs() == null ? List.of() : spec.getPolicyRefs();
    for (int i = 0; i < policies.size(); i++) {
      refs.require("spec.policyRefs[" + i + "]", Policy.class, policies.get(i).getName());
    }
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
