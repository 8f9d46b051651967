package dev.autonomy.controllers.healing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Monitor's event sources, the same for every kind: its workload's pods, and the nodes they run on. */
public final class WorkloadEvents {
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String NODES = "nodes";

  private WorkloadEvents() {}

  /** Pods matching {@code selector}, mapped to their owner by the instance label. */
  public static <P extends HasMetadata> InformerEventSource<Pod, P> pods(EventSourceContext<P> context, Class<P> owner,
      String name, String selector) {
    return new InformerEventSource<>(InformerEventSourceConfiguration.from(Pod.class, owner).withName(name)
        .withLabelSelector(selector)
        .withSecondaryToPrimaryMapper(pod -> owner(pod).map(Set::of).orElse(Set.of()))
        .build(), context);
  }

  /**
   * Nodes, cluster-wide: a node that turns NotReady (or Ready again) re-reconciles the owners of the
   * pods on it, so a failed node is seen at once, not when its pods are marked not Ready.
   */
  public static <P extends HasMetadata> InformerEventSource<Node, P> nodes(EventSourceContext<P> context, Class<P> owner,
      InformerEventSource<Pod, P> pods) {
    return new InformerEventSource<>(InformerEventSourceConfiguration.from(Node.class, owner)
        .withName(NODES).withWatchAllNamespaces()
        .withOnAddFilter(node -> false)
        .withOnUpdateFilter((updated, old) -> Monitor.ready(updated) != Monitor.ready(old))
        .withOnDeleteFilter((node, unknown) -> false)
        .withSecondaryToPrimaryMapper(node -> pods.list(p -> p.getSpec() != null
                && node.getMetadata().getName().equals(p.getSpec().getNodeName()))
            .flatMap(p -> owner(p).stream()).collect(Collectors.toSet()))
        .build(), context);
  }

  /** Nodes by name from the node informer's cache. */
  @SuppressWarnings("unchecked")
  public static <P extends HasMetadata> Function<String, Optional<Node>> nodeLookup(Context<P> context) {
    var source = (InformerEventSource<Node, P>) context.eventSourceRetriever().getEventSourceFor(Node.class, NODES);
    return name -> source.get(new ResourceID(name));
  }

  private static Optional<ResourceID> owner(Pod pod) {
    String instance = pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get(INSTANCE);
    return instance == null ? Optional.empty() : Optional.of(new ResourceID(instance, pod.getMetadata().getNamespace()));
  }
}
