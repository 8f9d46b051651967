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
  private final boolean dryRunOnly;

  /**
   * What happened: IN_PROGRESS once applied, SKIPPED when only the dry run was wanted (and passed),
   * DRY_RUN_REJECTED (nothing applied) or FAILED.
   */
  public record Result(HealingOutcome outcome, String message) {}

  public Executor(KubernetesClient client) {
    this(client, false);
  }

  /** {@code dryRunOnly} (spec.healing.dryRunOnly): every remediation stops after its dry run. */
  public Executor(KubernetesClient client, boolean dryRunOnly) {
    this.client = client;
    this.dryRunOnly = dryRunOnly;
  }

  public boolean dryRunOnly() {
    return dryRunOnly;
  }

  private Result onlyDryRun(String what) {
    return new Result(HealingOutcome.SKIPPED, "The dry run accepted " + what + "; not applied (spec.healing.dryRunOnly).");
  }

  /** Deletes an object (a pod to restart or move it) once a dry-run delete was accepted. */
  public Result delete(HasMetadata object) {
    String what = object.getKind() + " " + object.getMetadata().getName();
    try {
      client.resource(object).dryRun().delete();
    } catch (KubernetesClientException e) {
      return new Result(HealingOutcome.DRY_RUN_REJECTED, "The dry run refused to delete " + what + ": " + reason(e));
    }
    if (dryRunOnly) {
      return onlyDryRun("deleting " + what);
    }
    try {
      client.resource(object).delete();
      return new Result(HealingOutcome.IN_PROGRESS, "Deleted " + what + " after a dry run accepted it.");
    } catch (KubernetesClientException e) {
      return new Result(HealingOutcome.FAILED, "Deleting " + what + " failed: " + reason(e));
    }
  }

  /**
   * Deletes a pod at once (grace period 0) once a dry run accepted it: a StatefulSet replaces a pod
   * on a NotReady node only when the pod is gone, and that node's kubelet cannot confirm anything.
   */
  public Result forceDelete(HasMetadata pod, String why) {
    String what = pod.getKind() + " " + pod.getMetadata().getName();
    try {
      client.resource(pod).dryRun().withGracePeriod(0).delete();
    } catch (KubernetesClientException e) {
      return new Result(HealingOutcome.DRY_RUN_REJECTED, "The dry run refused to force-delete " + what + ": " + reason(e));
    }
    if (dryRunOnly) {
      return onlyDryRun("force-deleting " + what);
    }
    try {
      client.resource(pod).withGracePeriod(0).delete();
      return new Result(HealingOutcome.IN_PROGRESS, "Force-deleted " + what + " after a dry run accepted it: " + why + ".");
    } catch (KubernetesClientException e) {
      return new Result(HealingOutcome.FAILED, "Force-deleting " + what + " failed: " + reason(e));
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
      if (dryRunOnly) {
        return onlyDryRun(change + " on " + what);
      }
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
