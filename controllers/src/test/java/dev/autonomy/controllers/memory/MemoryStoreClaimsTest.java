package dev.autonomy.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class MemoryStoreClaimsTest {

  @Test
  void theGrowPatchSetsTheRequestedSizeAndNothingElse() {
    assertThat(Serialization.asJson(MemoryStoreClaims.growPatch(new Quantity("4Gi"))))
        .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\","
            + "\"spec\":{\"resources\":{\"requests\":{\"storage\":\"4Gi\"}}}}");
  }

  @Test
  void theOwnedPatchMakesTheStoreTheSecretsOnlyOwnerAndTouchesNoData() {
    MemoryStore store = MemoryStores.example();
    store.getMetadata().setUid("uid-1");
    assertThat(Serialization.asJson(MemoryStoreClaims.ownedPatch(store)))
        .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"ownerReferences\":[{\"apiVersion\":\"autonomy.dev/v1alpha1\","
            + "\"kind\":\"MemoryStore\",\"name\":\"" + store.getMetadata().getName() + "\",\"uid\":\"uid-1\"}]}}");
  }
}
