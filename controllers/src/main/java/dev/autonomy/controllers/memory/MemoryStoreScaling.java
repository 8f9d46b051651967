package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How replicas and storage change safely. Pure.
 *
 * <ul>
 *   <li>Replicas: up, always; down, always for pgvector (standbys are copies of the primary) and
 *       Chroma; for Qdrant only once confirmed with the annotation
 *       {@code autonomy.dev/confirm-scale-down: "<replicas>"}, since a removed peer takes the shards
 *       it holds with it (move them first with Qdrant's API).
 *   <li>Storage: claim templates are immutable in a StatefulSet, so the template keeps the size it
 *       was created with and each existing claim is grown by patching it (the StorageClass must
 *       allow expansion); a claim larger than the spec is never shrunk — that is refused and reported.
 * </ul>
 */
public final class MemoryStoreScaling {
  public static final String CONFIRM_SCALE_DOWN = "autonomy.dev/confirm-scale-down";

  private MemoryStoreScaling() {}

  /** The replicas to run, given those of the existing StatefulSet (if any). */
  public static int replicas(MemoryStore store, Optional<StatefulSet> current) {
    int desired = store.getSpec().getReplicas() == null ? 1 : store.getSpec().getReplicas();
    int running = current.map(s -> s.getSpec().getReplicas()).orElse(desired);
    return desired < running && !scaleDownAllowed(store, desired) ? running : desired;
  }

  /** Whether {@code spec.replicas} is held back: a Qdrant scale-down not confirmed yet. */
  public static boolean scaleDownRefused(MemoryStore store, Optional<StatefulSet> current) {
    int desired = store.getSpec().getReplicas() == null ? 1 : store.getSpec().getReplicas();
    return replicas(store, current) != desired;
  }

  static boolean scaleDownAllowed(MemoryStore store, int desired) {
    if (store.getSpec().getBackend() != MemoryBackend.QDRANT) {
      return true;
    }
    Map<String, String> annotations = store.getMetadata().getAnnotations();
    return annotations != null && String.valueOf(desired).equals(annotations.get(CONFIRM_SCALE_DOWN));
  }

  /** The size of the claim template: the existing StatefulSet's (immutable), else the spec's. */
  public static Quantity claimTemplateSize(MemoryStore store, Optional<StatefulSet> current) {
    return current.flatMap(s -> s.getSpec().getVolumeClaimTemplates().stream()
            .filter(t -> MemoryStoreResources.DATA_VOLUME.equals(t.getMetadata().getName())).findFirst())
        .map(MemoryStoreScaling::requested)
        .orElse(store.getSpec().getStorage().getSize());
  }

  /** What to do with the data claims so that each holds {@code spec.storage.size}. */
  public record StoragePlan(List<String> grow, List<String> resizing, List<String> tooLarge, Quantity size) {
    public boolean settled() {
      return grow.isEmpty() && resizing.isEmpty() && tooLarge.isEmpty();
    }
  }

  public static StoragePlan storagePlan(MemoryStore store, Collection<PersistentVolumeClaim> claims) {
    Quantity size = store.getSpec().getStorage().getSize();
    List<String> grow = new ArrayList<>();
    List<String> resizing = new ArrayList<>();
    List<String> tooLarge = new ArrayList<>();
    claims.stream().filter(c -> c.getMetadata().getDeletionTimestamp() == null)
        .sorted(Comparator.comparing(c -> c.getMetadata().getName())).forEach(claim -> {
          Quantity requested = requested(claim);
          int cmp = compare(requested, size);
          if (cmp < 0) {
            grow.add(claim.getMetadata().getName());
          } else if (cmp > 0) {
            tooLarge.add(claim.getMetadata().getName() + " (" + requested + ")");
          } else if (capacity(claim).map(c -> compare(c, size) < 0).orElse(false)) {
            resizing.add(claim.getMetadata().getName());
          }
        });
    return new StoragePlan(grow, resizing, tooLarge, size);
  }

  static Quantity requested(PersistentVolumeClaim claim) {
    return claim.getSpec() == null || claim.getSpec().getResources() == null
        || claim.getSpec().getResources().getRequests() == null ? null
        : claim.getSpec().getResources().getRequests().get("storage");
  }

  static Optional<Quantity> capacity(PersistentVolumeClaim claim) {
    return Optional.ofNullable(claim.getStatus()).map(s -> s.getCapacity()).map(c -> c.get("storage"));
  }

  static int compare(Quantity a, Quantity b) {
    if (a == null || b == null) {
      return 0;
    }
    return a.getNumericalAmount().compareTo(b.getNumericalAmount());
  }
}
