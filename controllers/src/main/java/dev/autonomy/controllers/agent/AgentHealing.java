package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.AgentStatus;
import dev.autonomy.api.v1alpha1.agent.ModelSpec;
import dev.autonomy.controllers.healing.Signal;
import dev.autonomy.controllers.status.Reason;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import dev.autonomy.api.v1alpha1.common.HealingOutcome;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import dev.autonomy.api.v1alpha1.common.RemediationAction;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.healing.Analyze;
import dev.autonomy.controllers.healing.Executor;
import dev.autonomy.controllers.healing.Guard;
import dev.autonomy.controllers.healing.HealingLoop;
import dev.autonomy.controllers.healing.Monitor;
import dev.autonomy.controllers.healing.Observation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * MAPE-K for an Agent's planner pods: a crashing pod is restarted, a pod on a NotReady node is
 * moved (its Deployment replaces it elsewhere), an OOM-killed planner gets 1.5× its memory limit up
 * to {@code spec.healing.memoryLimitCeiling} (kept in {@code status.healing.overrides}, never in the
 * spec). The reads and writes happen here; the decisions in {@code healing}.
 */
final class AgentHealing {
  static final String MEMORY_LIMIT = "memoryLimit";
  /** "fallback": the planners run with the fallback model as their model. */
  static final String MODEL = "model";
  static final String FALLBACK = "fallback";
  private static final BigDecimal MI = BigDecimal.valueOf(1024L * 1024L);

  private AgentHealing() {}

  /** The healing turn, and how long until the current spec may count as stable (a reconcile is due then). */
  record Result(HealingLoop.Turn turn, Optional<Duration> stableIn) {}

  /**
   * What one healing turn reads (the Agent, its planner pods and their nodes, its Deployment and the
   * planners' outcomes) and acts with (the client, the loop, Events), the Deployment the Agent would
   * get (for dry runs of an override) and the time.
   */
  record Input(Agent agent, List<Pod> pods, Function<String, Optional<Node>> nodes, Optional<Deployment> deployment,
      Optional<ConfigMap> outcomes, KubernetesClient client, HealingLoop loop, EventRecorder events,
      Function<Agent, HasMetadata> desiredDeployment, Instant now) {}

  static Result run(Input in) {
    Agent agent = in.agent();
    List<Pod> pods = in.pods();
    EventRecorder events = in.events();
    Instant now = in.now();
    List<Observation> observations = new ArrayList<>(Monitor.pods(pods, in.nodes()));
    Optional<ModelReport> report = ModelReport.parse(in.outcomes());
    observations.addAll(modelObservations(agent, report));
    Executor executor = new Executor(in.client(), agent.getSpec().getHealing());
    Map<String, Pod> bySubject = Monitor.bySubject(pods);
    Function<Observation, Executor.Result> deletePod = o -> executor.delete(bySubject.get(o.subject()));
    Map<RemediationAction, Function<Observation, Executor.Result>> actions = new EnumMap<>(RemediationAction.class);
    actions.put(RemediationAction.RESTART, deletePod);
    actions.put(RemediationAction.RESCHEDULE, deletePod);
    HealingStatus knowledge = agent.getStatus() == null ? null : agent.getStatus().getHealing();
    // Overrides go out with this reconcile's children, once their dry run passed.
    Map<String, String> staged = new LinkedHashMap<>();
    BiFunction<String, String, Function<Observation, Executor.Result>> override = (key, value) -> o -> {
      Executor.Result result = executor.dryRun(in.desiredDeployment().apply(withOverride(agent, key, value)),
          key + " " + value);
      if (result.outcome() == HealingOutcome.IN_PROGRESS) {
        staged.put(key, value);
      }
      return result;
    };
    raisedLimit(currentLimit(agent), agent.getSpec().getHealing()).ifPresent(limit ->
        actions.put(RemediationAction.RAISE_MEMORY_LIMIT, override.apply(MEMORY_LIMIT, limit.toString())));
    boolean changed = AgentStableSpec.changedSinceStable(agent);
    if (changed) {
      actions.put(RemediationAction.ROLLBACK, override.apply(AgentStableSpec.ROLLED_BACK_FROM,
          String.valueOf(agent.getMetadata().getGeneration())));
    }
    if (!switchedToFallback(agent) && agent.getSpec().getModel() != null && agent.getSpec().getModel().getFallback() != null) {
      actions.put(RemediationAction.SWITCH_TO_FALLBACK_MODEL, override.apply(MODEL, FALLBACK));
    }
    HealingLoop.Turn turn = in.loop().run(agent, agent.getSpec().getHealing(), knowledge, observations,
        new Analyze.Context(changed, changed), actions, now);
    HealingStatus k = turn.knowledge();
    Map<String, String> overrides = new LinkedHashMap<>(k.getOverrides() == null ? Map.of() : k.getOverrides());
    if (!staged.containsKey(MODEL) && switchedToFallback(agent)
        && report.map(ModelReport::originalPrimaryRecovered).orElse(false)) {
      overrides.remove(MODEL);
      events.normal(agent, Reason.PrimaryModelRestored, "The primary model " + agent.getSpec().getModel().getModelName()
          + " answered " + ModelReport.RECOVERED + " checks in a row: the planners use it again.");
    }
    if (overrides.containsKey(AgentStableSpec.ROLLED_BACK_FROM)
        && !overrides.get(AgentStableSpec.ROLLED_BACK_FROM).equals(String.valueOf(agent.getMetadata().getGeneration()))) {
      overrides.remove(AgentStableSpec.ROLLED_BACK_FROM);  // a new spec is tried as written
    }
    overrides.putAll(staged);
    k.setOverrides(overrides.isEmpty() ? null : overrides);
    Optional<Duration> stableIn = Optional.empty();
    if (observations.isEmpty() && !turn.healing()) {
      stableIn = AgentStableSpec.recordStable(agent, k, in.deployment(), AgentStableSpec.readySince(pods),
          Guard.cooldown(agent.getSpec().getHealing()), now);
    }
    return new Result(turn, stableIn);
  }

