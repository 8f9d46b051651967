package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.EvaluationResult;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyPhase;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.ServingStatus;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Optional;

/**
 * The report step of a Policy: serving status, the Serving and Ready conditions, the phase, and
 * the status the operator applies, which leaves out every field the trainer owns. Pure.
 */
public final class PolicyStatusFactory {
  private PolicyStatusFactory() {}

  /** status.serving's operator fields and the Serving condition, from the serving Deployment. */
  static void serving(Policy policy, PolicyStatus next, Optional<Deployment> deployment, ConditionSet conditions) {
    String revision = next.getServingRevision();
    boolean wanted = PolicyServingFactory.wanted(policy, revision);
    int ready = deployment.filter(d -> wanted && d.getStatus() != null && d.getStatus().getReadyReplicas() != null)
        .map(d -> d.getStatus().getReadyReplicas()).orElse(0);
    if (wanted || next.getServing() != null) {
      ServingStatus serving = next.getServing() == null ? new ServingStatus() : next.getServing();
      serving.setEndpoint(wanted ? PolicyResources.endpoint(policy) : null);
      serving.setReadyReplicas(wanted ? ready : null);
      next.setServing(serving);
    }
    if (!PolicyServingFactory.enabled(policy)) {
      conditions.set(ConditionType.SERVING, false, Reason.ServingDisabled, "spec.serving.enabled is false.");
    } else if (revision == null) {
      conditions.set(ConditionType.SERVING, false, Reason.NoPromotedCheckpoint,
          "No checkpoint has passed the promotion gate yet.");
    } else if (ready > 0) {
      int desired = deployment.map(d -> d.getSpec().getReplicas()).orElse(ready);
      conditions.set(ConditionType.SERVING, true, Reason.WorkloadReady, ready + " of " + desired
          + " serving pods are ready; revision " + revision + " is served at " + PolicyResources.endpoint(policy) + ".");
    } else {
      conditions.set(ConditionType.SERVING, false, Reason.WorkloadPending, "No serving pod of revision " + revision
          + " is ready yet.");
    }
  }

  /** Ready: a promoted checkpoint, served when serving is enabled. */
  static void ready(Policy policy, PolicyStatus next, ConditionSet conditions) {
    String revision = next.getServingRevision();
    boolean served = ConditionSet.isTrue(conditions.list(), ConditionType.SERVING);
    if (revision != null && (served || !PolicyServingFactory.enabled(policy))) {
      conditions.set(ConditionType.READY, true, served ? Reason.WorkloadReady : Reason.Promoted, served
          ? "Revision " + revision + " is served at " + PolicyResources.endpoint(policy) + "."
          : "Revision " + revision + " passed the promotion gate (serving is disabled).");
    } else if (TrainingRun.failed(next)) {
      var training = ConditionSet.find(conditions.list(), ConditionType.TRAINING).orElseThrow();
      conditions.set(ConditionType.READY, false, Reason.valueOf(training.getReason()), training.getMessage());
    } else if (suspended(policy) && revision == null) {
      conditions.set(ConditionType.READY, false, Reason.Suspended, "Training is suspended by spec.suspend.");
    } else {
      conditions.set(ConditionType.READY, false, Reason.WorkloadPending, revision == null
          ? "No trained checkpoint is serving yet." : "Revision " + revision + " is not served yet.");
    }
  }

  static PolicyPhase phase(Policy policy, PolicyStatus next) {
    if (!TrainingRun.finished(next)) {
      return suspended(policy) ? PolicyPhase.SUSPENDED : PolicyPhase.TRAINING;
    }
    if (TrainingRun.failed(next)) {
      return PolicyPhase.FAILED;
    }
    if (!TrainingRun.evaluated(next)) {
      return PolicyPhase.EVALUATING;
    }
    return PolicyServingFactory.wanted(policy, next.getServingRevision()) ? PolicyPhase.SERVING : PolicyPhase.TRAINED;
  }

  /**
   * The status the operator applies: without the fields the trainer owns (server-side apply, field
   * manager autonomy-trainer): progress, latestCheckpoint, checkpoints, evaluation's measurements and
   * the live reward. Applying them would overwrite the trainer's live values with stale ones.
   */
  public static PolicyStatus operatorOwned(PolicyStatus status) {
    PolicyStatus own = Copies.deepCopy(status, PolicyStatus.class, PolicyStatus::new);
    own.setProgress(null);
    own.setLatestCheckpoint(null);
    own.setCheckpoints(null);
    EvaluationResult evaluation = own.getEvaluation();
    if (evaluation != null) {
      evaluation.setCheckpoint(null);
      evaluation.setEpisodes(null);
      evaluation.setMeanReward(null);
      evaluation.setStdReward(null);
      evaluation.setTime(null);
      if (evaluation.getPassed() == null && evaluation.getMessage() == null) {
        own.setEvaluation(null);
      }
    }
    ServingStatus serving = own.getServing();
    if (serving != null) {
      serving.setLiveMeanReward(null);
      if (serving.getEndpoint() == null && serving.getReadyReplicas() == null && serving.getPreviousRevision() == null
          && serving.getRevisionTime() == null) {
        own.setServing(null);
      }
    }
    return own;
  }

  private static boolean suspended(Policy policy) {
    return Boolean.TRUE.equals(policy.getSpec().getSuspend());
  }
}
