package dev.autonomy.controllers.healing;

import dev.autonomy.api.v1alpha1.common.HealingOutcome;
import dev.autonomy.api.v1alpha1.common.HealingSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Deletable;

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

  /** With {@code spec.healing.dryRunOnly}, every remediation stops after its dry run. */
  public Executor(KubernetesClient client, HealingSpec spec) {
    this(client, spec != null && Boolean.TRUE.equals(spec.getDryRunOnly()));
  }

  /** {@code dryRunOnly}: every remediation stops after its dry run. */
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
    return delete(object, false, "");
  }

  /**
   * Deletes a pod at once (grace period 0) once a dry run accepted it: a StatefulSet replaces a pod
   * on a NotReady node only when the pod is gone, and that node's kubelet cannot confirm anything.
   */
  public Result forceDelete(HasMetadata pod, String why) {
    return delete(pod, true, ": " + why);
  }

  private Result delete(HasMetadata object, boolean force, String why) {
    String what = object.getKind() + " " + object.getMetadata().getName();
    String verb = force ? "force-delete" : "delete";
    var resource = client.resource(object);
    try {
      Deletable dryRun = force ? resource.dryRun().withGracePeriod(0) : resource.dryRun();
      dryRun.delete();
    } catch (KubernetesClientException e) {
      return new Result(HealingOutcome.DRY_RUN_REJECTED, "The dry run refused to " + verb + " " + what + ": " + reason(e));
    }
    if (dryRunOnly) {
      return onlyDryRun(verb + " " + what);
    }
    try {
      Deletable real = force ? resource.withGracePeriod(0) : resource;
      real.delete();
      return new Result(HealingOutcome.IN_PROGRESS, (force ? "Force-deleted " : "Deleted ") + what
          + " after a dry run accepted it" + why + ".");
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
