package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.memory.DeletionPolicy;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.memory.MemoryStorePhase;
import dev.autonomy.api.v1alpha1.memory.MemoryStoreSpec;
import dev.autonomy.api.v1alpha1.memory.MemoryStoreStatus;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.common.References;
import dev.autonomy.controllers.common.StatusControl;
import dev.autonomy.controllers.config.OperatorConfig;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.healing.HealingConditions;
import dev.autonomy.controllers.healing.HealingLoop;
import dev.autonomy.controllers.healing.WorkloadEvents;
import dev.autonomy.controllers.memory.MemoryStoreDependents.Backup;
import dev.autonomy.controllers.memory.MemoryStoreDependents.BackupClaim;
import dev.autonomy.controllers.memory.MemoryStoreDependents.BackupClaimWanted;
import dev.autonomy.controllers.memory.MemoryStoreDependents.BackupEnabled;
import dev.autonomy.controllers.memory.MemoryStoreDependents.ClientService;
import dev.autonomy.controllers.memory.MemoryStoreDependents.ConnectionSecret;
import dev.autonomy.controllers.memory.MemoryStoreDependents.Database;
import dev.autonomy.controllers.memory.MemoryStoreDependents.DisruptionBudget;
import dev.autonomy.controllers.memory.MemoryStoreDependents.HeadlessService;
import dev.autonomy.controllers.memory.MemoryStoreDependents.Ingress;
import dev.autonomy.controllers.memory.MemoryStoreDependents.MoreThanOneReplica;
import dev.autonomy.controllers.memory.MemoryStoreDependents.Scripts;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import dev.autonomy.controllers.status.Verdict;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * MemoryStore: observe references → validate → reconcile the children (only when accepted: an
 * invalid spec leaves a running store as it is) → grow claims → report status and Events.
 * Holds a finalizer: under {@code deletionPolicy: Delete} the Cleaner removes the data and backup
 * claims and hands the connection Secret to garbage collection; under Retain all three stay.
 */
@Workflow(explicitInvocation = true, handleExceptionsInReconciler = true, dependents = {
    @Dependent(name = "secret", type = ConnectionSecret.class),
    @Dependent(name = "scripts", type = Scripts.class),
    @Dependent(name = "service", type = ClientService.class),
    @Dependent(name = "headless-service", type = HeadlessService.class),
    @Dependent(name = "statefulset", type = Database.class, dependsOn = {"secret", "scripts", "headless-service"}),
    @Dependent(name = "disruption-budget", type = DisruptionBudget.class, reconcilePrecondition = MoreThanOneReplica.class),
    @Dependent(name = "network-policy", type = Ingress.class),
    @Dependent(name = "backup-claim", type = BackupClaim.class, reconcilePrecondition = BackupClaimWanted.class),
    @Dependent(name = "backup", type = Backup.class, reconcilePrecondition = BackupEnabled.class)})
@ControllerConfiguration(name = "memorystore")
public class MemoryStoreReconciler implements Reconciler<MemoryStore>, Cleaner<MemoryStore> {
  static final String DATA_CLAIMS = "memorystore-data-claims";
  static final String BACKUP_JOBS = "memorystore-backup-jobs";
  static final String DATABASE_PODS = "memorystore-database-pods";
  private static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
  private static final Logger LOG = Logger.getLogger(MemoryStoreReconciler.class);
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
    Verdict verdict = Verdict.of(refs.missing(), MemoryStoreValidator.problems(store.getMetadata().getName(), spec));

