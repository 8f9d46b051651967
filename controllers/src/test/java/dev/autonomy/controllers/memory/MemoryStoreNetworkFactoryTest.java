package dev.autonomy.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

class MemoryStoreNetworkFactoryTest {

  @Test
  void pgvectorClientServiceReachesOnlyThePrimary() {
    Service service = MemoryStoreNetworkFactory.service(MemoryStores.example());
    assertThat(service.getMetadata().getName()).isEqualTo("agent-memory");
    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getSelector()).containsEntry("statefulset.kubernetes.io/pod-name", "agent-memory-0")
        .containsEntry("app.kubernetes.io/instance", "agent-memory").containsEntry("app.kubernetes.io/component", "database");
    assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getPort()).isEqualTo(5432);
      assertThat(p.getTargetPort().getStrVal()).isEqualTo("postgresql");
    });
  }

  @Test
  void qdrantAndChromaServicesReachEveryReplica() {
    Service qdrant = MemoryStoreNetworkFactory.service(MemoryStores.of(MemoryBackend.QDRANT));
    assertThat(qdrant.getSpec().getSelector()).doesNotContainKey("statefulset.kubernetes.io/pod-name");
    assertThat(qdrant.getSpec().getPorts()).extracting("port").containsExactly(6333, 6334);
    Service chroma = MemoryStoreNetworkFactory.service(MemoryStores.of(MemoryBackend.CHROMA));
    assertThat(chroma.getSpec().getPorts()).extracting("port").containsExactly(8000);
  }

  @Test
  void headlessServicePublishesEveryReplicaForReplication() {
    Service headless = MemoryStoreNetworkFactory.headlessService(MemoryStores.of(MemoryBackend.QDRANT));
    assertThat(headless.getMetadata().getName()).isEqualTo("agent-memory-hl");
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
    assertThat(headless.getSpec().getSelector()).doesNotContainKey("statefulset.kubernetes.io/pod-name");
    assertThat(headless.getSpec().getPorts()).extracting("port").containsExactly(6333, 6334, 6335);
  }

  @Test
  void networkPolicyAdmitsBoundAgentsBackupsAndPeersOnly() {
    MemoryStore store = MemoryStores.example();
    NetworkPolicy policy = MemoryStoreNetworkFactory.networkPolicy(store);
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(MemoryStoreResources.selector(store, MemoryStoreResources.DATABASE));
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    var clients = policy.getSpec().getIngress().get(0);
    assertThat(clients.getFrom()).hasSize(2);
    assertThat(clients.getFrom().get(0).getPodSelector().getMatchLabels())
        .containsExactly(java.util.Map.entry("autonomy.dev/memory-store", "agent-memory"));
    assertThat(clients.getFrom().get(0).getNamespaceSelector()).as("same namespace only").isNull();
    assertThat(clients.getFrom().get(1).getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/component", "backup").containsEntry("app.kubernetes.io/instance", "agent-memory");
    assertThat(clients.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(5432));
    var peers = policy.getSpec().getIngress().get(1);
    assertThat(peers.getFrom()).singleElement().satisfies(f -> assertThat(f.getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/component", "database"));

    NetworkPolicy qdrant = MemoryStoreNetworkFactory.networkPolicy(MemoryStores.of(MemoryBackend.QDRANT));
    assertThat(qdrant.getSpec().getIngress().get(0).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(6333, 6334);
    assertThat(qdrant.getSpec().getIngress().get(1).getPorts()).extracting(p -> p.getPort().getIntVal()).contains(6335);
  }

  @Test
  void podDisruptionBudgetOnlyWithMoreThanOneReplica() {
    MemoryStore store = MemoryStores.example();
    assertThat(MemoryStoreNetworkFactory.wantsPodDisruptionBudget(store)).isFalse();
    store.getSpec().setReplicas(3);
    assertThat(MemoryStoreNetworkFactory.wantsPodDisruptionBudget(store)).isTrue();
    PodDisruptionBudget pdb = MemoryStoreNetworkFactory.podDisruptionBudget(store);
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(MemoryStoreResources.selector(store, MemoryStoreResources.DATABASE));
  }
}
