package dev.autonomy.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryStoreScalingTest {

  static StatefulSet running(MemoryStore store, int replicas, String claimSize) {
    return MemoryStoreStatefulSetFactory.statefulSet(store, "img", replicas, new Quantity(claimSize), Optional.empty());
  }

  static PersistentVolumeClaim claim(String name, String requested, String capacity) {
    return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withNewResources().addToRequests("storage", new Quantity(requested)).endResources().endSpec()
        .withNewStatus().addToCapacity("storage", new Quantity(capacity)).endStatus().build();
  }

  @Test
  void scalingUpAndPgvectorScalingDownFollowTheSpec() {
    MemoryStore store = MemoryStores.example();
    store.getSpec().setReplicas(3);
    assertThat(MemoryStoreScaling.replicas(store, Optional.of(running(store, 1, "1Gi")))).isEqualTo(3);
    store.getSpec().setReplicas(1);
    assertThat(MemoryStoreScaling.replicas(store, Optional.of(running(store, 3, "1Gi")))).isEqualTo(1);
    assertThat(MemoryStoreScaling.replicas(store, Optional.empty())).isEqualTo(1);
  }

  @Test
  void qdrantScalingDownWaitsForConfirmation() {
    MemoryStore store = MemoryStores.of(MemoryBackend.QDRANT);
    store.getSpec().setReplicas(1);
    Optional<StatefulSet> three = Optional.of(running(store, 3, "1Gi"));
    assertThat(MemoryStoreScaling.replicas(store, three)).isEqualTo(3);
    assertThat(MemoryStoreScaling.scaleDownRefused(store, three)).isTrue();
    store.getMetadata().setAnnotations(Map.of(MemoryStoreScaling.CONFIRM_SCALE_DOWN, "2"));
    assertThat(MemoryStoreScaling.replicas(store, three)).as("confirmation for another count").isEqualTo(3);
    store.getMetadata().setAnnotations(Map.of(MemoryStoreScaling.CONFIRM_SCALE_DOWN, "1"));
    assertThat(MemoryStoreScaling.replicas(store, three)).isEqualTo(1);
    assertThat(MemoryStoreScaling.scaleDownRefused(store, three)).isFalse();
  }

  @Test
  void theClaimTemplateKeepsItsSizeOnceCreated() {
    MemoryStore store = MemoryStores.example();
    assertThat(MemoryStoreScaling.claimTemplateSize(store, Optional.empty())).isEqualTo(new Quantity("1Gi"));
    store.getSpec().getStorage().setSize(new Quantity("5Gi"));
    assertThat(MemoryStoreScaling.claimTemplateSize(store, Optional.of(running(store, 1, "1Gi"))))
        .isEqualTo(new Quantity("1Gi"));
  }

  @Test
  void storagePlanGrowsSmallerClaimsAndRefusesToShrink() {
    MemoryStore store = MemoryStores.example();
    store.getSpec().getStorage().setSize(new Quantity("2Gi"));
    var plan = MemoryStoreScaling.storagePlan(store, List.of(claim("data-agent-memory-1", "1Gi", "1Gi"),
        claim("data-agent-memory-0", "2048Mi", "1Gi"), claim("data-agent-memory-2", "4Gi", "4Gi"),
        claim("data-agent-memory-3", "2Gi", "2Gi")));
    assertThat(plan.grow()).containsExactly("data-agent-memory-1");
    assertThat(plan.resizing()).as("requested, capacity not there yet").containsExactly("data-agent-memory-0");
    assertThat(plan.tooLarge()).containsExactly("data-agent-memory-2 (4Gi)");
    assertThat(plan.settled()).isFalse();
    assertThat(MemoryStoreScaling.storagePlan(store, List.of(claim("data-agent-memory-0", "2Gi", "2Gi"))).settled()).isTrue();
  }
}
