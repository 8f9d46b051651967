package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What the StatefulSet cannot do to its claims, and deletion under {@code deletionPolicy: Delete}:
 * the store's writes to claims it did not create as dependents. Patches are built by pure, tested
 * builders.
 */
final class MemoryStoreClaims {
  private static final Logger LOG = Logger.getLogger(MemoryStoreClaims.class);
  private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);
  private final KubernetesClient client;

  MemoryStoreClaims(KubernetesClient client) {
    this.client = client;
  }

  /** Patches each claim smaller than the spec to its size (claim templates are immutable); returns failures. */
  List<String> grow(MemoryStore store, MemoryStoreScaling.StoragePlan plan) {
    List<String> failures = new ArrayList<>();
    for (String claim : plan.grow()) {
      try {
        client.persistentVolumeClaims().inNamespace(store.getMetadata().getNamespace()).withName(claim)
            .patch(MERGE, growPatch(plan.size()));
        LOG.infof("MemoryStore %s/%s: claim %s grows to %s", store.getMetadata().getNamespace(),
            store.getMetadata().getName(), claim, plan.size());
      } catch (KubernetesClientException e) {
        failures.add(claim + ": " + (e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage() : e.getMessage()));
      }
    }
    return failures;
  }

  /**
   * Deletes the data claims and the backup claim (if the store had one) and hands the connection
   * Secret to garbage collection with the store (the operator may create and patch Secrets, not
   * delete them); returns the claims deleted.
   */
  List<String> deleteWith(MemoryStore store, Collection<PersistentVolumeClaim> dataClaims) {
    String namespace = store.getMetadata().getNamespace();
    List<String> claims = new ArrayList<>(dataClaims.stream().map(c -> c.getMetadata().getName()).toList());
    String backups = MemoryStoreResources.backupClaim(store);
    if (MemoryStoreBackupFactory.wantsClaim(store)
        || client.persistentVolumeClaims().inNamespace(namespace).withName(backups).get() != null) {
      claims.add(backups);
    }
    claims.forEach(name -> client.persistentVolumeClaims().inNamespace(namespace).withName(name).delete());
    var secret = client.secrets().inNamespace(namespace).withName(MemoryStoreResources.secret(store));
    if (secret.get() != null) {
      secret.patch(MERGE, ownedPatch(store));
    }
    return claims;
  }

  /** A merge patch that sets a claim's requested size and nothing else. */
  static PersistentVolumeClaim growPatch(Quantity size) {
    return new PersistentVolumeClaimBuilder().withNewSpec().withNewResources().addToRequests("storage", size)
        .endResources().endSpec().build();
  }

  /** A merge patch that makes the store the Secret's only owner. */
  static Secret ownedPatch(MemoryStore store) {
    return new SecretBuilder().withNewMetadata().addToOwnerReferences(new OwnerReferenceBuilder()
        .withApiVersion(store.getApiVersion()).withKind(store.getKind()).withName(store.getMetadata().getName())
        .withUid(store.getMetadata().getUid()).build()).endMetadata().build();
  }
}
