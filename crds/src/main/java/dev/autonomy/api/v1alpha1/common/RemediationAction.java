package dev.autonomy.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A remediation the self-healing loop may apply. */
public enum RemediationAction {
  /** Restart the failing pods. */
  @JsonProperty("restart")
  RESTART("restart"),

  /** Raise the memory limit, never above healing.memoryLimitCeiling. */
  @JsonProperty("raise-memory-limit")
  RAISE_MEMORY_LIMIT("raise-memory-limit"),

  /** Roll children back to the last stable spec (the user's spec is never edited). */
  @JsonProperty("rollback")
  ROLLBACK("rollback"),

  /** Resume training from the last good checkpoint. */
  @JsonProperty("resume-from-checkpoint")
  RESUME_FROM_CHECKPOINT("resume-from-checkpoint"),

  /** Resume training with a lowered learning rate. */
  @JsonProperty("lower-learning-rate")
  LOWER_LEARNING_RATE("lower-learning-rate"),

  /** Move pods away from a NotReady node. */
  @JsonProperty("reschedule")
  RESCHEDULE("reschedule"),

  /** Recreate deleted or lost child objects. */
  @JsonProperty("recreate-children")
  RECREATE_CHILDREN("recreate-children"),

  /** Fail over to another memory store replica. */
  @JsonProperty("failover-replica")
  FAILOVER_REPLICA("failover-replica"),

  /** Switch an Agent to its fallback model. */
  @JsonProperty("switch-to-fallback-model")
  SWITCH_TO_FALLBACK_MODEL("switch-to-fallback-model");

  private final String value;

  RemediationAction(String value) {
    this.value = value;
  }

  /** The value as written in a manifest. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
