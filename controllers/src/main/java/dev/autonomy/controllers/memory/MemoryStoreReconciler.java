package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.memory.MemoryStorePhase;
import dev.autonomy.api.v1alpha1.memory.MemoryStoreSpec;
import dev.autonomy.api.v1alpha1.memory.MemoryStoreStatus;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.common.References;
import dev.autonomy.controllers.common.StatusControl;
import dev.autonomy.controllers.config.OperatorConfig;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import dev.autonomy.controllers.status.Verdict;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * MemoryStore: observe references → validate → (StatefulSet and friends: the MemoryStore issue) →
 * report. Holds a finalizer: deletionPolicy Delete removes claims and backups on deletion.
 */
@ControllerConfiguration(name = "memorystore")
public class MemoryStoreReconciler implements Reconciler<MemoryStore>, Cleaner<MemoryStore> {
  private final EventRecorder events;
  private final OperatorConfig config;
  private final Clock clock;

  @Inject
  public MemoryStoreReconciler(EventRecorder events, OperatorConfig config) {
    this(events, config, Clock.systemUTC());
  }

  MemoryStoreReconciler(EventRecorder events, OperatorConfig config, Clock clock) {
    this.events = events;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public UpdateControl<MemoryStore> reconcile(MemoryStore store, Context<MemoryStore> context) {
    MemoryStoreSpec spec = store.getSpec();
    References refs = new References(context.getClient(), store.getMetadata().getNamespace());
    if (spec.getBackup() != null && spec.getBackup().getTarget() != null && spec.getBackup().getTarget().getS3() != null
        && spec.getBackup().getTarget().getS3().getCredentialsSecretRef() != null) {
      refs.requireSecretKey("spec.backup.target.s3.credentialsSecretRef",
          spec.getBackup().getTarget().getS3().getCredentialsSecretRef().getName(), null);
    }
    Verdict verdict = Verdict.of(refs.missing(), MemoryStoreValidator.problems(spec));

    MemoryStoreStatus previous = store.getStatus();
    MemoryStoreStatus next = Copies.deepCopy(previous, MemoryStoreStatus.class, MemoryStoreStatus::new);
    ConditionSet conditions = ConditionSet.of(next.getConditions(), store.getMetadata().getGeneration(), clock.instant())
        .set(ConditionType.ACCEPTED, verdict.accepted(), verdict.reason(), verdict.message())
        .set(ConditionType.READY, false, verdict.accepted() ? Reason.WorkloadPending : verdict.reason(),
            verdict.accepted() ? "The database StatefulSet is not running yet." : verdict.message());
    next.setConditions(conditions.list());
    next.setObservedGeneration(store.getMetadata().getGeneration());
    next.setPhase(verdict.reason() == Reason.InvalidSpec ? MemoryStorePhase.FAILED : MemoryStorePhase.PENDING);
    next.setReadyReplicas(next.getReadyReplicas() == null ? 0 : next.getReadyReplicas());
    store.setStatus(next);
    return StatusControl.report(store, previous, next, conditions, verdict, events, config.waitRequeue());
  }

  @Override
  public DeleteControl cleanup(MemoryStore store, Context<MemoryStore> context) {
    // deletionPolicy Retain keeps claims and backups; Delete's removal comes with the StatefulSet.
    return DeleteControl.defaultDelete();
  }
}
