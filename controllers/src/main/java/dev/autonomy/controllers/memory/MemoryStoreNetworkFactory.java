package dev.autonomy.controllers.memory;

import static dev.autonomy.controllers.memory.MemoryStoreResources.BACKUP;
import static dev.autonomy.controllers.memory.MemoryStoreResources.DATABASE;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Services, NetworkPolicy and PodDisruptionBudget of a store. Pure. */
public final class MemoryStoreNetworkFactory {
  /** Label the StatefulSet controller puts on each pod: selects the pgvector primary. */
  static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";

  private MemoryStoreNetworkFactory() {}

  /**
   * The client Service {@code <name>}: the endpoint Agents use. pgvector: the primary (replica 0)
   * only, since the standbys are read-only; the others: every ready replica.
   */
  public static Service service(MemoryStore store) {
    Map<String, String> selector = new LinkedHashMap<>(MemoryStoreResources.selector(store, DATABASE));
    if (store.getSpec().getBackend() == MemoryBackend.PGVECTOR) {
      selector.put(POD_NAME_LABEL, MemoryStoreResources.statefulSet(store) + "-0");
    }
    return new ServiceBuilder().withNewMetadata().withName(MemoryStoreResources.service(store))
        .withNamespace(MemoryStoreResources.namespace(store)).withLabels(MemoryStoreResources.labels(store, DATABASE))
        .endMetadata()
        .withNewSpec().withType("ClusterIP").withSelector(selector).withPorts(clientPorts(store.getSpec().getBackend()))
        .endSpec().build();
  }

  /**
   * The headless Service {@code <name>-hl}: a stable DNS name per replica for replication (pgvector
   * standbys, Qdrant peers); it publishes replicas before they are ready so peers can find each other.
   */
  public static Service headlessService(MemoryStore store) {
    MemoryBackend backend = store.getSpec().getBackend();
    List<ServicePort> ports = new ArrayList<>(clientPorts(backend));
    if (backend == MemoryBackend.QDRANT) {
      ports.add(servicePort("p2p", MemoryBackends.QDRANT_P2P_PORT));
    }
    return new ServiceBuilder().withNewMetadata().withName(MemoryStoreResources.headlessService(store))
        .withNamespace(MemoryStoreResources.namespace(store)).withLabels(MemoryStoreResources.labels(store, DATABASE))
        .endMetadata()
        .withNewSpec().withClusterIP("None").withPublishNotReadyAddresses(true)
        .withSelector(MemoryStoreResources.selector(store, DATABASE)).withPorts(ports).endSpec().build();
  }

  static List<ServicePort> clientPorts(MemoryBackend backend) {
    return switch (backend) {
      case PGVECTOR -> List.of(servicePort("postgresql", MemoryBackends.POSTGRES_PORT));
      case CHROMA -> List.of(servicePort("http", MemoryBackends.CHROMA_PORT));
      case QDRANT -> List.of(servicePort("http", MemoryBackends.QDRANT_HTTP_PORT),
          servicePort("grpc", MemoryBackends.QDRANT_GRPC_PORT));
    };
  }

  /**
   * Ingress to the store's pods only from: pods labelled {@code autonomy.dev/memory-store: <name>}
   * (Agents bound to the store), the store's backup Jobs, on the client ports; and the store's own
   * replicas (replication, Qdrant's peer port). Everything else in and out of the namespace is refused.
   */
  public static NetworkPolicy networkPolicy(MemoryStore store) {
    MemoryBackend backend = store.getSpec().getBackend();
    List<NetworkPolicyPort> clientPorts = clientPorts(backend).stream()
        .map(p -> new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(p.getPort())).build())
        .toList();
    NetworkPolicyPeer clients = new NetworkPolicyPeerBuilder().withNewPodSelector()
        .withMatchLabels(MemoryStoreResources.clientLabels(store)).endPodSelector().build();
    NetworkPolicyPeer backups = new NetworkPolicyPeerBuilder().withNewPodSelector()
        .withMatchLabels(MemoryStoreResources.selector(store, BACKUP)).endPodSelector().build();
    NetworkPolicyPeer replicas = new NetworkPolicyPeerBuilder().withNewPodSelector()
        .withMatchLabels(MemoryStoreResources.selector(store, DATABASE)).endPodSelector().build();
    List<NetworkPolicyPort> replicaPorts = new ArrayList<>(clientPorts);
    if (backend == MemoryBackend.QDRANT) {
      replicaPorts.add(new NetworkPolicyPortBuilder().withProtocol("TCP")
          .withPort(new IntOrString(MemoryBackends.QDRANT_P2P_PORT)).build());
    }
    return new NetworkPolicyBuilder().withNewMetadata().withName(MemoryStoreResources.networkPolicy(store))
        .withNamespace(MemoryStoreResources.namespace(store)).withLabels(MemoryStoreResources.labels(store, DATABASE))
        .endMetadata()
        .withNewSpec().withNewPodSelector().withMatchLabels(MemoryStoreResources.selector(store, DATABASE)).endPodSelector()
        .withPolicyTypes("Ingress")
        .addNewIngress().withFrom(clients, backups).withPorts(clientPorts).endIngress()
        .addNewIngress().withFrom(replicas).withPorts(replicaPorts).endIngress()
        .endSpec().build();
  }

  /** At most one replica down at a time for voluntary disruptions (drains); only with more than one replica. */
  public static PodDisruptionBudget podDisruptionBudget(MemoryStore store) {
    return new PodDisruptionBudgetBuilder().withNewMetadata().withName(MemoryStoreResources.podDisruptionBudget(store))
        .withNamespace(MemoryStoreResources.namespace(store)).withLabels(MemoryStoreResources.labels(store, DATABASE))
        .endMetadata()
        .withNewSpec().withMaxUnavailable(new IntOrString(1))
        .withNewSelector().withMatchLabels(MemoryStoreResources.selector(store, DATABASE)).endSelector().endSpec().build();
  }

  /** Whether the store gets a PodDisruptionBudget. */
  public static boolean wantsPodDisruptionBudget(MemoryStore store) {
    return store.getSpec().getReplicas() != null && store.getSpec().getReplicas() > 1;
  }

  static ServicePort servicePort(String name, int port) {
    return new ServicePortBuilder().withName(name).withPort(port).withTargetPort(new IntOrString(name))
        .withProtocol("TCP").build();
  }
}
