package dev.autonomy.controllers.healing;

import dev.autonomy.api.v1alpha1.common.HealingOutcome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Execute: every remediation goes to the API server as a server-side dry run first (the digital
 * twin: admission, validation and quotas judge exactly what would change), and only then for real.
 */
public final class Executor {
  public static final String FIELD_MANAGER = "autonomy-operator-healing";

  private final KubernetesClient client;

  /** What happened: IN_PROGRESS once applied, DRY_RUN_REJECTED (nothing applied) or FAILED. */
  public record Result(HealingOutcome outcome, String message) {}

  public Executor(KubernetesClient client) {
    this.client = client;
  }

  /** Deletes an object (a pod to restart or move it) once a dry-run delete was accepted. */
  public Result delete(HasMetadata object) {
    String what = object.getKind() + " " + object.getMetadata().getName();
    try {
      client.resource(object).dryRun().delete();
    } catch (KubernetesClientException e) {
      return new Result(HealingOutcome.DRY_RUN_REJECTED, "The dry run refused to delete " + what + ": " + reason(e));
    }
    try {
      client.resource(object).delete();
      return new Result(HealingOutcome.IN_PROGRESS, "Deleted " + what + " after a dry run accepted it.");
    } catch (KubernetesClientException e) {
      return new Result(HealingOutcome.FAILED, "Deleting " + what + " failed: " + reason(e));
    }
  }

  /**
   * Only the dry run of {@code desired}: for changes the resource's own workflow applies right after
   * (a healer's override that the Deployment's desired state carries).
   */
  public Result dryRun(HasMetadata desired, String change) {
    String what = desired.getKind() + " " + desired.getMetadata().getName();
    try {
      client.resource(desired).dryRun().fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
      return new Result(HealingOutcome.IN_PROGRESS, "The dry run accepted " + change + " on " + what
          + "; the workflow applies it.");
    } catch (KubernetesClientException e) {
      return new Result(HealingOutcome.DRY_RUN_REJECTED, "The dry run refused " + change + " on " + what + ": "
          + reason(e));
    }
  }

  private static String reason(KubernetesClientException e) {
    String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
        : e.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }
}
