package dev.autonomy.controllers.status;

/** Every reason a condition or an Event may carry: CamelCase, one place. */
public enum Reason {
  /** The spec passed validation and its references resolve. */
  Accepted,
  /** The spec is incoherent beyond what CEL can check (a field is named in the message). */
  InvalidSpec,
  /** A referenced object (Secret, MemoryStore, Policy, claim) does not exist yet. */
  ReferenceNotFound,
  /** Accepted; the workload this kind runs is not up yet. */
  WorkloadPending,
  /** Every desired planner (or server) is ready. */
  WorkloadReady,
  /** Some, not all, of the desired replicas are ready. */
  ReplicasUnavailable,
  /** A planner answers, so its model answers (a planner is ready only then). */
  ModelAnswering,
  /** No planner is ready, so no model answer has been seen. */
  ModelUnavailable,
  /** The referenced MemoryStore is ready for the agent. */
  MemoryStoreReady,
  /** The referenced MemoryStore exists but is not ready. */
  MemoryStoreNotReady,
  /** No MemoryStore is referenced: memory stays in the planner's process. */
  InProcessMemory,
  // MemoryStore
  /** Every replica of the store is ready and its endpoint serves. */
  StoreReady,
  /** Fewer replicas are ready than desired. */
  ReplicasNotReady,
  /** Children are created; replicas are not all ready yet. */
  Provisioning,
  /** Claims are being grown to the spec's size. */
  StorageResizing,
  /** Every child matches the spec. */
  Reconciled,
  /** Nothing is wrong. */
  Healthy,
  /** Creating or updating a child failed (the message names it). */
  ReconcileFailed,
  /** The spec asks for smaller volumes than exist: volumes never shrink. */
  StorageShrinkRefused,
  /** A claim could not be grown (e.g. its StorageClass does not allow expansion). */
  StorageResizeFailed,
  /** A scale-down that would lose data is held back until confirmed. */
  ScaleDownRefused,
  /** The most recent backup succeeded. */
  BackupSucceeded,
  /** The most recent backup failed. */
  BackupFailed,
  /** No backup has finished yet. */
  BackupPending,
  /** Backups are not enabled. */
  BackupDisabled,
  /** The resource is suspended by its spec. */
  Suspended,
  // Policy
  /** A training attempt is pending or running. */
  TrainingRunning,
  /** The run's last attempt finished; the trainer evaluated its best checkpoint. */
  TrainingSucceeded,
  /** Every attempt the retry budget (spec.training.backoffLimit) allows failed. */
  TrainingFailed,
  /** An attempt failed in a way a retry cannot fix (invalid trainer configuration, a refused Ray submission). */
  TrainingRejected,
  /** The training backend (a Ray dashboard) does not answer: the attempt's state is unknown. */
  BackendUnreachable,
  /** A training attempt was started (a Job created, a Ray job submitted). */
  AttemptStarted,
  /** A training attempt failed; the next one resumes from the newest checkpoint. */
  AttemptFailed,
  /** A running attempt was stopped (spec.suspend, or a new spec starts a new run). */
  AttemptStopped,
  /** Training finished; the trainer's evaluation of this run is awaited. */
  EvaluationPending,
  /** The evaluated checkpoint passed the promotion gate and is the serving revision. */
  Promoted,
  /** The evaluated checkpoint did not pass the promotion gate. */
  PromotionRefused,
  /** The live reward of the serving revision regressed: the previous revision serves again. */
  RolledBack,
  /** spec.serving.enabled is false. */
  ServingDisabled,
  /** Nothing is served yet: no checkpoint has passed the promotion gate. */
  NoPromotedCheckpoint,
  /** Healing gave up after its budget; a human should look. */
  RemediationExhausted,
  /** The latest spec broke the workload; the children run the last stable spec until the spec changes again. */
  SpecRolledBack,
  /** The primary model answers again: the planners use it again after a switch to the fallback. */
  PrimaryModelRestored,
  // Healing
  /** spec.healing.dryRunOnly: a remediation's server-side dry run passed; it was not applied. */
  RemediationPlanned,
  /** A remediation was applied after its server-side dry run passed; its outcome is pending. */
  RemediationApplied,
  /** The server-side dry run refused the remediation: nothing was applied. */
  RemediationRejected,
  /** The symptom was gone after the remediation. */
  RemediationSucceeded,
  /** The symptom stayed after the remediation. */
  RemediationFailed,
  /** Nothing needs healing. */
  NoSymptoms;
}
