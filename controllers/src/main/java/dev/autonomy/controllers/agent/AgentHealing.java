package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.common.RemediationAction;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.healing.Analyze;
import dev.autonomy.controllers.healing.Chooser;
import dev.autonomy.controllers.healing.Executor;
import dev.autonomy.controllers.healing.HealingLoop;
import dev.autonomy.controllers.healing.KnowledgeStore;
import dev.autonomy.controllers.healing.Monitor;
import dev.autonomy.controllers.healing.Observation;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * MAPE-K for an Agent's planner pods: a crashing or OOM-killed pod is restarted, a pod on a
 * NotReady node is moved (its Deployment replaces it elsewhere). The reads and deletes happen
 * here; the decisions in {@code healing}.
 */
final class AgentHealing {
  private AgentHealing() {}

  static HealingLoop.Turn run(Agent agent, List<Pod> pods, KubernetesClient client, EventRecorder events,
      String knowledgeNamespace, Instant now) {
    List<Observation> observations = Monitor.pods(pods, nodes(client, pods));
    Executor executor = new Executor(client);
    Map<String, Pod> bySubject = new HashMap<>();
    pods.forEach(p -> bySubject.put("pod/" + p.getMetadata().getName(), p));
    Function<Observation, Executor.Result> deletePod = o -> executor.delete(bySubject.get(o.subject()));
    HealingLoop loop = new HealingLoop(new KnowledgeStore(client, knowledgeNamespace),
        new Chooser(new SplittableRandom()), events);
    return loop.run(agent, agent.getSpec().getHealing(), agent.getStatus() == null ? null : agent.getStatus().getHealing(),
        observations, new Analyze.Context(false, false),
        Map.of(RemediationAction.RESTART, deletePod, RemediationAction.RESCHEDULE, deletePod), now);
  }

  private static Map<String, Node> nodes(KubernetesClient client, List<Pod> pods) {
    Map<String, Node> nodes = new HashMap<>();
    for (Pod pod : pods) {
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
}
