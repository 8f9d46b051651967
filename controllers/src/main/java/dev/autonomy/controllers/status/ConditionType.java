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
  /** A remediation is under way. */
  public static final String HEALING = "Healing";

  private ConditionType() {}
}