  /**
   * The Agent as its children are built: with the last stable spec while a rollback of the current
   * generation holds (the spec itself is never edited), else as it is. Pure.
   */
  static Agent effective(Agent agent) {
    HealingStatus k = agent.getStatus() == null ? null : agent.getStatus().getHealing();
    boolean rollback = AgentStableSpec.rolledBack(agent);
    boolean fallback = switchedToFallback(agent);
    if (!rollback && !fallback) {
      return agent;
    }
    Agent copy = Copies.deepCopy(agent, Agent.class, Agent::new);
    if (rollback) {
      copy.setSpec(Serialization.unmarshal(k.getLastStableSpec(), AgentSpec.class));
    }
    ModelSpec model = copy.getSpec().getModel();
    if (fallback && model != null && model.getFallback() != null) {
      copy.getSpec().setModel(swapped(model));
    }
    return copy;
  }

  /** The fallback as the model, the model as its fallback (the planners still fail over, the other way). Pure. */
  static ModelSpec swapped(ModelSpec model) {
    ModelSpec next = Serialization.unmarshal(Serialization.asJson(model.getFallback()), ModelSpec.class);
    ModelSpec primary = Copies.deepCopy(model, ModelSpec.class, ModelSpec::new);
    primary.setFallback(null);
    next.setFallback(Serialization.unmarshal(Serialization.asJson(primary), dev.autonomy.api.v1alpha1.agent.ModelEndpoint.class));
    return next;
  }

  /** The healer switched the planners to the fallback model (until the primary answers again). Pure. */
  static boolean switchedToFallback(Agent agent) {
    HealingStatus k = agent.getStatus() == null ? null : agent.getStatus().getHealing();
    return k != null && k.getOverrides() != null && FALLBACK.equals(k.getOverrides().get(MODEL));
  }

  /** The primary fails check after check while the fallback answers (not once switched). Pure. */
  static List<Observation> modelObservations(Agent agent, Optional<ModelReport> report) {
    if (report.isEmpty() || switchedToFallback(agent) || agent.getSpec().getModel() == null
        || agent.getSpec().getModel().getFallback() == null) {
      return List.of();
    }
    return report.get().primaryDown().map(p -> List.of(new Observation(Signal.MODEL_ENDPOINT_ERRORS, "model/primary",
        p.consecutiveFailures(), "model " + p.model() + " failed " + p.consecutiveFailures() + " checks in a row ("
            + p.lastError() + ") while the fallback answers"))).orElse(List.of());
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

  private static Agent withOverride(Agent agent, String key, String value) {
    Agent copy = Copies.deepCopy(agent, Agent.class, Agent::new);
    AgentStatus status = copy.getStatus() == null ? new AgentStatus() : copy.getStatus();
    HealingStatus k = status.getHealing() == null ? new HealingStatus() : status.getHealing();
    Map<String, String> overrides = new LinkedHashMap<>(k.getOverrides() == null ? Map.of() : k.getOverrides());
    overrides.put(key, value);
    k.setOverrides(overrides);
    status.setHealing(k);
    copy.setStatus(status);
    return copy;
  }
}
