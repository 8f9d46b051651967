package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyPhase;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.common.References;
import dev.autonomy.controllers.common.StatusControl;
import dev.autonomy.controllers.config.OperatorConfig;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import dev.autonomy.controllers.status.Verdict;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Policy: observe references → validate → (training and serving: the Policy issue) → report.
 * Holds a finalizer: a Ray job must be stopped before its Policy goes.
 */
@ControllerConfiguration(name = "policy")
public class PolicyReconciler implements Reconciler<Policy>, Cleaner<Policy> {
  private final EventRecorder events;
  private final OperatorConfig config;
  private final Clock clock;

  @Inject
  public PolicyReconciler(EventRecorder events, OperatorConfig config) {
    this(events, config, Clock.systemUTC());
  }

  PolicyReconciler(EventRecorder events, OperatorConfig config, Clock clock) {
    this.events = events;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public UpdateControl<Policy> reconcile(Policy policy, Context<Policy> context) {
    PolicySpec spec = policy.getSpec();
    References refs = new References(context.getClient(), policy.getMetadata().getNamespace());
    if (spec.getCheckpoint() != null) {
      refs.require("spec.checkpoint.existingClaim", PersistentVolumeClaim.class, spec.getCheckpoint().getExistingClaim());
    }
    Verdict verdict = Verdict.of(refs.missing(), PolicyValidator.problems(spec));
    boolean suspended = Boolean.TRUE.equals(spec.getSuspend());

    PolicyStatus previous = policy.getStatus();
    PolicyStatus next = Copies.deepCopy(previous, PolicyStatus.class, PolicyStatus::new);
    ConditionSet conditions = ConditionSet.of(next.getConditions(), policy.getMetadata().getGeneration(), clock.instant())
        .set(ConditionType.ACCEPTED, verdict.accepted(), verdict.reason(), verdict.message())
        .set(ConditionType.READY, false, !verdict.accepted() ? verdict.reason()
                : suspended ? Reason.Suspended : Reason.WorkloadPending,
            !verdict.accepted() ? verdict.message()
                : suspended ? "Training is suspended by spec.suspend." : "No trained checkpoint is serving yet.");
    next.setConditions(conditions.list());
    next.setObservedGeneration(policy.getMetadata().getGeneration());
    next.setPhase(suspended ? PolicyPhase.SUSPENDED : verdict.reason() == Reason.InvalidSpec ? PolicyPhase.FAILED
        : PolicyPhase.PENDING);
    policy.setStatus(next);
    return StatusControl.report(policy, previous, next, conditions, verdict, events, config.waitRequeue());
  }

  @Override
  public DeleteControl cleanup(Policy policy, Context<Policy> context) {
    // Children are garbage-collected through owner references; the Ray job stop comes with the Ray backend.
    return DeleteControl.defaultDelete();
  }
}
