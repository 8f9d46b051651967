package dev.autonomy.controllers.healing;

import dev.autonomy.api.v1alpha1.common.RemediationAction;
import java.util.Map;

/** The catalogue: what each remediation costs (1 cheap … 10 disruptive). Preconditions live in Plan. */
public final class Remedies {
  private static final Map<RemediationAction, Integer> COST = Map.of(
      RemediationAction.RECREATE_CHILDREN, 1,
      RemediationAction.RESTART, 2,
      RemediationAction.RESCHEDULE, 2,
      RemediationAction.RAISE_MEMORY_LIMIT, 3,
      RemediationAction.RESUME_FROM_CHECKPOINT, 3,
      RemediationAction.SWITCH_TO_FALLBACK_MODEL, 4,
      RemediationAction.LOWER_LEARNING_RATE, 4,
      RemediationAction.FAILOVER_REPLICA, 5,
      RemediationAction.ROLLBACK, 5);

  private Remedies() {}

  public static int cost(RemediationAction action) {
    return COST.getOrDefault(action, 10);
  }
}