    MemoryStoreStatus previous = store.getStatus();
    MemoryStoreStatus next = Copies.deepCopy(previous, MemoryStoreStatus.class, MemoryStoreStatus::new);
    ConditionSet conditions = ConditionSet.of(next.getConditions(), store.getMetadata().getGeneration(), clock.instant())
        .set(ConditionType.ACCEPTED, verdict.accepted(), verdict.reason(), verdict.message());
    HealingLoop.Turn healing = null;
    if (verdict.accepted()) {
      healing = MemoryStoreHealing.run(store, List.copyOf(secondary(context, Pod.class, DATABASE_PODS, store)),
          WorkloadEvents.nodeLookup(context), context.getClient(),
          HealingLoop.inCluster(context.getClient(), config, store.getMetadata().getNamespace(), events), clock.instant());
      next.setHealing(healing.knowledge());
      MemoryStoreStatusFactory.report(store, reconcileChildren(store, context), previous, next, conditions);
      HealingConditions.apply(conditions, healing);
    } else {
      conditions.set(ConditionType.READY, false, verdict.reason(), verdict.message());
      next.setPhase(verdict.reason() == Reason.InvalidSpec ? MemoryStorePhase.FAILED : MemoryStorePhase.PENDING);
      next.setReadyReplicas(next.getReadyReplicas() == null ? 0 : next.getReadyReplicas());
    }
    next.setConditions(conditions.list());
    next.setObservedGeneration(store.getMetadata().getGeneration());
    store.setStatus(next);
    UpdateControl<MemoryStore> control = StatusControl.report(store, previous, next, conditions, verdict, events,
        config.waitRequeue());
    // A degraded store (a child or a resize failed) is looked at again, and a remediation's outcome
    // once its cooldown ends; the rest comes by events.
    Optional<java.time.Duration> recheck = healing == null ? Optional.empty() : healing.recheck(clock.instant());
    if (recheck.isPresent()) {
      return control.rescheduleAfter(recheck.get());
    }
    return next.getPhase() == MemoryStorePhase.DEGRADED ? control.rescheduleAfter(config.waitRequeue()) : control;
  }

  /** Decides replicas and sizes, applies the children, grows the data claims; returns what was seen. */
  private MemoryStoreStatusFactory.Observation reconcileChildren(MemoryStore store, Context<MemoryStore> context) {
    Optional<StatefulSet> before = context.getSecondaryResource(StatefulSet.class);
    int replicas = MemoryStoreScaling.replicas(store, before);
    var workflow = context.managedWorkflowAndDependentResourceContext();
    workflow.put(MemoryStoreInputs.class, new MemoryStoreInputs(MemoryBackends.image(store.getSpec(), config.images()),
        config.images().backupTools(), replicas, MemoryStoreScaling.claimTemplateSize(store, before)));
    WorkflowReconcileResult result = workflow.reconcileManagedWorkflow();
    List<String> childFailures = new ArrayList<>();
    result.getErroredDependents().forEach((dependent, e) -> {
      LOG.warnf("MemoryStore %s/%s: %s failed: %s", store.getMetadata().getNamespace(), store.getMetadata().getName(),
          dependent.name(), e.getMessage());
      childFailures.add(dependent.name() + ": " + e.getMessage());
    });

    Set<PersistentVolumeClaim> claims = secondary(context, PersistentVolumeClaim.class, DATA_CLAIMS, store);
    MemoryStoreScaling.StoragePlan storage = MemoryStoreScaling.storagePlan(store, claims);
    List<String> resizeFailures = new MemoryStoreClaims(context.getClient()).grow(store, storage);
    return new MemoryStoreStatusFactory.Observation(context.getSecondaryResource(StatefulSet.class), replicas, storage,
        resizeFailures, MemoryStoreScaling.scaleDownRefused(store, before), childFailures,
        secondary(context, Job.class, BACKUP_JOBS, store));
  }

  /**
   * Retain keeps the data claims, the backup claim and the connection Secret (the credentials the
   * data was initialized with: a store re-created with the same name adopts all three). Delete
   * removes the claims and gives the Secret an owner reference, so garbage collection removes it
   * with the store (the operator may create and patch Secrets, not delete them).
   */
  @Override
  public DeleteControl cleanup(MemoryStore store, Context<MemoryStore> context) {
    context.managedWorkflowAndDependentResourceContext().cleanupManageWorkflow();
    if (store.getSpec().getDeletionPolicy() != DeletionPolicy.DELETE) {
      return DeleteControl.defaultDelete();
    }
    List<String> claims = new MemoryStoreClaims(context.getClient())
        .deleteWith(store, secondary(context, PersistentVolumeClaim.class, DATA_CLAIMS, store));
    LOG.infof("MemoryStore %s/%s deleted with deletionPolicy Delete: claims %s removed", store.getMetadata().getNamespace(),
        store.getMetadata().getName(), claims);
    return DeleteControl.defaultDelete();
  }

  /** Data claims (made by the StatefulSet) and backup Jobs (made by the CronJob): labelled, not owned by the store. */
  @Override
  public List<EventSource<?, MemoryStore>> prepareEventSources(EventSourceContext<MemoryStore> context) {
    // Database pods and their nodes: the Monitor's input for healing.
    InformerEventSource<Pod, MemoryStore> pods = WorkloadEvents.pods(context, MemoryStore.class, DATABASE_PODS,
        MemoryStoreResources.CHILDREN_SELECTOR + ",app.kubernetes.io/component=" + MemoryStoreResources.DATABASE);
    return List.of(byInstanceLabel(context, PersistentVolumeClaim.class, DATA_CLAIMS, MemoryStoreResources.DATABASE),
        byInstanceLabel(context, Job.class, BACKUP_JOBS, MemoryStoreResources.BACKUP), pods,
        WorkloadEvents.nodes(context, MemoryStore.class, pods));
  }

  private static <R extends HasMetadata> EventSource<R, MemoryStore> byInstanceLabel(EventSourceContext<MemoryStore> context,
      Class<R> type, String name, String component) {
    return new InformerEventSource<>(InformerEventSourceConfiguration.from(type, MemoryStore.class).withName(name)
        .withLabelSelector(MemoryStoreResources.CHILDREN_SELECTOR + ",app.kubernetes.io/component=" + component)
        .withSecondaryToPrimaryMapper(r -> r.getMetadata().getLabels() == null
            || !r.getMetadata().getLabels().containsKey(INSTANCE_LABEL) ? Set.of()
            : Set.of(new ResourceID(r.getMetadata().getLabels().get(INSTANCE_LABEL), r.getMetadata().getNamespace())))
        .build(), context);
  }

  @SuppressWarnings("unchecked")
  private static <R extends HasMetadata> Set<R> secondary(Context<MemoryStore> context, Class<R> type, String source,
      MemoryStore store) {
    return ((InformerEventSource<R, MemoryStore>) context.eventSourceRetriever().getEventSourceFor(type, source))
        .getSecondaryResources(store);
  }
}
