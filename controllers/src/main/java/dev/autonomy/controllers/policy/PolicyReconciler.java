package dev.autonomy.controllers.policy;

import dev.autonomy.api.v1alpha1.policy.BackendType;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.api.v1alpha1.policy.PolicyPhase;
import dev.autonomy.api.v1alpha1.policy.PolicySpec;
import dev.autonomy.api.v1alpha1.policy.PolicyStatus;
import dev.autonomy.api.v1alpha1.policy.RayJobStatus;
import dev.autonomy.controllers.common.Copies;
import dev.autonomy.controllers.common.References;
import dev.autonomy.controllers.common.StatusControl;
import dev.autonomy.controllers.config.OperatorConfig;
import dev.autonomy.controllers.events.EventRecorder;
import dev.autonomy.controllers.healing.Executor;
import dev.autonomy.controllers.healing.HealingConditions;
import dev.autonomy.controllers.healing.HealingLoop;
import dev.autonomy.controllers.policy.PolicyDependents.Checkpoints;
import dev.autonomy.controllers.policy.PolicyDependents.CreatesClaim;
import dev.autonomy.controllers.policy.PolicyDependents.ServingAutoscaled;
import dev.autonomy.controllers.policy.PolicyDependents.ServingAutoscaler;
import dev.autonomy.controllers.policy.PolicyDependents.ServingDeployment;
import dev.autonomy.controllers.policy.PolicyDependents.ServingService;
import dev.autonomy.controllers.policy.PolicyDependents.ServingWanted;
import dev.autonomy.controllers.policy.PolicyDependents.TrainerConfig;
import dev.autonomy.controllers.policy.PolicyDependents.TrainerRole;
import dev.autonomy.controllers.policy.PolicyDependents.TrainerRoleBinding;
import dev.autonomy.controllers.policy.PolicyDependents.TrainerServiceAccount;
import dev.autonomy.controllers.policy.ray.RayJobStates;
import dev.autonomy.controllers.policy.ray.RayTrainingBackend;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import dev.autonomy.controllers.status.Verdict;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Policy: observe references → validate → train (a Job or a Ray job per attempt, retried within
 * the budget kept in status), gate and promote the evaluated checkpoint, serve it → report. Only
 * an accepted spec touches children. Reconciles on status changes too: the trainer reports its
 * evaluation and live reward there. Holds a finalizer: a Ray job is stopped and deleted before its
 * Policy goes.
 */
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "config", type = TrainerConfig.class),
    @Dependent(name = "checkpoints", type = Checkpoints.class, reconcilePrecondition = CreatesClaim.class),
    @Dependent(name = "service-account", type = TrainerServiceAccount.class),
    @Dependent(name = "role", type = TrainerRole.class),
    @Dependent(name = "role-binding", type = TrainerRoleBinding.class, dependsOn = {"service-account", "role"}),
    @Dependent(name = "serving", type = ServingDeployment.class, dependsOn = {"config", "role-binding"},
        reconcilePrecondition = ServingWanted.class),
    @Dependent(name = "service", type = ServingService.class, reconcilePrecondition = ServingWanted.class),
    @Dependent(name = "autoscaler", type = ServingAutoscaler.class, dependsOn = "serving",
        reconcilePrecondition = ServingAutoscaled.class)})
@ControllerConfiguration(name = "policy", generationAwareEventProcessing = false)
public class PolicyReconciler implements Reconciler<Policy>, Cleaner<Policy> {
  static final String TRAINING_JOBS = "policy-training-jobs";
  /** A Ray job being stopped is given this long to reach a final state, so its record can be deleted. */
  static final Duration STOP_WAIT = Duration.ofSeconds(10);
  /** An unreachable Ray dashboard holds a deleted Policy this long, then it goes anyway. */
  static final Duration CLEANUP_LIMIT = Duration.ofMinutes(2);
  private static final Logger LOG = Logger.getLogger(PolicyReconciler.class);
  private final EventRecorder events;
  private final OperatorConfig config;
  private final RayTrainingBackend ray;
  private final Clock clock;

