package dev.autonomy.controllers.healing;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Observations from what the informers hold: a workload's pods and the nodes they run on. Pure;
 * a pod yields at most one observation, the most telling one.
 */
public final class Monitor {
  private static final Set<String> PULL_FAILURES = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName");

  private Monitor() {}

  /** The same, with the pods' nodes looked up by name (an informer's cache). */
  public static List<Observation> pods(Collection<Pod> pods, java.util.function.Function<String, java.util.Optional<Node>> nodes) {
    Map<String, Node> found = new java.util.HashMap<>();
    for (Pod pod : pods) {
      String name = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      if (name != null && !found.containsKey(name)) {
        nodes.apply(name).ifPresent(n -> found.put(name, n));
      }
    }
    return pods(pods, found);
  }

  public static List<Observation> pods(Collection<Pod> pods, Map<String, Node> nodes) {
    List<Observation> out = new ArrayList<>();
    for (Pod pod : pods) {
      if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null) {
        continue;
      }
      String subject = subject(pod);
      Node node = pod.getSpec() == null || pod.getSpec().getNodeName() == null ? null
          : nodes.get(pod.getSpec().getNodeName());
      if (node != null && !ready(node)) {
        out.add(new Observation(Signal.NODE_NOT_READY, subject, 1,
            "node " + node.getMetadata().getName() + " is NotReady"));
        continue;
      }
      observe(subject, pod.getStatus().getContainerStatuses()).ifPresent(out::add);
    }
    return out;
  }

  private static java.util.Optional<Observation> observe(String subject, List<ContainerStatus> statuses) {
    if (statuses == null) {
      return java.util.Optional.empty();
    }
    for (ContainerStatus c : statuses) {
      String waiting = c.getState() != null && c.getState().getWaiting() != null
          ? c.getState().getWaiting().getReason() : null;
      String lastTerminated = c.getLastState() != null && c.getLastState().getTerminated() != null
          ? c.getLastState().getTerminated().getReason() : null;
      String terminated = c.getState() != null && c.getState().getTerminated() != null
          ? c.getState().getTerminated().getReason() : null;
      int restarts = c.getRestartCount() == null ? 0 : c.getRestartCount();
      if ("OOMKilled".equals(lastTerminated) || "OOMKilled".equals(terminated)) {
        return java.util.Optional.of(new Observation(Signal.OOM_KILLED, subject, Math.max(restarts, 1),
            "container " + c.getName() + " was OOMKilled (" + restarts + " restarts)"));
      }
      if (waiting != null && PULL_FAILURES.contains(waiting)) {
        return java.util.Optional.of(new Observation(Signal.IMAGE_PULL_FAILED, subject, 1,
            "container " + c.getName() + " is waiting: " + waiting));
      }
      if ("CrashLoopBackOff".equals(waiting)) {
        return java.util.Optional.of(new Observation(Signal.CRASH_LOOP, subject, restarts,
            "container " + c.getName() + " is in CrashLoopBackOff (" + restarts + " restarts)"));
      }
      if (restarts > 0 && ("Error".equals(lastTerminated) || "Error".equals(terminated))) {
        return java.util.Optional.of(new Observation(Signal.CONTAINER_CRASHED, subject, restarts,
            "container " + c.getName() + " exited with an error (" + restarts + " restarts)"));
      }
    }
    return java.util.Optional.empty();
  }

  /** How observations name a pod. */
  public static String subject(Pod pod) {
    return "pod/" + pod.getMetadata().getName();
  }

  /** The pods by the subject their observations carry (what a remediation acts on). */
  public static Map<String, Pod> bySubject(Collection<Pod> pods) {
    Map<String, Pod> out = new java.util.HashMap<>();
    pods.forEach(p -> out.put(subject(p), p));
    return out;
  }

  /** A node without a Ready condition counts as ready (a kubelet that never reported). */
  public static boolean ready(Node node) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return true;
    }
    for (NodeCondition c : node.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return true;
  }
}
