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
  /** The resource is suspended by its spec. */
  Suspended,
  /** Healing gave up after its budget; a human should look. */
  RemediationExhausted;
}
