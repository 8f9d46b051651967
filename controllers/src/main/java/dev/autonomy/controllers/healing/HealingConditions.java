package dev.autonomy.controllers.healing;

import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;

/** What a healing turn says in conditions: Healing, and Degraded (RemediationExhausted) once healing gave up. */
public final class HealingConditions {
  private HealingConditions() {}

  /** Sets Healing; sets Degraded only when healing gave up, or to clear a RemediationExhausted it set before. */
  public static ConditionSet apply(ConditionSet conditions, HealingLoop.Turn turn) {
    conditions.set(ConditionType.HEALING, turn.healing(), turn.healing() ? Reason.RemediationApplied : Reason.NoSymptoms,
        turn.message());
    boolean degradedByHealing = conditions.list().stream().anyMatch(c -> ConditionType.DEGRADED.equals(c.getType())
        && Reason.RemediationExhausted.name().equals(c.getReason()));
    if (turn.exhausted()) {
      conditions.set(ConditionType.DEGRADED, true, Reason.RemediationExhausted, turn.message());
    } else if (degradedByHealing) {
      conditions.set(ConditionType.DEGRADED, false, Reason.Healthy, "Nothing is degraded.");
    }
    return conditions;
  }
}
