package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.common.HealingStatus;
import dev.autonomy.api.v1alpha1.policy.Policy;

/**
 * Everything the Policy's children are built from, decided once per reconcile. The factories are
 * pure functions of it.
 *
 * @param trainerImage spec.backend.job.image or the operator's trainer image
 * @param runLocal label the pods for the test ground's local runner
 * @param trainingGeneration the generation the current run trains (status.trainingGeneration)
 * @param servingRevision the checkpoint to serve; null while none is promoted
 * @param healing the healer's knowledge of this reconcile (its overrides shape the next attempt)
 */
public record PolicyInputs(Policy policy, String trainerImage, boolean runLocal, long trainingGeneration,
    String servingRevision, HealingStatus healing) {

  public PolicyInputs(Policy policy, String trainerImage, boolean runLocal, long trainingGeneration,
      String servingRevision) {
    this(policy, trainerImage, runLocal, trainingGeneration, servingRevision, null);
  }

  /** spec.serving.image, else the trainer image (in serve mode). */
  public String servingImage() {
    var serving = policy.getSpec().getServing();
    return serving != null && serving.getImage() != null ? serving.getImage() : trainerImage;
  }
}