  @Inject
  public PolicyReconciler(EventRecorder events, OperatorConfig config, RayTrainingBackend ray) {
    this(events, config, ray, Clock.systemUTC());
  }

  PolicyReconciler(EventRecorder events, OperatorConfig config, RayTrainingBackend ray, Clock clock) {
    this.events = events;
    this.config = config;
    this.ray = ray;
    this.clock = clock;
  }

  @Override
  public UpdateControl<Policy> reconcile(Policy policy, Context<Policy> context) {
    PolicySpec spec = policy.getSpec();
    References refs = new References(context.getClient(), policy.getMetadata().getNamespace());
    if (spec.getCheckpoint() != null) {
      refs.require("spec.checkpoint.existingClaim", PersistentVolumeClaim.class, spec.getCheckpoint().getExistingClaim());
    }
    Verdict verdict = Verdict.of(refs.missing(), PolicyValidator.problems(policy.getMetadata().getName(), spec));

    Instant now = clock.instant();
    PolicyStatus reported = policy.getStatus() == null ? new PolicyStatus() : policy.getStatus();
    PolicyStatus next = Copies.deepCopy(reported, PolicyStatus.class, PolicyStatus::new);
    ConditionSet conditions = ConditionSet.of(next.getConditions(), policy.getMetadata().getGeneration(), now)
        .set(ConditionType.ACCEPTED, verdict.accepted(), verdict.reason(), verdict.message());
    Optional<Duration> requeue = Optional.empty();
    if (verdict.accepted()) {
      requeue = reconcileAccepted(policy, context, reported, next, conditions, now);
    } else {
      conditions.set(ConditionType.READY, false, verdict.reason(), verdict.message());
      next.setPhase(verdict.reason() == Reason.InvalidSpec ? PolicyPhase.FAILED : PolicyPhase.PENDING);
    }
    next.setConditions(conditions.list());
    next.setObservedGeneration(policy.getMetadata().getGeneration());
    PolicyStatus applied = PolicyStatusFactory.operatorOwned(next);
    policy.setStatus(applied);
    UpdateControl<Policy> control = StatusControl.report(policy, PolicyStatusFactory.operatorOwned(reported), applied,
        conditions, verdict, events, config.waitRequeue());
    return requeue.map(control::rescheduleAfter).orElse(control);
  }

  /** Train, promote, apply the children, start the attempt's Job, clean up; returns when to look again. */
  private Optional<Duration> reconcileAccepted(Policy policy, Context<Policy> context, PolicyStatus reported,
      PolicyStatus next, ConditionSet conditions, Instant now) {
    JobAttempts jobs = new JobAttempts(context.getClient(), jobSource(context));
    RayAttempts rayAttempts = new RayAttempts(ray);
    boolean onRay = policy.getSpec().getBackend() != null && policy.getSpec().getBackend().getType() == BackendType.RAY;
    PolicyHealing healing = healing(policy, context, onRay);
    PolicyTraining.Step step = new PolicyTraining(onRay ? rayAttempts : jobs, events, healing)
        .step(policy, next, conditions, now);
    healing.turn().ifPresent(turn -> HealingConditions.apply(conditions, turn));
    next.setConditions(conditions.list());  // how the run ended is in its Training condition
    new PolicyPromotion(events).step(policy, next, conditions, now);

    PolicyInputs in = inputs(policy, next);
    context.managedWorkflowAndDependentResourceContext().put(PolicyInputs.class, in);
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    if (step.launch()) {
      jobs.launch(in, TrainingRun.attempt(next));
    }
    jobs.deleteStrays(policy, next.getTrainingJobName());
    rayAttempts.stopStray(policy, reported, next);
    Integer ttl = policy.getSpec().getTtlSecondsAfterFinished();
    Optional<Duration> jobExpiry = jobs.expire(policy, reported, next, ttl, now);
    Optional<Duration> rayExpiry = rayAttempts.expire(policy, reported, next, ttl, now);

    PolicyStatusFactory.serving(policy, next, context.getSecondaryResource(Deployment.class), conditions);
    PolicyStatusFactory.ready(policy, next, conditions);
    next.setConditions(conditions.list());
    next.setPhase(PolicyStatusFactory.phase(policy, next));
    return Stream.of(step.requeue(), jobExpiry, rayExpiry, PromotionGate.untilJudged(policy.getSpec().getServing(), next, now))
        .flatMap(Optional::stream).min(Duration::compareTo);
  }

