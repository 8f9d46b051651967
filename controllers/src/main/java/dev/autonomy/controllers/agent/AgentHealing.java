package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentStatus;
import dev.autonomy.api.v1alpha1.common.HealingOutcome;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import dev.autonomy.api.v1alpha1.common.RemediationAction;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.healing.Analyze;
import dev.autonomy.controllers.healing.Chooser;
import dev.autonomy.controllers.healing.Executor;
import dev.autonomy.controllers.healing.HealingLoop;
import dev.autonomy.controllers.healing.KnowledgeStore;
import dev.autonomy.controllers.healing.Monitor;
import dev.autonomy.controllers.healing.Observation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * MAPE-K for an Agent's planner pods: a crashing pod is restarted, a pod on a NotReady node is
 * moved (its Deployment replaces it elsewhere), an OOM-killed planner gets 1.5× its memory limit up
 * to {@code spec.healing.memoryLimitCeiling} (kept in {@code status.healing.overrides}, never in the
 * spec). The reads and writes happen here; the decisions in {@code healing}.
 */
final class AgentHealing {
  static final String MEMORY_LIMIT = "memoryLimit";
  private static final BigDecimal MI = BigDecimal.valueOf(1024L * 1024L);

  private AgentHealing() {}

  static HealingLoop.Turn run(Agent agent, List<Pod> pods, KubernetesClient client, EventRecorder events,
      String knowledgeNamespace, Function<Agent, HasMetadata> desiredDeployment, Instant now) {
    List<Observation> observations = Monitor.pods(pods, nodes(client, pods));
    Executor executor = new Executor(client);
    Map<String, Pod> bySubject = new HashMap<>();
    pods.forEach(p -> bySubject.put("pod/" + p.getMetadata().getName(), p));
    Function<Observation, Executor.Result> deletePod = o -> executor.delete(bySubject.get(o.subject()));
    Map<RemediationAction, Function<Observation, Executor.Result>> actions = new EnumMap<>(RemediationAction.class);
    actions.put(RemediationAction.RESTART, deletePod);
    actions.put(RemediationAction.RESCHEDULE, deletePod);
    HealingStatus knowledge = agent.getStatus() == null ? null : agent.getStatus().getHealing();
    AtomicReference<Quantity> raised = new AtomicReference<>();
    raisedLimit(currentLimit(agent), agent.getSpec().getHealing()).ifPresent(limit ->
        actions.put(RemediationAction.RAISE_MEMORY_LIMIT, o -> {
          Executor.Result result = executor.dryRun(desiredDeployment.apply(withMemoryLimit(agent, limit)),
              "memory limit " + limit);
          if (result.outcome() == HealingOutcome.IN_PROGRESS) {
            raised.set(limit);
          }
          return result;
        }));
    HealingLoop loop = new HealingLoop(new KnowledgeStore(client, knowledgeNamespace),
        new Chooser(new SplittableRandom()), events);
    HealingLoop.Turn turn = loop.run(agent, agent.getSpec().getHealing(), knowledge, observations,
        new Analyze.Context(false, false), actions, now);
    if (raised.get() != null) {
      HealingStatus k = turn.knowledge();
      Map<String, String> overrides = new LinkedHashMap<>(k.getOverrides() == null ? Map.of() : k.getOverrides());
      overrides.put(MEMORY_LIMIT, raised.get().toString());
      k.setOverrides(overrides);
    }
    return turn;
  }

  /** The planner's resources: the spec's, with the healer's memory limit over them. Pure. */
  static ResourceRequirements effectiveResources(Agent agent) {
    ResourceRequirements spec = agent.getSpec().getResources();
    String override = agent.getStatus() == null || agent.getStatus().getHealing() == null
        || agent.getStatus().getHealing().getOverrides() == null ? null
        : agent.getStatus().getHealing().getOverrides().get(MEMORY_LIMIT);
    if (override == null || spec == null) {
      return spec;
    }
    ResourceRequirements r = Copies.deepCopy(spec, ResourceRequirements.class, ResourceRequirements::new);
    Map<String, Quantity> limits = new LinkedHashMap<>(r.getLimits() == null ? Map.of() : r.getLimits());
    limits.put("memory", new Quantity(override));
    r.setLimits(limits);
    return r;
  }

  /** 1.5× the current limit, at most the ceiling; empty without a ceiling, a limit, or room. Pure. */
  static Optional<Quantity> raisedLimit(Quantity current, HealingSpec healing) {
    if (current == null || healing == null || healing.getMemoryLimitCeiling() == null) {
      return Optional.empty();
    }
    BigDecimal now = Quantity.getAmountInBytes(current);
    BigDecimal ceiling = Quantity.getAmountInBytes(healing.getMemoryLimitCeiling());
    if (now.compareTo(ceiling) >= 0) {
      return Optional.empty();
    }
    BigDecimal next = now.multiply(BigDecimal.valueOf(1.5)).min(ceiling);
    return Optional.of(new Quantity(next.divide(MI, 0, RoundingMode.DOWN).toPlainString() + "Mi"));
  }

  private static Quantity currentLimit(Agent agent) {
    ResourceRequirements r = effectiveResources(agent);
    return r == null || r.getLimits() == null ? null : r.getLimits().get("memory");
  }

  private static Agent withMemoryLimit(Agent agent, Quantity limit) {
    Agent copy = Copies.deepCopy(agent, Agent.class, Agent::new);
    AgentStatus status = copy.getStatus() == null ? new AgentStatus() : copy.getStatus();
    HealingStatus k = status.getHealing() == null ? new HealingStatus() : status.getHealing();
    Map<String, String> overrides = new LinkedHashMap<>(k.getOverrides() == null ? Map.of() : k.getOverrides());
    overrides.put(MEMORY_LIMIT, limit.toString());
    k.setOverrides(overrides);
    status.setHealing(k);
    copy.setStatus(status);
    return copy;
  }

  /**
   * The nodes of pods that are not Ready: a failed node's pods are marked not Ready by the node
   * controller, so healthy pods cost no read (this runs on every reconcile of every Agent).
   */
  private static Map<String, Node> nodes(KubernetesClient client, List<Pod> pods) {
    Map<String, Node> nodes = new HashMap<>();
    for (Pod pod : pods) {
      if (ready(pod)) {
        continue;
      }
      String name = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      if (name != null && !nodes.containsKey(name)) {
        Node node = client.nodes().withName(name).get();
        if (node != null) {
          nodes.put(name, node);
        }
      }
    }
    return nodes;
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
        .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
