package dev.autonomy.controllers.status;

/** Condition types, all of positive polarity (True is good, except Degraded/Healing which report trouble). */
public final class ConditionType {
  /** The spec passed validation beyond CEL: references resolve, budgets are coherent. */
  public static final String ACCEPTED = "Accepted";
  /** The resource does what it is for. */
  public static final String READY = "Ready";
  /** The operator is moving the resource towards its spec. */
  public static final String PROGRESSING = "Progressing";
  /** The resource works, but below its spec (or healing gave up). */
  public static final String DEGRADED = "Degraded";
  /** Agent: its planner's model answers (from planner readiness, never by calling pods). */
  public static final String MODEL_AVAILABLE = "ModelAvailable";
  /** Agent: its memory is bound (a ready MemoryStore, or in-process memory when none is named). */
  public static final String MEMORY_BOUND = "MemoryBound";
  /** MemoryStore: its most recent backup succeeded (Unknown while none has run, or backups are off). */
  public static final String BACKUP_SUCCEEDED = "BackupSucceeded";
  /** Policy: a training attempt runs (Unknown while its backend does not answer). */
  public static final String TRAINING = "Training";
  /** Policy: the current spec's run finished and its best checkpoint was evaluated (the gate's verdict in the reason). */
  public static final String TRAINED = "Trained";
  /** Policy: the promoted checkpoint is served (serving enabled, a server ready). */
  public static final String SERVING = "Serving";
  /** A remediation is under way. */
  public static final String HEALING = "Healing";

  private ConditionType() {}
}
