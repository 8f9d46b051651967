package dev.autonomy.controllers.healing;

import static dev.autonomy.api.v1alpha1.common.RemediationAction.FAILOVER_REPLICA;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.LOWER_LEARNING_RATE;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.RAISE_MEMORY_LIMIT;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.RECREATE_CHILDREN;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.RESCHEDULE;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.RESTART;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.RESUME_FROM_CHECKPOINT;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.ROLLBACK;
import static dev.autonomy.api.v1alpha1.common.RemediationAction.SWITCH_TO_FALLBACK_MODEL;

import dev.autonomy.api.v1alpha1.common.RemediationAction;
import dev.autonomy.controllers.healing.Diagnosis.Cause;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Observations → diagnoses, as a table read top to bottom: the first rule whose signal matches and
 * whose condition on the context holds gives the cause and the remedies to consider.
 */
public final class Analyze {

  /** What the rules may look at beside the observation. */
  public record Context(boolean specChangedRecently, boolean hasStableSpec) {}

  record Rule(Signal signal, Predicate<Context> when, Cause cause, List<RemediationAction> remedies) {}

  static final List<Rule> RULES = List.of(
      new Rule(Signal.OOM_KILLED, c -> true, Cause.MEMORY_LIMIT_TOO_LOW, List.of(RAISE_MEMORY_LIMIT, RESTART)),
      // A restart runs the same broken spec again: only going back helps.
      new Rule(Signal.CRASH_LOOP, c -> c.specChangedRecently() && c.hasStableSpec(), Cause.BAD_CHANGE, List.of(ROLLBACK)),
      new Rule(Signal.CRASH_LOOP, c -> true, Cause.TRANSIENT_FAILURE, List.of(RESTART)),
      new Rule(Signal.CONTAINER_CRASHED, c -> true, Cause.TRANSIENT_FAILURE, List.of(RESTART)),
      new Rule(Signal.IMAGE_PULL_FAILED, c -> c.specChangedRecently() && c.hasStableSpec(), Cause.BAD_CHANGE,
          List.of(ROLLBACK)),
      // A pull that failed without a change of ours: a registry hiccup; a new pod pulls again.
      new Rule(Signal.IMAGE_PULL_FAILED, c -> true, Cause.IMAGE_UNAVAILABLE, List.of(RESTART)),
      new Rule(Signal.NODE_NOT_READY, c -> true, Cause.NODE_FAILURE, List.of(RESCHEDULE)),
      new Rule(Signal.CHILD_MISSING, c -> true, Cause.CHILD_DELETED, List.of(RECREATE_CHILDREN)),
      new Rule(Signal.REPLICAS_UNAVAILABLE, c -> true, Cause.TRANSIENT_FAILURE, List.of(RESTART)),
      new Rule(Signal.LOSS_NAN, c -> true, Cause.TRAINING_DIVERGED, List.of(LOWER_LEARNING_RATE)),
      new Rule(Signal.REWARD_REGRESSED, c -> true, Cause.TRAINING_DIVERGED,
          List.of(RESUME_FROM_CHECKPOINT, LOWER_LEARNING_RATE)),
      new Rule(Signal.JOB_FAILED, c -> true, Cause.TRAINING_FAILED, List.of(RESUME_FROM_CHECKPOINT)),
      new Rule(Signal.TRAINING_STALLED, c -> true, Cause.TRAINING_FAILED, List.of(RESUME_FROM_CHECKPOINT)),
      new Rule(Signal.MODEL_ENDPOINT_ERRORS, c -> true, Cause.MODEL_ENDPOINT_DOWN, List.of(SWITCH_TO_FALLBACK_MODEL)),
      new Rule(Signal.MEMORY_REPLICA_LOST, c -> true, Cause.REPLICA_LOST, List.of(FAILOVER_REPLICA, RECREATE_CHILDREN)));

  private Analyze() {}

  public static List<Diagnosis> diagnose(List<Observation> observations, Context context) {
    List<Diagnosis> out = new ArrayList<>();
    for (Observation o : observations) {
      for (Rule rule : RULES) {
        if (rule.signal() == o.signal() && rule.when().test(context)) {
          out.add(new Diagnosis(rule.cause(), o, rule.remedies()));
          break;
        }
      }
    }
    return out;
  }
}
