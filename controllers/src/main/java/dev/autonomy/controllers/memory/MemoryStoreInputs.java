package dev.autonomy.controllers.memory;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * What the store's children are built from besides the MemoryStore itself, decided once per
 * reconcile from operator settings and observed children. The factories are pure functions of it.
 *
 * @param image the database image (spec.image, or the operator's image for the backend and version)
 * @param toolsImage the image of the backup steps that need sh, curl and tar
 * @param replicas the replicas to run ({@link MemoryStoreScaling#replicas})
 * @param claimTemplateSize the size in the StatefulSet's claim template ({@link MemoryStoreScaling#claimTemplateSize})
 */
public record MemoryStoreInputs(String image, String toolsImage, int replicas, Quantity claimTemplateSize) {}