  private PolicyInputs inputs(Policy policy, PolicyStatus status) {
    return new PolicyInputs(policy, trainerImage(policy.getSpec()), config.localRunner(), TrainingRun.generation(status),
        status.getServingRevision(), status.getHealing());
  }

  /** The training run's healer; the next attempt's Job is what its dry run judges (a Ray job has none). */
  private PolicyHealing healing(Policy policy, Context<Policy> context, boolean onRay) {
    HealingLoop loop = HealingLoop.inCluster(context.getClient(), config, policy.getMetadata().getNamespace(), events);
    return new PolicyHealing(loop, new Executor(context.getClient(), policy.getSpec().getHealing()),
        status -> onRay ? Optional.empty()
            : Optional.of(PolicyJobFactory.job(inputs(policy, status), TrainingRun.attempt(status))),
        config.healing().trainingStallAfter());
  }

  /** Training Jobs carry the Policy as controller owner; only ours (by label) are watched. */
  @Override
  public List<EventSource<?, Policy>> prepareEventSources(EventSourceContext<Policy> context) {
    return List.of(new InformerEventSource<>(InformerEventSourceConfiguration.from(Job.class, Policy.class)
        .withName(TRAINING_JOBS).withLabelSelector(PolicyResources.TRAINING_JOBS_SELECTOR)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(Policy.class)).build(), context));
  }

  /** Children go by garbage collection; a Ray job is stopped, then its record deleted, first. */
  @Override
  public DeleteControl cleanup(Policy policy, Context<Policy> context) {
    RayJobStatus job = policy.getStatus() == null ? null : policy.getStatus().getRay();
    if (job == null) {
      return DeleteControl.defaultDelete();
    }
    Duration deleting = Duration.between(Instant.parse(policy.getMetadata().getDeletionTimestamp()), clock.instant());
    try {
      new RayAttempts(ray).forget(policy, job);
    } catch (RuntimeException e) {
      if (deleting.compareTo(CLEANUP_LIMIT) < 0) {
        LOG.infof("Policy %s/%s: Ray job %s not stopped yet: %s", policy.getMetadata().getNamespace(),
            policy.getMetadata().getName(), job.getSubmissionId(), e.getMessage());
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(RayAttempts.POLL);
      }
      events.warning(policy, Reason.ReconcileFailed, "Ray job " + job.getSubmissionId() + " could not be stopped ("
          + e.getMessage() + "); the Policy goes without it.");
      return DeleteControl.defaultDelete();
    }
    // Ray stops a job asynchronously and deletes only finished ones: look again until it is gone.
    if (!RayJobStates.terminal(job) && deleting.compareTo(STOP_WAIT) < 0) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofSeconds(2));
    }
    return DeleteControl.defaultDelete();
  }

  private String trainerImage(PolicySpec spec) {
    var job = spec.getBackend() == null ? null : spec.getBackend().getJob();
    return job != null && job.getImage() != null ? job.getImage() : config.images().trainer();
  }

  @SuppressWarnings("unchecked")
  private static InformerEventSource<Job, Policy> jobSource(Context<Policy> context) {
    return (InformerEventSource<Job, Policy>) context.eventSourceRetriever().getEventSourceFor(Job.class, TRAINING_JOBS);
  }
}
