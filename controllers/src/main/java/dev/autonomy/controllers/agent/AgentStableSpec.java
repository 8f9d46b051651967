package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.common.HealingStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Agent's last stable spec, the target of a rollback (in {@code status.healing}): when a
 * generation counts as stable, whether the spec changed since, and whether a rollback holds. Pure.
 */
final class AgentStableSpec {
  /** The generation whose spec broke the planners; while it is current, the last stable spec runs. */
  static final String ROLLED_BACK_FROM = "rolledBackFrom";

  private AgentStableSpec() {}

  /** When the last of the pods became Ready; empty while one is not Ready. Pure. */
  static Optional<Instant> readySince(List<Pod> pods) {
    Instant latest = Instant.EPOCH;
    for (Pod pod : pods) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      var ready = pod.getStatus() == null || pod.getStatus().getConditions() == null ? null : pod.getStatus()
          .getConditions().stream().filter(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())).findFirst()
          .orElse(null);
      if (ready == null) {
        return Optional.empty();
      }
      Instant since = ready.getLastTransitionTime() == null ? Instant.EPOCH : Instant.parse(ready.getLastTransitionTime());
      latest = since.isAfter(latest) ? since : latest;
    }
    return pods.isEmpty() ? Optional.empty() : Optional.of(latest);
  }

  /** A rollback of the current generation holds. Pure. */
  static boolean rolledBack(Agent agent) {
    HealingStatus k = agent.getStatus() == null ? null : agent.getStatus().getHealing();
    return k != null && k.getOverrides() != null && k.getLastStableSpec() != null
        && String.valueOf(agent.getMetadata().getGeneration()).equals(k.getOverrides().get(ROLLED_BACK_FROM));
  }

  /** The spec changed since the last one that ran healthy (and a rollback could go back to it). Pure. */
  static boolean changedSinceStable(Agent agent) {
    HealingStatus k = agent.getStatus() == null ? null : agent.getStatus().getHealing();
    return k != null && k.getLastStableSpec() != null && k.getLastStableGeneration() != null
        && agent.getMetadata().getGeneration() != null && agent.getMetadata().getGeneration() > k.getLastStableGeneration()
        && !rolledBack(agent);
  }

  /**
   * Records the spec as the last stable one once the Deployment built for this generation finished
   * its rollout with every replica available, its pods have been Ready for {@code window} (the
   * healing cooldown: a planner that crashes after a while is not stable) and no pod shows a symptom
   * (never a rolled-back generation); returns how long until it may be, while it waits. Pure.
   */
  static Optional<Duration> recordStable(Agent agent, HealingStatus k, Optional<Deployment> deployment,
      Optional<Instant> readySince, Duration window, Instant now) {
    Long generation = agent.getMetadata().getGeneration();
    if (generation == null || deployment.isEmpty() || generation.equals(k.getLastStableGeneration())
        || (k.getOverrides() != null && String.valueOf(generation).equals(k.getOverrides().get(ROLLED_BACK_FROM)))) {
      return Optional.empty();
    }
    Deployment d = deployment.get();
    var status = d.getStatus();
    int desired = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    boolean built = d.getMetadata().getAnnotations() != null
        && String.valueOf(generation).equals(d.getMetadata().getAnnotations().get(AgentResources.GENERATION_ANNOTATION));
    boolean rolledOut = status != null && status.getObservedGeneration() != null
        && status.getObservedGeneration() >= d.getMetadata().getGeneration()
        && count(status.getUpdatedReplicas()) == desired && count(status.getAvailableReplicas()) >= desired
        && count(status.getUnavailableReplicas()) == 0 && count(status.getReplicas()) == desired;
    if (!built || !rolledOut || desired == 0 || readySince.isEmpty()) {
      return Optional.empty();
    }
    Instant stableAt = readySince.get().plus(window);
    if (now.isBefore(stableAt)) {
      return Optional.of(Duration.between(now, stableAt));
    }
    k.setLastStableGeneration(generation);
    k.setLastStableSpec(Serialization.asJson(agent.getSpec()));
    return Optional.empty();
  }

  private static int count(Integer n) {
    return n == null ? 0 : n;
  }
}
