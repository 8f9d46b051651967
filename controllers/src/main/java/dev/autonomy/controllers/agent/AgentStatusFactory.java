package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentPhase;
import dev.autonomy.api.v1alpha1.agent.AgentStatus;
import dev.autonomy.api.v1alpha1.agent.GoalOutcome;
import dev.autonomy.api.v1alpha1.agent.PolicyRef;
import dev.autonomy.api.v1alpha1.common.ConditionStatus;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.controllers.common.Labels;
import dev.autonomy.controllers.healing.HealingConditions;
import dev.autonomy.controllers.healing.HealingLoop;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import dev.autonomy.controllers.status.Verdict;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Agent's next status from what was observed. Pure: no I/O, the clock is passed in. */
public final class AgentStatusFactory {
  private AgentStatusFactory() {}

  /** What the reconcile observed of the Agent's world, and its healing turn (none while not accepted). */
  public record Observed(Verdict verdict, Optional<MemoryStore> memoryStore, Optional<Deployment> deployment,
      Optional<ConfigMap> outcomes, Optional<HealingLoop.Turn> healing) {}

  public static ConditionSet apply(Agent agent, AgentStatus next, Observed seen, Instant now) {
    Verdict verdict = seen.verdict();
    int desired = seen.deployment().map(d -> n(d.getSpec().getReplicas())).orElse(n(agent.getSpec().getReplicas()));
    int replicas = seen.deployment().map(d -> n(d.getStatus() == null ? null : d.getStatus().getReplicas())).orElse(0);
    int ready = seen.deployment().map(d -> n(d.getStatus() == null ? null : d.getStatus().getReadyReplicas())).orElse(0);

    ConditionSet conditions = ConditionSet.of(next.getConditions(), agent.getMetadata().getGeneration(), now)
        .set(ConditionType.ACCEPTED, verdict.accepted(), verdict.reason(), verdict.message());
    if (!verdict.accepted()) {
      conditions.set(ConditionType.READY, false, verdict.reason(), verdict.message());
    } else if (ready == 0) {
      conditions.set(ConditionType.READY, false, Reason.WorkloadPending, "No planner pod is ready yet (0 of " + desired + ").");
    } else {
      conditions.set(ConditionType.READY, true, ready >= desired ? Reason.WorkloadReady : Reason.ReplicasUnavailable,
          ready + " of " + desired + " planner pods are ready.");
    }
    conditions.set(ConditionType.MODEL_AVAILABLE, ready > 0, ready > 0 ? Reason.ModelAnswering : Reason.ModelUnavailable,
        ready > 0 ? "A planner is ready, which it is only while its model answers."
            : "No planner is ready, so no model answer has been seen.");
    memoryBound(agent, seen.memoryStore(), conditions);
    seen.healing().ifPresent(turn -> healing(agent, turn, conditions));

    next.setConditions(conditions.list());
    next.setObservedGeneration(agent.getMetadata().getGeneration());
    next.setReplicas(replicas);
    next.setReadyReplicas(ready);
    next.setSelector(Labels.selectorString(AgentResources.selector(agent)));
    next.setEndpoint(verdict.accepted() ? AgentResources.endpoint(agent) : null);
    var model = AgentHealing.effective(agent).getSpec().getModel();  // the fallback while the healer switched to it
    next.setActiveModel(model == null ? null : model.getModelName());
    next.setBoundMemoryStore(verdict.accepted() ? seen.memoryStore().map(s -> s.getMetadata().getName()).orElse(null) : null);
    next.setBoundPolicies(verdict.accepted() && agent.getSpec().getPolicyRefs() != null
        ? agent.getSpec().getPolicyRefs().stream().map(PolicyRef::getName).toList() : null);
    seen.outcomes().map(cm -> outcomes(cm, agent.getSpec().getPlanner().getOutcomeHistory()))
        .filter(list -> !list.isEmpty()).ifPresent(next::setGoalOutcomes);
    next.setPhase(!verdict.accepted() ? (verdict.waiting() ? AgentPhase.PENDING : AgentPhase.FAILED)
        : ready == 0 ? AgentPhase.PROGRESSING : ready < desired ? AgentPhase.DEGRADED : AgentPhase.READY);
    return conditions;
  }

  /** Healing and Degraded: healing gave up, or a spec change broke the planners and was rolled back. */
  private static void healing(Agent agent, HealingLoop.Turn turn, ConditionSet conditions) {
    HealingConditions.apply(conditions, turn);
    if (turn.exhausted()) {
      return;
    }
    if (AgentStableSpec.rolledBack(agent)) {
      conditions.set(ConditionType.DEGRADED, true, Reason.SpecRolledBack, "Generation " + agent.getMetadata().getGeneration()
          + " broke the planners; they run the spec of generation " + agent.getStatus().getHealing()
          .getLastStableGeneration() + " until the spec changes.");
    } else if (conditions.list().stream().anyMatch(c -> ConditionType.DEGRADED.equals(c.getType())
        && Reason.SpecRolledBack.name().equals(c.getReason()))) {
      conditions.set(ConditionType.DEGRADED, false, Reason.Healthy, "Nothing is degraded.");
    }
  }

  private static void memoryBound(Agent agent, Optional<MemoryStore> store, ConditionSet conditions) {
    if (agent.getSpec().getMemoryStoreRef() == null) {
      conditions.set(ConditionType.MEMORY_BOUND, true, Reason.InProcessMemory,
          "No MemoryStore is referenced: the planner keeps memory in its process, lost on restart.");
      return;
    }
    boolean ready = store.map(s -> ConditionSet.isTrue(s.getStatus() == null ? null : s.getStatus().getConditions(),
        ConditionType.READY)).orElse(false);
    String name = agent.getSpec().getMemoryStoreRef().getName();
    conditions.set(ConditionType.MEMORY_BOUND, ready ? ConditionStatus.TRUE : ConditionStatus.FALSE,
        ready ? Reason.MemoryStoreReady : Reason.MemoryStoreNotReady,
        ready ? "MemoryStore " + name + " is ready." : "MemoryStore " + name + " is not ready yet.");
  }

  /** The planner's outcomes (newest last), the last {@code history} kept; unreadable content is ignored. */
  static List<GoalOutcome> outcomes(ConfigMap cm, Integer history) {
    String json = cm.getData() == null ? null : cm.getData().get(AgentResources.OUTCOMES_KEY);
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      List<GoalOutcome> all = Arrays.asList(Serialization.unmarshal(json, GoalOutcome[].class));
      int keep = history == null ? 10 : history;
      return all.subList(Math.max(0, all.size() - keep), all.size());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }
}
