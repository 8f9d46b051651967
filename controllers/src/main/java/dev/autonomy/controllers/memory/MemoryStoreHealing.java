package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.common.HealingStatus;
import dev.autonomy.api.v1alpha1.common.RemediationAction;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.controllers.healing.Analyze;
import dev.autonomy.controllers.healing.Executor;
import dev.autonomy.controllers.healing.HealingLoop;
import dev.autonomy.controllers.healing.Monitor;
import dev.autonomy.controllers.healing.Observation;
import dev.autonomy.controllers.healing.Signal;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * MAPE-K for a MemoryStore's replicas. A replica on a node that turned NotReady is lost: the
 * StatefulSet controller never replaces a pod whose deletion that node cannot confirm, so the
 * healer force-deletes it (after a dry run) and the StatefulSet recreates it, with its claim, on a
 * Ready node. A crashing replica is restarted. The reads and writes happen here; the decisions in
 * {@code healing}.
 */
final class MemoryStoreHealing {
  private MemoryStoreHealing() {}

  static HealingLoop.Turn run(MemoryStore store, List<Pod> pods, Function<String, Optional<Node>> nodes,
      KubernetesClient client, HealingLoop loop, Instant now) {
    List<Observation> observations = observe(Monitor.pods(pods, nodes));
    Executor executor = new Executor(client, store.getSpec().getHealing());
    Map<String, Pod> bySubject = Monitor.bySubject(pods);
    Map<RemediationAction, Function<Observation, Executor.Result>> actions = new EnumMap<>(RemediationAction.class);
    actions.put(RemediationAction.RESTART, o -> executor.delete(bySubject.get(o.subject())));
    actions.put(RemediationAction.FAILOVER_REPLICA, o -> executor.forceDelete(bySubject.get(o.subject()),
        "the StatefulSet recreates the replica on a Ready node"));
    HealingStatus knowledge = store.getStatus() == null ? null : store.getStatus().getHealing();
    return loop.run(store, store.getSpec().getHealing(), knowledge, observations, new Analyze.Context(false, false),
        actions, now);
  }

  /** A store's pod on a NotReady node is a lost replica; every other observation stands. Pure. */
  static List<Observation> observe(List<Observation> pods) {
    return pods.stream().map(o -> o.signal() == Signal.NODE_NOT_READY
        ? new Observation(Signal.MEMORY_REPLICA_LOST, o.subject(), o.count(), "replica lost: " + o.evidence()) : o)
        .toList();
  }
}
