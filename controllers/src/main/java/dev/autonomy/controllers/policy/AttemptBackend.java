package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;

/** Where training attempts run: a Kubernetes Job ({@link JobAttempts}) or a Ray job ({@link RayAttempts}). */
interface AttemptBackend {

  /**
   * How attempt {@code next.attempt} of the run {@code next.trainingGeneration} stands. Records what
   * identifies it in {@code next} (trainingJobName, or ray). The Ray backend submits as it looks.
   */
  AttemptObservation observe(Policy policy, PolicyStatus next);
}
