package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.EvaluationResult;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.ServingStatus;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import java.time.Instant;

/**
 * After a successful run: waits for the trainer's evaluation, applies the promotion gate once per
 * run (a refused checkpoint is looked at again, so a lowered threshold can still promote it), and
 * rolls the serving revision back when its live reward regresses. Decisions come from
 * {@link PromotionGate}; this class writes them to status and Events.
 */
final class PolicyPromotion {
  private final EventRecorder events;

  PolicyPromotion(EventRecorder events) {
    this.events = events;
  }

  /** {@code next} still holds the trainer's fields (evaluation, lineage, live reward) as read. */
  void step(Policy policy, PolicyStatus next, ConditionSet conditions, Instant now) {
    if (TrainingRun.finished(next) && !TrainingRun.failed(next)) {
      gate(policy, next, conditions, now);
    }
    PromotionGate.rollback(policy.getSpec().getServing(), next, now).ifPresent(rollback -> {
      serving(next).setPreviousRevision(null);
      revision(next, rollback.to(), now);
      events.warning(policy, Reason.RolledBack, rollback.message());
    });
  }

  private void gate(Policy policy, PolicyStatus next, ConditionSet conditions, Instant now) {
    if (!TrainingRun.evaluated(next)) {
      conditions.set(ConditionType.TRAINED, false, Reason.EvaluationPending, "Training finished; waiting for the "
          + "trainer's evaluation of generation " + TrainingRun.generation(next) + " in status.evaluation.");
      return;
    }
    EvaluationResult evaluation = next.getEvaluation();
    Boolean decided = evaluation.getPassed();
    if (!Boolean.TRUE.equals(decided)) {
      PromotionGate.Decision decision = PromotionGate.decide(policy.getSpec().getEvaluation(), evaluation, next);
      next.getEvaluation().setPassed(decision.passed());
      next.getEvaluation().setMessage(decision.message());
      if (decision.passed()) {
        String checkpoint = evaluation.getCheckpoint();
        if (!checkpoint.equals(next.getServingRevision())) {
          serving(next).setPreviousRevision(next.getServingRevision());
          revision(next, checkpoint, now);
        }
        events.normal(policy, Reason.Promoted, decision.message() + " " + checkpoint + " is the serving revision.");
      } else if (decided == null) {
        events.warning(policy, Reason.PromotionRefused, decision.message());
      }
    }
    boolean passed = next.getEvaluation().getPassed();
    conditions.set(ConditionType.TRAINED, true, passed ? Reason.Promoted : Reason.PromotionRefused,
        next.getEvaluation().getMessage());
  }

  private static void revision(PolicyStatus next, String revision, Instant now) {
    next.setServingRevision(revision);
    serving(next).setRevisionTime(now.toString());
  }

  private static ServingStatus serving(PolicyStatus next) {
    if (next.getServing() == null) {
      next.setServing(new ServingStatus());
    }
    return next.getServing();
  }
}
